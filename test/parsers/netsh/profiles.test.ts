import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { netshParser } from '../../../parsers/netsh/index.js';
import { assertAccounted, codes, parseFixture } from './helpers.js';

test('dump + allprofiles: one profile OFF, one BlockInboundAlways, sources at the headers', () => {
  const file = 'fixtures/netsh/with-profiles.netsh.txt';
  const rs = parseFixture(file);
  assert.is(rs.rules.length, 3);
  assert.equal(rs.profiles, {
    domain: { enabled: true, inbound: 'block', outbound: 'allow', source: { file, line: 45 } },
    private: { enabled: false, inbound: 'block', outbound: 'allow', source: { file, line: 61 } },
    public: { enabled: true, inbound: 'block-always', outbound: 'allow', source: { file, line: 77 } },
  });
  assert.equal(rs.diagnostics, []);
  assertAccounted(rs, 94);
  assert.equal(rs.accounting.ignored, { blank: 11, separator: 6, 'status line': 2, 'profile setting not used': 27 });
  assert.is(rs.accounting.unsupported, 0);
});

test('allprofiles-only file: zero rules, no direction covered, profile settings kept', () => {
  const rs = parseFixture('fixtures/netsh/allprofiles-only.netsh.txt');
  assert.equal(rs.rules, []);
  assert.equal(rs.directions, []);
  assert.is(rs.profiles?.public?.outbound, 'block');
  assert.is(rs.profiles?.domain?.inbound, 'block');
  assert.equal(codes(rs.diagnostics), ['NETSH_PROFILES_ONLY@-']);
  assertAccounted(rs, 51);
});

test('LocalFirewallRules Enable/Disable/N/A map to allowLocalPolicyMerge; bad values are errors', () => {
  const text = [
    'Domain Profile Settings:',
    '-'.repeat(70),
    'State                                 ON',
    'Firewall Policy                       AllowInbound,BlockOutbound',
    'LocalFirewallRules                    Disable',
    'Private Profile Settings:',
    'State                                 NotConfigured',
    'Firewall Policy                       NotConfigured,NotConfigured',
    'LocalFirewallRules                    Enable',
    'Public Profile Settings:',
    'State                                 maybe',
    'Firewall Policy                       BlockInbound',
    'LocalFirewallRules                    N/A (GPO-store only)',
    'Public Profile Settings:',
    'State                                 ON',
  ].join('\r\n');
  const r = netshParser.parse(fromText('p.txt', text), {});
  assert.ok(r.ok);
  if (!r.ok) return;
  const p = r.ruleSet.profiles;
  assert.equal(p?.domain, { enabled: true, inbound: 'allow', outbound: 'block', allowLocalPolicyMerge: false, source: { file: 'p.txt', line: 1 } });
  assert.equal(p?.private, { enabled: undefined, inbound: undefined, outbound: undefined, allowLocalPolicyMerge: true, source: { file: 'p.txt', line: 6 } });
  assert.equal(p?.public, { enabled: undefined, inbound: undefined, outbound: undefined, source: { file: 'p.txt', line: 10 } });
  assert.equal(codes(r.ruleSet.diagnostics), ['NETSH_PROFILES_ONLY@-', 'NETSH_INVALID_VALUE@11', 'NETSH_INVALID_VALUE@12', 'NETSH_DUPLICATE_PROFILE@14']);
  assert.equal(r.ruleSet.accounting, { total: 15, parsed: 10, ignored: { separator: 1, 'duplicate profile section': 1 }, unsupported: 3 });
});

test.run();
