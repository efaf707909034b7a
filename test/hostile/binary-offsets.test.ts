/**
 * @fileoverview Truncated and lying binary exports. Registry.pol: cut at every byte, and every entry's data size
 * replaced by lies (0, size±1, 0x7FFFFFFF, 0xFFFFFFFF), a wrong version; .wfw (regf hive): cut every 64 bytes, every
 * u32 field of every cell and of the base block replaced by lies (0, 1, 0x7FFFFFF8, 0xFFFFFFFF, −8, an unaligned and
 * a self-pointing offset). Each read ends as a result with accounting that adds up or a fatal 'error' diagnostic —
 * never an exception, never slow. Two resource attacks on .wfw that used to work: a big-data value claiming 2 GB
 * (allocated before checking its segments) and a value list pointing 20,000 times at one 16 KB value (a 100 KB file
 * turned into 320 MB of rule strings); both are now WFW_DAMAGED errors without the allocation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ParseResult } from '../../parsers/types.js';
import { readPolFile } from '../../parsers/registry-pol/parse.js';
import { registryPolParser } from '../../parsers/registry-pol/index.js';
import { readHive } from '../../parsers/wfw/hive.js';
import { wfwParser } from '../../parsers/wfw/index.js';
import { decode } from '../../src/input/decode.js';
import { HiveBuilder } from './hive-builder.js';
import { assertCleanError, compareFarm, ROOT, tempFile, timed } from './helpers.js';

const POL = new Uint8Array(readFileSync(join(ROOT, 'fixtures/registry-pol/k2-gpo.pol')));
const WFW = new Uint8Array(readFileSync(join(ROOT, 'fixtures/wfw/k2-local.wfw')));
const LIES = [0, 1, 0x7ffffff8, 0xffffffff, 0xfffffff8, 0x1001, 0x20];

/** A parse result is sound: ok with accounting that adds up, or fatal with an error diagnostic. */
function assertSound(r: ParseResult, what: string): void {
  if (!r.ok) {
    assert.ok(r.diagnostics.some((d) => d.severity === 'error'), `${what}: fatal without an error`);
    return;
  }
  const a = r.ruleSet.accounting;
  const ignored = Object.values(a.ignored).reduce((x, y) => x + y, 0);
  assert.is(a.parsed + ignored + a.unsupported, a.total, `${what}: accounting`);
}

function parseWith(parser: typeof wfwParser, name: string, bytes: Uint8Array, what: string): ParseResult {
  let r: ParseResult | undefined;
  const { ms } = timed(() => (r = parser.parse(decode(name, bytes), {})));
  assert.ok(ms < 1000, `${what}: took ${Math.round(ms)} ms`);
  if (r === undefined) throw new Error('unreachable');
  assertSound(r, what);
  return r;
}

function withU32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength).writeUInt32LE(value >>> 0, at);
  return copy;
}

test('Registry.pol cut at every byte: sound results, the cut reported with its offset', () => {
  for (let n = 0; n < POL.length; n++) parseWith(registryPolParser, 'cut.pol', POL.subarray(0, n), `cut at ${n}`);
  const r = parseWith(registryPolParser, 'cut.pol', POL.subarray(0, POL.length - 3), 'cut 3 before the end');
  assert.ok(r.ok && r.ruleSet.diagnostics.some((d) => d.code === 'POL_CORRUPT' && d.severity === 'error'), 'POL_CORRUPT error');
});

test('Registry.pol with a lying data size in every entry, or a wrong version: sound results, never sliced past the end', () => {
  const entries = readPolFile(POL).entries;
  assert.ok(entries.length >= 10);
  for (const e of entries) {
    const sizeAt = e.offset + 2 + (e.key.length + 1) * 2 + 2 + (e.name.length + 1) * 2 + 2 + 4 + 2;
    assert.is(Buffer.from(POL).readUInt32LE(sizeAt), e.data.length, `entry ${e.index}: size field located`);
    for (const lie of [0, e.data.length + 1, e.data.length - 1, 0x7fffffff, 0xffffffff, POL.length]) {
      if (lie === e.data.length || lie < 0) continue;
      parseWith(registryPolParser, 'lying.pol', withU32(POL, sizeAt, lie), `entry ${e.index} size ${lie}`);
    }
  }
  for (const version of [0, 2, 0xffffffff]) {
    const r = parseWith(registryPolParser, 'v.pol', withU32(POL, 4, version), `version ${version}`);
    assert.ok(!r.ok || r.ruleSet.diagnostics.some((d) => d.severity === 'error'), `version ${version} is an error`);
  }
});

test('Registry.pol lying size through the CLI: one line, exit 2', async () => {
  const line = assertCleanError(await compareFarm(join(ROOT, 'fixtures/registry-pol/lying-size.pol')), 'lying-size.pol');
  assert.ok(line.includes('exceeds'), line);
});

test('.wfw cut every 64 bytes: sound results', () => {
  for (let n = 0; n < WFW.length; n += 64) parseWith(wfwParser, 'cut.wfw', WFW.subarray(0, n), `cut at ${n}`);
});

/** Absolute offsets of the allocated cells of the fixture hive (walking the single hive bin). */
function cellOffsets(b: Uint8Array): number[] {
  const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const out: number[] = [];
  for (let at = 0x1020; at + 4 <= b.length; ) {
    const size = view.readInt32LE(at);
    const len = Math.abs(size);
    if (len < 8) break;
    if (size < 0) out.push(at);
    at += len;
  }
  return out;
}

test('.wfw with lies in every u32 field of every cell and of the base block: sound results, fast', () => {
  const cells = cellOffsets(WFW);
  assert.ok(cells.length > 20, `${cells.length} cells`);
  let cases = 0;
  for (const cell of cells) {
    const size = -Buffer.from(WFW.buffer).readInt32LE(cell);
    for (let field = 0; field < Math.min(size, 0x50); field += 4) {
      for (const lie of [...LIES, cell - 0x1000, cell - 0x1000 + 4]) {
        parseWith(wfwParser, 'lying.wfw', withU32(WFW, cell + field, lie), `cell 0x${cell.toString(16)} +${field} = 0x${lie.toString(16)}`);
        cases++;
      }
    }
  }
  for (const field of [0x14, 0x18, 0x1c, 0x24, 0x28]) for (const lie of LIES) parseWith(wfwParser, 'base.wfw', withU32(WFW, field, lie), `base +0x${field.toString(16)}`);
  assert.ok(cases > 1000, `${cases} cases`);
});

test('.wfw big-data value claiming 2 GB: WFW_DAMAGED, no 2 GB allocation', () => {
  const h = new HiveBuilder();
  const segment = h.cell(Buffer.from('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=5555|Name=x|\0', 'utf16le'));
  const db = h.bigData([segment, segment]);
  const rules = h.key('FirewallRules', { valueCells: [h.rawValue('big', 1, 0x7ffffff0, db)] });
  const bytes = h.build(h.key('{801AD782-2C93-4312-8761-0903172D6D83}', { root: true, subkeys: [rules] }));
  const before = process.memoryUsage().arrayBuffers;
  const hive = readHive(bytes);
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 64 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
  assert.ok(hive.ok && hive.problems.some((p) => p.message.includes('claims 2147483632 bytes')), JSON.stringify(hive.ok ? hive.problems : hive.error));
  const r = parseWith(wfwParser, 'big.wfw', bytes, 'big data');
  assert.ok(r.ok && r.ruleSet.diagnostics.some((d) => d.code === 'WFW_DAMAGED'));
});

test('.wfw value list pointing 20,000 times at one 16 KB value: WFW_DAMAGED, read stops at the file size, fast; CLI exit 2', async () => {
  const h = new HiveBuilder();
  const value = h.sz('shared', `v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=5555|Name=${'x'.repeat(8000)}|`);
  const rules = h.key('FirewallRules', { valueCells: Array<number>(20_000).fill(value) });
  const bytes = h.build(h.key('{801AD782-2C93-4312-8761-0903172D6D83}', { root: true, subkeys: [rules] }));
  assert.ok(bytes.length < 200_000, `${bytes.length} bytes`);
  const hive = readHive(bytes);
  assert.ok(hive.ok);
  if (!hive.ok) return;
  const read = hive.root.subkeys[0]?.values.length ?? 0;
  assert.ok(read > 0 && read < 20, `values read: ${read}`);
  assert.ok(hive.problems.some((p) => p.message.includes('share data cells')));
  const path = tempFile('shared.wfw', bytes);
  const line = assertCleanError(await compareFarm(path), 'shared cells');
  assert.ok(line.includes('damaged hive'), line);
});

test.run();
