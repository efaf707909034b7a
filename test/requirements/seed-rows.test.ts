/**
 * @fileoverview The embedded seed data: row counts, unique keys, and (when ../shared/seeds exists) an independent
 * re-derivation of every table row from the seed files, checked against each entry's line and verbatim text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPorts } from '../../src/model/port-set.js';
import { CATALOG } from '../../src/requirements/catalog.js';
import { K2_ROWS, K2_SEED_DOCUMENT } from '../../src/requirements/k2-rows.js';

/** 20 Infrastructure + 10 Integration (WinRM rows count once per variant) + 12 K2 Platform entries. */
const K2_ENTRY_COUNT = 42;
/** Distinct table rows in seed 000 (two WinRM rows carry two port variants each). */
const K2_SEED_ROW_COUNT = 40;
/** Table rows of seed 002 (header and separator excluded). */
const CATALOG_ROW_COUNT = 183;

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(`${SEEDS}${K2_SEED_DOCUMENT}`);

test('K2 rows: counts, unique keys, every seed line used', () => {
  assert.is(K2_ROWS.length, K2_ENTRY_COUNT);
  assert.is(new Set(K2_ROWS.map((r) => r.key)).size, K2_ENTRY_COUNT);
  assert.is(new Set(K2_ROWS.map((r) => r.seed.line)).size, K2_SEED_ROW_COUNT);
  assert.ok(K2_ROWS.every((r) => r.seed.document === K2_SEED_DOCUMENT));
});

test('K2 rows: protocol words and multi-line rows are read as the spec says', () => {
  const row = (key: string) => K2_ROWS.find((r) => r.key === key);
  assert.equal(row('dns')?.protocols, ['tcp', 'udp']);
  assert.equal(row('dtc')?.protocols, ['tcp', 'udp']);
  assert.is(row('dtc')?.protocolText, 'RPC/UDP');
  assert.equal(row('k2-host-server')?.protocols, ['tcp']);
  assert.equal(row('ldap')?.directions, ['in', 'out']);
  assert.is(row('sap')?.ports, 'needs-sap');
  assert.is(row('sap')?.seed.text.split('\n').length, 3);
  assert.is(row('custom-broker')?.ports, 'needs-custom-broker');
  assert.is(row('winrm1-https')?.seed.line, row('winrm2-https')?.seed.line);
  const https2 = row('winrm2-https')?.ports;
  assert.is(typeof https2 === 'string' || https2 === undefined ? '' : formatPorts(https2), '5986');
  assert.is(row('discovery-farm')?.seed.text.split('\n')[1], 'The Discovery Service port is used in legacy versions of K2, but is not used in K2 Five.');
});

test('catalog: count and normalization notes', () => {
  assert.is(CATALOG.length, CATALOG_ROW_COUNT);
  const sms = CATALOG.find((e) => e.seed.line === 159);
  assert.is(sms?.protocol, 17);
  assert.is(sms?.protocolText, 'UPD');
  assert.is(sms?.note, 'seed says "UPD"; read as UDP');
  const quotd = CATALOG.find((e) => e.seed.line === 18);
  assert.is(quotd?.appProtocol, 'Quotd');
  assert.ok(quotd?.note?.includes('backticks'));
  assert.is(CATALOG.find((e) => e.seed.line === 96)?.service, 'Netlogon');
  const random = CATALOG.find((e) => e.seed.line === 186);
  assert.is(random?.ports === undefined ? '' : formatPorts(random.ports), '49152-65535');
  const gre = CATALOG.find((e) => e.seed.line === 9);
  assert.is(gre?.ports, undefined);
  assert.is(gre?.protocol, 47);
  assert.is(CATALOG.find((e) => e.seed.line === 168)?.service, 'Remote Desktop Services');
  assert.is(CATALOG.filter((e) => e.note !== undefined).length, 9);
});

/** Seed 000 table rows, derived independently: a row starts with a category word; other lines continue it. */
function deriveK2Rows(text: string): Map<number, string> {
  const lines = text.split('\n');
  const rows = new Map<number, string[]>();
  let current: string[] | undefined;
  const header = lines.findIndex((l) => l.startsWith('Category Port Number'));
  for (let i = header + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.startsWith('Table Notes')) break;
    if (/^(Infrastructure|Integration|K2 Platform) /.test(l)) rows.set(i + 1, (current = [l]));
    else current?.push(l);
  }
  return new Map([...rows].map(([line, ls]) => [line, ls.join('\n')]));
}

/** Seed 002 table rows: lines starting with `|` after the separator row. */
function deriveCatalogRows(text: string): Map<number, string> {
  const out = new Map<number, string>();
  text.split('\n').forEach((l, i) => {
    if (l.startsWith('| ') && !l.startsWith('| Port ') && !l.startsWith('| ---')) out.set(i + 1, l);
  });
  return out;
}

test('K2 rows match seed 000 line by line (skipped without ../shared)', () => {
  if (!haveSeeds) return;
  const derived = deriveK2Rows(readFileSync(`${SEEDS}${K2_SEED_DOCUMENT}`, 'utf8'));
  assert.is(derived.size, K2_SEED_ROW_COUNT);
  for (const r of K2_ROWS) assert.is(r.seed.text, derived.get(r.seed.line), `${r.key} at line ${r.seed.line}`);
  const used = new Set(K2_ROWS.map((r) => r.seed.line));
  for (const line of derived.keys()) assert.ok(used.has(line), `seed 000 row at line ${line} not embedded`);
});

test('catalog entries match seed 002 line by line (skipped without ../shared)', () => {
  if (!haveSeeds) return;
  const derived = deriveCatalogRows(readFileSync(`${SEEDS}002_5bd5c8bfd4d004b5.txt`, 'utf8'));
  assert.is(derived.size, CATALOG_ROW_COUNT);
  for (const e of CATALOG) assert.is(e.seed.text, derived.get(e.seed.line), `catalog line ${e.seed.line}`);
  assert.equal(CATALOG.map((e) => e.seed.line), [...derived.keys()]);
});

test.run();
