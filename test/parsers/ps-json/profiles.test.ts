import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { assertAccounted, codes, loadFixture, parseOk } from './helpers.js';

test('Get-NetFirewallProfile: GpoBoolean 0/1/2, actions 0/2/4, AllowInboundRules 0 = block always', () => {
  const rs = parseOk(psJsonParser, loadFixture('fixtures/ps-json/profiles.json'));
  assert.equal(rs.rules, []);
  assert.equal(rs.directions, []);
  assert.equal(codes(rs.diagnostics), ['PSJSON_PROFILES_ONLY@-']);
  const { domain, private: priv, public: pub } = rs.profiles ?? {};
  assert.equal(domain, {
    enabled: true,
    inbound: 'block',
    outbound: 'allow',
    allowLocalPolicyMerge: false,
    source: { file: 'fixtures/ps-json/profiles.json', path: ['0'], line: 2 },
  });
  assert.equal([priv?.enabled, priv?.inbound, priv?.outbound, priv?.allowLocalPolicyMerge], [false, undefined, undefined, undefined]);
  assert.equal([pub?.enabled, pub?.inbound, pub?.outbound, pub?.allowLocalPolicyMerge], [undefined, 'block-always', 'block', true]);
  assertAccounted(rs, 62);
});

test('profile objects: unknown names and repeats are reported, the first one counts', () => {
  const text = JSON.stringify([
    { Name: 'Domain', Enabled: 'True', DefaultInboundAction: 'Block' },
    { Name: 'Domain', Enabled: 'False', DefaultInboundAction: 'Allow' },
    { Name: 'Office', Enabled: 'True', DefaultInboundAction: 'Block' },
  ], null, 2);
  const rs = parseOk(psJsonParser, fromText('p.json', text));
  assert.equal(codes(rs.diagnostics), ['PSJSON_PROFILES_ONLY@-', 'PSJSON_DUPLICATE_PROFILE@7', 'PSJSON_UNKNOWN_PROFILE@12']);
  assert.is(rs.profiles?.domain?.enabled, true);
  assert.is(rs.profiles?.domain?.inbound, 'block');
});

test.run();
