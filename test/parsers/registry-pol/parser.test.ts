import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode } from '../../../src/input/decode.js';
import { registryPolParser } from '../../../parsers/registry-pol/index.js';
import { assertAccounted, conditionTexts, describe, loadFixture, parseFatal, parseOk, REPO } from '../windows-rule/helpers.js';
import { pregDword, pregHeader } from './encode.js';

const FILE = 'fixtures/registry-pol/k2-gpo.pol';
const refCodes = (rs: { diagnostics: readonly { code: string; ref: { path?: readonly string[] } }[] }): string[] =>
  rs.diagnostics.map((d) => `${d.code}@${d.ref.path?.join('/') ?? '-'}`);

test('k2-gpo.pol: GPO rules with entry references and value names as ids', () => {
  const rs = parseOk(registryPolParser, loadFixture(FILE));
  assert.equal(rs.rules.map((r) => `${r.id} #${r.source.path?.join('/')} ${r.store}`), [
    '{A1B2C3D4-0000-4000-8000-000000005555} #entry/9 gpo',
    '{A1B2C3D4-0000-4000-8000-00000000C0DE} #entry/10 gpo',
    '{A1B2C3D4-0000-4000-8000-000000000008} #entry/11 gpo',
  ]);
  assert.equal(rs.rules.map(describe), [
    'in allow tcp local 5252,5555 remote-port any from any [domain]',
    'out allow tcp local any remote-port 135,49152-65535 from none+LocalSubnet+Intranet [domain]',
    'in allow icmp local any remote-port any from any [domain,private,public]',
  ]);
  assert.equal(conditionTexts(rs.rules[1]!), ['program: program %SystemRoot%\\System32\\dllhost.exe']);
  assert.is(rs.rules[0]?.source.vendorId, '{A1B2C3D4-0000-4000-8000-000000005555}');
  assert.is(rs.rules[0]?.raw, 'v2.20|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|LPort=5555|LPort=5252|Name=K2 Host Server (TCP-In)|');
});

test('k2-gpo.pol: profile settings, markers and other entries accounted for', () => {
  const rs = parseOk(registryPolParser, loadFixture(FILE));
  assert.equal(rs.profiles, {
    domain: { enabled: true, inbound: 'block', outbound: 'allow', source: { file: FILE, path: ['entry', '2'], vendorId: 'EnableFirewall' }, allowLocalPolicyMerge: false },
    private: { enabled: false, inbound: undefined, outbound: undefined, source: { file: FILE, path: ['entry', '7'], vendorId: 'EnableFirewall' } },
  });
  assert.equal(refCodes(rs), ['POL_GPO_STORE_ONLY@-', 'POL_LEGACY_POLICY@entry/15']);
  assertAccounted(rs, 15);
  assert.equal(rs.accounting, {
    total: 15,
    parsed: 8,
    ignored: { 'global setting not used': 1, 'profile setting not used': 1, 'deletion marker': 2, 'connection security setting': 1, 'key outside the firewall policy': 1 },
    unsupported: 1,
  });
});

test('truncated.pol: the entries before the damage are kept, one POL_CORRUPT error names the byte offset', () => {
  const rs = parseOk(registryPolParser, loadFixture('fixtures/registry-pol/truncated.pol'));
  assert.equal(rs.rules.map((r) => r.source.path?.join('/')), ['entry/9']);
  const corrupt = rs.diagnostics.find((d) => d.code === 'POL_CORRUPT');
  assert.is(corrupt?.severity, 'error');
  assert.equal(corrupt?.ref.path, ['byte', '2052']);
  assert.ok(corrupt?.message.includes('at byte offset 2052; the 9 entries before it were read'));
  assertAccounted(rs, 10);
  assert.is(rs.accounting.unsupported, 1);
});

test('lying-size.pol: a size of 0x7fffffff is rejected with its offset', () => {
  const rs = parseOk(registryPolParser, loadFixture('fixtures/registry-pol/lying-size.pol'));
  assert.equal(refCodes(rs), ['POL_GPO_STORE_ONLY@-', 'POL_NO_RULES@-', 'POL_CORRUPT@byte/494']);
  assert.ok(rs.diagnostics[2]?.message.startsWith('data size 2147483647 exceeds the 6 bytes left'));
  assert.equal(rs.profiles?.domain?.enabled, true);
});

test('unreadable or firewall-free files are fatal with guidance', () => {
  assert.equal(parseFatal(registryPolParser, decode('v2.pol', pregHeader(2))).map((d) => d.code), ['POL_UNREADABLE']);
  const other = Buffer.concat([pregHeader(), pregDword('SOFTWARE\\Policies\\Microsoft\\Windows\\System', 'X', 1)]);
  assert.equal(parseFatal(registryPolParser, decode('other.pol', other)).map((d) => d.code), ['POL_NO_FIREWALL_SETTINGS']);
});

test('detected by the PReg magic in the bytes; decode() never turns a PReg file into text', () => {
  const input = loadFixture(FILE);
  assert.is(input.encoding, 'binary', 'the PReg magic marks the file binary');
  assert.is(input.text, '');
  assert.ok(registryPolParser.detect(input));
  assert.ok(registryPolParser.detect(loadFixture('fixtures/registry-pol/lying-size.pol')));
  assert.not.ok(registryPolParser.detect(loadFixture('fixtures/reg/containers.reg')));
  assert.not.ok(registryPolParser.detect(decode('e', new Uint8Array(0))));
});

test('the committed fixtures are what make.mjs writes', async () => {
  const { mkdtempSync, copyFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(`${tmpdir()}/pol-`);
  copyFileSync(`${REPO}fixtures/registry-pol/make.mjs`, `${dir}/make.mjs`);
  assert.is(spawnSync(process.execPath, [`${dir}/make.mjs`]).status, 0);
  for (const f of ['k2-gpo.pol', 'truncated.pol', 'lying-size.pol']) {
    assert.ok(readFileSync(`${dir}/${f}`).equals(readFileSync(`${REPO}fixtures/registry-pol/${f}`)), `${f}: run node fixtures/registry-pol/make.mjs`);
  }
});

test.run();
