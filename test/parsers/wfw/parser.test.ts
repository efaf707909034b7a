import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode } from '../../../src/input/decode.js';
import { wfwParser } from '../../../parsers/wfw/index.js';
import { assertAccounted, codes, describe, loadFixture, parseFatal, parseOk, REPO } from '../windows-rule/helpers.js';

const FILE = 'fixtures/wfw/k2-local.wfw';
const ADVICE = 'netsh advfirewall firewall show rule name=all verbose';

test('k2-local.wfw: local-store rules with value names as ids and key paths as references', () => {
  const rs = parseOk(wfwParser, loadFixture(FILE));
  assert.equal(rs.rules.map((r) => `${r.id}: ${describe(r)}`), [
    'K2-Server-5555-In-TCP: in allow tcp local 5555 remote-port any from any [domain,private,public]',
    'K2-Workspace-5252-In-TCP: in allow tcp local 5252 remote-port any from any [domain]',
    'Block-8888-In-TCP: in block tcp local 8888 remote-port any from any [domain,private,public]',
    'HighPorts-In-TCP: in allow tcp local 49152-65535 remote-port any from none+LocalSubnet [domain,private,public]',
    'K2-SQL-Out-TCP: out allow tcp local any remote-port 1433 from 10.20.5.0/24 [domain,private,public]',
    'Long-Description-In-TCP: in allow tcp local 5560 remote-port any from any [domain,private,public] off',
  ]);
  assert.ok(rs.rules.every((r) => r.store === 'local'));
  assert.equal(rs.rules[0]?.source, { file: FILE, path: ['FirewallRules', 'K2-Server-5555-In-TCP'], vendorId: 'K2-Server-5555-In-TCP' });
  assert.equal(codes(rs.diagnostics), ['WFW_LOCAL_STORE_ONLY@-']);
});

test('k2-local.wfw: profiles (StandardProfile = private, DoNotAllowExceptions) and accounting per value', () => {
  const rs = parseOk(wfwParser, loadFixture(FILE));
  assert.equal(rs.profiles?.domain, { enabled: true, inbound: 'block', outbound: 'allow', source: { file: FILE, path: ['DomainProfile', 'EnableFirewall'], vendorId: 'EnableFirewall' } });
  assert.is(rs.profiles?.private?.enabled, true);
  assert.is(rs.profiles?.public?.inbound, 'block-always');
  assertAccounted(rs, 15);
  assert.equal(rs.accounting, { total: 15, parsed: 12, ignored: { 'global setting not used': 1, 'profile setting not used': 2 }, unsupported: 0 });
});

test('an unknown regf version or a damaged base block is rejected with what to run instead', () => {
  const b = Buffer.from(readFileSync(`${REPO}${FILE}`));
  b.writeUInt32LE(2, 0x14);
  const d = parseFatal(wfwParser, decode('v2.wfw', b));
  assert.equal(codes(d), ['WFW_UNSUPPORTED_VERSION@-']);
  assert.ok(d[0]?.message.includes('unknown regf version 2.5') && d[0].message.includes(ADVICE));
  const short = parseFatal(wfwParser, decode('short.wfw', b.subarray(0, 100)));
  assert.equal(codes(short), ['WFW_MALFORMED@-']);
});

test('a hive that is no firewall export is rejected; damage inside keeps what was read', () => {
  const b = Buffer.from(readFileSync(`${REPO}${FILE}`));
  const root = b.readUInt32LE(0x24);
  const noSubkeys = Buffer.from(b);
  noSubkeys.writeUInt32LE(0, 0x1000 + root + 4 + 0x14);
  assert.equal(codes(parseFatal(wfwParser, decode('other.wfw', noSubkeys))), ['WFW_NOT_FIREWALL_EXPORT@-']);
  const cyc = Buffer.from(b);
  const ri = cyc.readUInt32LE(0x1000 + root + 4 + 0x1c);
  const li = cyc.readUInt32LE(0x1000 + ri + 4 + 4);
  cyc.writeUInt32LE(root, 0x1000 + li + 4 + 4 + 4); // li's second entry (FirewallRules) → root
  const rs = parseOk(wfwParser, decode('cycle.wfw', cyc));
  assert.is(rs.rules.length, 0);
  assert.ok(codes(rs.diagnostics).includes('WFW_DAMAGED@-'));
  assert.is(rs.diagnostics.find((d) => d.code === 'WFW_DAMAGED')?.severity, 'error');
  assert.is(rs.accounting.unsupported, 1);
});

test('detected by the regf magic only', () => {
  assert.ok(wfwParser.detect(loadFixture(FILE)));
  assert.not.ok(wfwParser.detect(loadFixture('fixtures/registry-pol/k2-gpo.pol')));
  assert.not.ok(wfwParser.detect(loadFixture('fixtures/reg/containers.reg')));
});

test('the committed hive is what make-hive.mjs writes', async () => {
  const { mkdtempSync, copyFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(`${tmpdir()}/wfw-`);
  copyFileSync(`${REPO}fixtures/wfw/make-hive.mjs`, `${dir}/make-hive.mjs`);
  assert.is(spawnSync(process.execPath, [`${dir}/make-hive.mjs`]).status, 0);
  assert.ok(readFileSync(`${dir}/k2-local.wfw`).equals(readFileSync(`${REPO}${FILE}`)), 'run: node fixtures/wfw/make-hive.mjs');
});

test.run();
