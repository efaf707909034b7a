/**
 * @fileoverview The lazy parser registry (parsers/registry.ts) detects exactly what the loaded parsers detect, on every
 * fixture and corpus file, and loads the same Parser objects as the eager registry (parsers/index.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectFormat, FORMAT_IDS as EAGER_FORMAT_IDS, parserFor, parsers } from '../../parsers/index.js';
import { detectFormatId, FORMAT_IDS, loadParser, PARSER_ENTRIES, selectableFormat } from '../../parsers/registry.js';
import type { FormatId } from '../../parsers/types.js';
import { decode, fromText } from '../../src/input/decode.js';
import { ROOT } from '../cli/run-cli.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every fixture, plus the shared corpus when it is present (it is not part of the repository). */
const FILES = [...filesUnder(join(ROOT, 'fixtures')), ...filesUnder(join(ROOT, '../shared/corpus'))];

test('the entries list every parser once, in the eager registry\'s order', () => {
  assert.equal(
    PARSER_ENTRIES.map((e) => e.format),
    ['registry-pol', 'wfw', 'gpo-xml', 'reg', 'netsh', 'iptables-save', 'nft', 'ps-json', 'rejected', 'csv'],
  );
  assert.equal(parsers.map((p) => p.format), PARSER_ENTRIES.map((e) => e.format));
  assert.equal(FORMAT_IDS, ['registry-pol', 'wfw', 'gpo-xml', 'reg', 'netsh', 'iptables-save', 'nft', 'ps-json', 'csv']);
  assert.is(EAGER_FORMAT_IDS, FORMAT_IDS);
});

test('each entry\'s cheap signature agrees with its loaded parser\'s detect on every fixture and corpus file', () => {
  assert.ok(FILES.length > 100, `only ${FILES.length} files found`);
  for (const file of FILES) {
    const input = decode(file, readFileSync(file));
    for (const entry of PARSER_ENTRIES) {
      const parser = parsers.find((p) => p.format === entry.format);
      assert.is(entry.detect(input), parser?.detect(input), `${entry.format} on ${file}`);
    }
    assert.is(detectFormatId(input), detectFormat(input)?.format, file);
  }
});

test('detection without loading: a netsh text, an iptables dump, unknown text', () => {
  assert.is(detectFormatId(decode('x', readFileSync(join(ROOT, 'fixtures/sample/k2-farm-node.netsh.txt')))), 'netsh');
  assert.is(detectFormatId(fromText('x', '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n')), 'iptables-save');
  assert.is(detectFormatId(fromText('x', 'hello world\n')), undefined);
});

test('loadParser yields the eager registry\'s Parser objects, once per format', async () => {
  for (const p of parsers) assert.is(await loadParser(p.format), p, p.format);
  assert.is(loadParser('netsh'), loadParser('netsh'));
  try {
    await loadParser('clixml' as FormatId);
    assert.unreachable('clixml has no parser');
  } catch (e) {
    assert.match((e as Error).message, /no parser is registered for format "clixml"/);
  }
});

test('--input-format names: every selectable id, never rejected or an id without a parser', () => {
  for (const f of FORMAT_IDS) assert.is(selectableFormat(f), f);
  assert.is(selectableFormat('rejected'), undefined);
  assert.is(selectableFormat('clixml'), undefined);
  assert.is(selectableFormat('NETSH'), undefined);
  assert.is(parserFor('rejected'), undefined);
});

test.run();
