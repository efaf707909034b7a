/**
 * @fileoverview Long lines: a 1 MB line (its own line, and appended to a field line) in every text format ends in a
 * normal result or a clean error within a time bound; a 64 KB sweep over character classes (whitespace, U+FEFF, words,
 * separators, quotes, markup, braces) finds regular expressions that backtrack quadratically. Regression: netsh's
 * `Label: value` pattern took 1.4 s on 28,000 U+FEFF characters (and minutes on 1 MB) before it was made linear.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitLabel } from '../../parsers/netsh/parse.js';
import { isRegistered } from '../fuzz/corpus.js';
import { assertCleanError, compareFarm, parseBytes, ROOT, tempFile, timed } from './helpers.js';

/** One fixture per text format, and the line whose value the long text is appended to. */
const SEEDS: readonly { format: string; path: string; fieldLine: number }[] = [
  { format: 'netsh', path: 'fixtures/netsh/plain.netsh.txt', fieldLine: 11 },
  { format: 'iptables-save', path: 'fixtures/iptables/user-chains.iptables-save', fieldLine: 18 },
  { format: 'reg', path: 'fixtures/reg/rule-features.reg', fieldLine: 14 },
  { format: 'ps-json', path: 'fixtures/ps-json/filter-join.json', fieldLine: 26 },
  { format: 'csv', path: 'fixtures/csv/export-list.inbound.txt', fieldLine: 3 },
  { format: 'csv', path: 'fixtures/csv/native.csv', fieldLine: 4 },
  { format: 'gpo-xml', path: 'fixtures/gpo-xml/k2-gpo.xml', fieldLine: 57 },
  { format: 'nft', path: 'fixtures/nft/filter-input.nft', fieldLine: 13 },
  { format: 'nft', path: 'fixtures/nft/filter-input.json', fieldLine: 1 },
];

const SWEEP_UNITS = [' ', '\t', '\uFEFF', '\u3000', 'a ', ': ', ' :', 'a:', '1,', '1-', ',', ';', '"', '""', '\\', '-', '=a|', '|', '<', '<a>', '{', '[', '{"a":', '#', '!'];
const ONE_MB = 1 << 20;
const SWEEP_SIZE = 64 * 1024;
/** Bounds on a loaded CI machine; a quadratic pattern on 64 KB takes several seconds, on 1 MB minutes. */
const SWEEP_BOUND_MS = 1500;
const MB_BOUND_MS = 10_000;

function longText(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The seed's text with `long` inserted as a line after `fieldLine`, or appended to it. */
function withLong(seed: (typeof SEEDS)[number], long: string, placement: 'line' | 'append'): Uint8Array {
  const lines = readFileSync(join(ROOT, seed.path), 'utf8').split('\n');
  const i = Math.min(seed.fieldLine, lines.length) - 1;
  if (placement === 'line') lines.splice(i + 1, 0, long);
  else lines[i] = (lines[i] ?? '').replace(/\r$/, '') + long;
  return new TextEncoder().encode(lines.join('\n'));
}

function activeSeeds(): (typeof SEEDS)[number][] {
  return SEEDS.filter((s) => isRegistered(s.format));
}

test('64 KB sweep: no character class makes detection + parsing of any text format slow (no quadratic backtracking)', () => {
  const slow: string[] = [];
  for (const seed of activeSeeds()) {
    for (const unit of SWEEP_UNITS) {
      for (const placement of ['line', 'append'] as const) {
        const bytes = withLong(seed, longText(unit, SWEEP_SIZE), placement);
        const { ms } = timed(() => parseBytes(seed.path, bytes));
        if (ms > SWEEP_BOUND_MS) slow.push(`${seed.path} ${JSON.stringify(unit)} ${placement}: ${Math.round(ms)} ms`);
      }
    }
  }
  assert.equal(slow, []);
});

test('a 1 MB line in every text format: a normal result or a clean one-line error through the CLI, within the bound', async () => {
  for (const seed of activeSeeds()) {
    for (const [placement, unit] of [['line', 'a '], ['append', '1,']] as const) {
      const name = seed.path.split('/').pop() ?? 'x';
      const path = tempFile(name, withLong(seed, longText(unit, ONE_MB), placement));
      const start = performance.now();
      const run = await compareFarm(path, '--format', 'json', '--input-format', seed.format);
      const ms = performance.now() - start;
      const what = `${seed.path} 1 MB ${placement}`;
      if (run.code === 2) assertCleanError(run, what);
      else {
        assert.ok(run.code === 0 || run.code === 1, `${what}: exit ${run.code}`);
        assert.ok(Array.isArray((JSON.parse(run.stdout) as { requirements?: unknown }).requirements), `${what}: a complete report`);
      }
      assert.ok(ms < MB_BOUND_MS, `${what}: took ${Math.round(ms)} ms`);
    }
  }
});

test('netsh label pattern is linear: 1 MB of whitespace or U+FEFF without a colon, and 1 MB before a colon', () => {
  for (const text of [' '.repeat(ONE_MB), `x${'\uFEFF'.repeat(ONE_MB)}`, `Rule Name${' '.repeat(ONE_MB)}:  v`, `x${' \t'.repeat(ONE_MB / 2)}y`]) {
    const { value, ms } = timed(() => splitLabel(text));
    assert.ok(ms < 500, `took ${Math.round(ms)} ms`);
    if (text.includes(':')) assert.equal(value, { label: 'Rule Name', value: 'v' });
    else assert.is(value, undefined);
  }
  assert.equal(splitLabel('LocalPort:    5555 '), { label: 'LocalPort', value: '5555' });
  assert.equal(splitLabel('Regelname：  K2'), { label: 'Regelname', value: 'K2' });
  assert.equal(splitLabel('  indented: x'), undefined);
});

test('netsh: a 64 KB U+FEFF line (the fuzz-found case, re-encoded UTF-16LE) is detected and parsed quickly', () => {
  const seed = SEEDS[0];
  if (seed === undefined) return;
  const text = new TextDecoder().decode(withLong(seed, '\uFEFF'.repeat(SWEEP_SIZE), 'line'));
  const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const { value, ms } = timed(() => parseBytes('feff.netsh.txt', bytes));
  assert.is(value?.format, 'netsh');
  assert.ok(ms < SWEEP_BOUND_MS, `took ${Math.round(ms)} ms`);
});

if (isRegistered('nft')) {
  test('nft: a 1 MB line of "{" ends cleanly (nesting is capped, no stack overflow)', () => {
    const seed = SEEDS.find((s) => s.path.endsWith('.nft'));
    assert.ok(seed !== undefined, 'an nft seed fixture exists');
    if (seed === undefined) return;
    const { value, ms } = timed(() => parseBytes('braces.nft', withLong(seed, `add rule ip filter input tcp dport ${'{'.repeat(ONE_MB)} accept`, 'line')));
    assert.is(value?.format, 'nft');
    assert.ok(ms < SWEEP_BOUND_MS, `took ${Math.round(ms)} ms`);
  });
}

test.run();
