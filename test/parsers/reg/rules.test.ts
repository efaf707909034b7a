import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ports } from '../../../src/model/port-set.js';
import { regParser } from '../../../parsers/reg/index.js';
import { asUtf16, assertAccounted, codes, conditionTexts, describe, loadFixture, parseOk, ruleById } from '../windows-rule/helpers.js';

const FILE = 'fixtures/reg/rule-features.reg';
const id = (n: number): string => `{00000000-0000-0000-0000-00000000000${n}}`;

test('rule-features.reg: every rule string, normalized', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assert.is(rs.semantics, 'windows');
  assert.equal(rs.directions, ['in', 'out']);
  assert.equal(rs.rules.map((r) => r.source.line), [13, 14, 15, 16, 17, 18, 19, 20]);
  assert.ok(rs.rules.every((r) => r.store === 'local' && r.id === r.source.vendorId));
  assert.equal(rs.rules.map(describe), [
    'in allow tcp local 49152-65535 remote-port any from any [domain,private,public]',
    'in allow tcp local 5000,7000,7200-17210,30000 remote-port any from any [domain,private,public]',
    'in allow tcp local 5555 remote-port any from 10.0.0.0/8,172.16.0.1-172.16.0.9,192.168.1.0/24,fd00::/8+Intranet [domain,private,public]',
    'in allow tcp local 1433 remote-port any from any [domain,private,public]',
    'in allow icmp local any remote-port any from any [domain,private,public]',
    'out block udp local any remote-port 53 from any [domain,private,public]',
    'out bypass tcp local any remote-port none+IPHTTPS from none+LocalSubnet+DefaultGateway [private,public] off',
    'in allow tcp local none+RPC+RPC-EPMap remote-port any from any [domain,private,public]',
  ]);
  assert.ok(ruleById(rs, id(1)).localPorts.set.equals(ports([49152, 65535])), 'LPort2_10 alone: exactly the range');
  assert.is(ruleById(rs, id(4)).name, 'SQL');
  assert.equal(conditionTexts(ruleById(rs, id(4))), ['program: program C:\\Program Files\\Microsoft SQL Server\\sqlservr.exe', 'service: service MSSQLSERVER']);
  assert.ok(ruleById(rs, id(4)).raw.includes('Desc=x=1 means on|'));
  assert.equal(conditionTexts(ruleById(rs, id(5))), ['other: icmp type 8 code Any, type 3 code 4']);
  assert.equal(conditionTexts(ruleById(rs, id(6))), []);
  assert.equal(conditionTexts(ruleById(rs, id(7))), ['security: security AuthenticateEncrypt']);
  assert.equal(conditionTexts(ruleById(rs, id(8))), [
    'service: service * (services only)',
    'package: package family Contoso.App_8wekyb3d8bbwe',
    'user: local user owner S-1-5-21-1-2-3-1001',
    'other: trust tuple ProxSharing',
  ]);
  assert.equal(codes(rs.diagnostics), ['REG_LOCAL_STORE_ONLY@-', 'REG_NO_PROFILE_SETTINGS@-', 'WINRULE_UNKNOWN_KEY@18']);
  assertAccounted(rs, 20);
  assert.equal(rs.accounting, { total: 20, parsed: 10, ignored: { comment: 9, blank: 1 }, unsupported: 0 });
});

test('the raw of a .reg rule is its line verbatim (escapes kept); the id is the value name', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  const sql = ruleById(rs, id(4));
  assert.ok(sql.raw.startsWith(`"${id(4)}"="v2.30|`));
  assert.ok(sql.raw.includes('App=C:\\\\Program Files'));
  assert.equal(sql.source, { file: FILE, line: 16, vendorId: id(4) });
});

test('UTF-16LE + BOM + CRLF (as reg export writes it) gives the same rule set', () => {
  const utf8 = parseOk(regParser, loadFixture(FILE));
  const utf16 = parseOk(regParser, asUtf16(FILE));
  assert.equal(utf16.rules.map(describe), utf8.rules.map(describe));
  assert.equal(utf16.rules.map((r) => r.conditions), utf8.rules.map((r) => r.conditions));
  assert.equal(codes(utf16.diagnostics), codes(utf8.diagnostics));
  assert.equal(utf16.accounting, utf8.accounting);
});

test.run();
