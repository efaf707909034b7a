import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import type { Rule } from '../../../src/model/rule.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { parseOk } from '../ps-json/helpers.js';
import { conditionTexts, loadFixture, parseCsvOk, summary } from './helpers.js';

/** The K2 node firewall every cross-format fixture describes. */
const EXPECTED = [
  'K2 Server (TCP 5555-In)|on|in|allow|tcp|5555|any|domain,private,public',
  'K2 Workspace (TCP 5252-In, Domain)|on|in|allow|tcp|5252|any|domain',
  'Block TCP 8888-In|on|in|block|tcp|8888|any|domain,private,public',
  'K2 SmartForms (TCP 8888-In)|on|in|allow|tcp|8888|any|domain,private,public',
  'HTTPS (TCP 443-In) from 10.0.0.0/8|on|in|allow|tcp|443|any|domain,private,public',
  'High ports (TCP 49152-65535-In)|on|in|allow|tcp|49152-65535|any|domain,private,public',
  'LDAP (UDP 389-In)|on|in|allow|udp|389|any|domain,private,public',
  'K2 Discovery (TCP 5560-In)|off|in|allow|tcp|5560|any|domain,private,public',
  'Block SMTP (TCP 25-Out)|on|out|block|tcp|any|25|domain,private,public',
];

function scopes(rules: readonly Rule[]): string[] {
  return rules.map((r) => `${formatAddressSet(r.remoteAddresses.set)} ${conditionTexts(r).join(';')}`);
}

test('k2-node.ps.json (collection-script shape) is exactly the K2 node firewall, with its Domain profile', () => {
  const rs = parseOk(psJsonParser, loadFixture('fixtures/cross/k2-node.ps.json'));
  assert.equal(rs.rules.map(summary), EXPECTED);
  assert.is(scopes(rs.rules)[4], '10.0.0.0/8 ');
  assert.is(scopes(rs.rules)[6], 'any program: program %SystemRoot%\\System32\\lsass.exe');
  assert.equal(rs.profiles, {
    domain: { enabled: true, inbound: 'block', outbound: 'allow', source: { file: 'fixtures/cross/k2-node.ps.json', path: ['profiles', '0'], line: 14 } },
  });
  assert.equal(rs.diagnostics, []);
});

test('k2-node.inbound.csv + k2-node.outbound.csv (Export List, tab) describe the same rules', () => {
  const inbound = parseCsvOk('fixtures/cross/k2-node.inbound.csv');
  const outbound = parseCsvOk('fixtures/cross/k2-node.outbound.csv');
  const rules = [...inbound.rules, ...outbound.rules];
  assert.equal(rules.map(summary), EXPECTED);
  const ps = parseOk(psJsonParser, loadFixture('fixtures/cross/k2-node.ps.json'));
  assert.equal(scopes(rules), scopes(ps.rules));
  assert.equal([inbound.directions, outbound.directions], [['in'], ['out']]);
  assert.is(inbound.profiles, undefined, 'Export List carries no profile settings');
});

test.run();
