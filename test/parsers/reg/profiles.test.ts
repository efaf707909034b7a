import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { regParser } from '../../../parsers/reg/index.js';
import { assertAccounted, codes, describe, loadFixture, parseOk, ruleById } from '../windows-rule/helpers.js';

const FILE = 'fixtures/reg/profiles-two-stores.reg';

test('profile keys of both stores merge field by field, GPO over local', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assert.equal(rs.profiles, {
    domain: { enabled: true, inbound: 'block', outbound: 'allow', source: { file: FILE, line: 37 }, allowLocalPolicyMerge: false },
    private: { enabled: true, inbound: 'block-always', outbound: undefined, source: { file: FILE, line: 40 } },
    public: { enabled: false, inbound: undefined, outbound: undefined, source: { file: FILE, line: 44 } },
  });
});

test('rules keep their store; the same value name in both stores gets distinct ids', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assert.equal(rs.rules.map((r) => `${r.id} ${r.store}`), ['K2-Web-In local', 'K2-Out-SQL local', 'gpo:K2-Web-In gpo']);
  assert.is(ruleById(rs, 'gpo:K2-Web-In').source.vendorId, 'K2-Web-In');
  assert.is(describe(ruleById(rs, 'gpo:K2-Web-In')), 'in allow tcp local 443 remote-port any from 10.0.0.0/8 [domain,private,public]');
  assert.equal(codes(rs.diagnostics), []);
});

test('every line accounted: the continued hex value, Logging, the local merge setting and DisableNotifications ignored with reasons', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assertAccounted(rs, 48);
  assert.equal(rs.accounting, {
    total: 48,
    parsed: 22,
    ignored: { comment: 8, blank: 10, 'global setting not used': 4, 'profile setting not used': 3, 'local-store merge setting has no effect': 1 },
    unsupported: 0,
  });
});

test.run();
