import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { TCP } from '../../../src/model/protocol.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import { assertAccounted, parseFixture, ruleAt } from './helpers.js';

const SAMPLE = 'fixtures/sample/k2-farm-node.netsh.txt';

/** Enabled inbound TCP allow rules on the domain profile that name `port` concretely. */
function domainAllowsIn(rs: RuleSet, port: number): Rule[] {
  return rs.rules.filter(
    (r) =>
      r.enabled &&
      r.direction === 'in' &&
      r.action === 'allow' &&
      r.profiles.includes('domain') &&
      r.protocols.has(TCP) &&
      r.localPorts.set.has(port),
  );
}

test('the quick-start sample parses cleanly: 54 rules, all profiles on, every line accounted', () => {
  const rs = parseFixture(SAMPLE);
  assert.is(rs.rules.length, 54);
  assert.is(rs.rules.filter((r) => r.direction === 'in').length, 40);
  assert.is(rs.rules.filter((r) => r.direction === 'out').length, 14);
  assert.equal(rs.diagnostics, []);
  for (const p of ['domain', 'private', 'public'] as const) {
    assert.equal([rs.profiles?.[p]?.enabled, rs.profiles?.[p]?.inbound, rs.profiles?.[p]?.outbound], [true, 'block', 'allow'], p);
  }
  assertAccounted(rs, 1087);
  assert.is(rs.accounting.unsupported, 0);
});

test('the sample carries the demo points the README walks through', () => {
  const rs = parseFixture(SAMPLE);
  assert.equal(domainAllowsIn(rs, 5560), [], '5560 inbound is missing');
  assert.equal(domainAllowsIn(rs, 5252), [], '5252 inbound only on Private');
  assert.equal(ruleAt(rs, 732).profiles, ['private']);
  assert.is(ruleAt(rs, 732).name, 'K2 - Workflow Server (TCP 5252-In)');
  assert.equal(domainAllowsIn(rs, 5555).map((r) => r.source.line), [751]);
  assert.equal(ruleAt(rs, 751).conditions, []);
  assert.equal(domainAllowsIn(rs, 443).map((r) => r.source.line), [694, 713], 'IIS (program System) and the K2 rule');
  const block8888 = ruleAt(rs, 789);
  assert.equal([block8888.action, formatPorts(block8888.localPorts.set), block8888.store], ['block', '8888', 'gpo']);
  assert.equal(domainAllowsIn(rs, 8888).map((r) => r.source.line), [770]);
  const ldaps = ruleAt(rs, 922);
  assert.equal([formatPorts(ldaps.localPorts.set), formatAddressSet(ldaps.remoteAddresses.set)], ['636', '10.20.5.0/24']);
  const broad = ruleAt(rs, 960);
  assert.is(broad.name, 'Legacy - MSDTC dynamic ports (TCP-In)');
  assert.equal([formatPorts(broad.localPorts.set), formatAddressSet(broad.remoteAddresses.set)], ['1024-65535', 'any']);
  assert.equal(broad.profiles, ['public']);
  assert.equal(broad.conditions, []);
  assert.is(ruleAt(rs, 979).enabled, false, 'MSDTC RPC rule disabled');
});

test.run();
