import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { assertAccounted, conditionTexts, fixtureLines, lineOf, parseFixture, ruleOn, summary } from './helpers.js';

const F = 'fixtures/nft/filter-input.nft';

test('filter-input: every input rule, judged for new connections', () => {
  const rs = parseFixture(F);
  const on = (needle: string) => summary(ruleOn(rs, F, needle));
  assert.is(on('ct state established,related accept'), 'in allow accept any local any:any remote any:any neverNew');
  assert.is(on('ct state invalid'), 'in block drop any local any:any remote any:any neverNew');
  assert.is(on('iif "lo" accept'), 'in allow accept any local any:any remote any:any loopback');
  assert.is(on('tcp dport { 22, 80, 443 }'), 'in allow accept tcp local any:22,80,443 remote any:any');
  assert.is(on('tcp dport 1024-65535'), 'in allow accept tcp local any:1024-65535 remote any:any');
  assert.is(on('reject with tcp reset'), 'in block reject tcp local any:3389 remote !10.0.0.0/8,any IPv6:any');
  assert.is(on('meta l4proto { tcp, udp }'), 'in allow accept tcp,udp local any:53 remote any:any');
  assert.is(on('udp dport ssh'), 'in allow accept udp local any:22 remote any:any');
  assert.is(on('ip6 saddr fe80::/10'), 'in allow accept udp local any:546 remote fe80::/10:any');
  assert.is(on('oif "lo" accept'), 'out allow accept any local any:any remote any:any loopback');
  assert.is(rs.rules.length, 10);
});

test('filter-input: states, the limit condition and the comment name', () => {
  const rs = parseFixture(F);
  assert.equal(ruleOn(rs, F, 'ct state established,related accept').connStates, ['established', 'related']);
  assert.equal(ruleOn(rs, F, 'ct state invalid').connStates, ['invalid']);
  assert.equal(ruleOn(rs, F, 'tcp dport 1024-65535').connStates, ['new']);
  assert.is(ruleOn(rs, F, 'tcp dport 1024-65535').neverNew, undefined);
  assert.is(ruleOn(rs, F, 'ct state invalid').name, 'early drop');
  assert.is(ruleOn(rs, F, 'iif "lo" accept').name, 'inet filter/input rule 3');
  assert.equal(conditionTexts(ruleOn(rs, F, 'limit rate')), ['match: limit rate 10/minute']);
  assert.equal(conditionTexts(ruleOn(rs, F, 'tcp dport { 22, 80, 443 }')), []);
});

test('filter-input: every field of one emitted rule', () => {
  const rs = parseFixture(F);
  const line = lineOf(F, 'ip saddr != 10.0.0.0/8');
  const r = ruleOn(rs, F, 'ip saddr != 10.0.0.0/8');
  assert.equal(
    { ...r, protocols: r.protocols.has(6) && r.protocols.count === 1, localPorts: r.localPorts.set.has(3389), remotePorts: r.remotePorts.set.isFull(), localAddresses: r.localAddresses.set.isAny(), remoteAddresses: formatAddressSet(r.remoteAddresses.set) },
    {
      id: `${F}:${line}`,
      name: 'inet filter/input rule 6',
      source: { file: F, line },
      enabled: true,
      direction: 'in',
      action: 'block',
      target: 'reject',
      protocols: true,
      localPorts: true,
      remotePorts: true,
      localAddresses: true,
      remoteAddresses: '10.0.0.0/8,any IPv6',
      profiles: ['domain', 'private', 'public'],
      conditions: [],
      chain: 'inet filter/input',
      raw: 'ip saddr != 10.0.0.0/8 tcp dport 3389 reject with tcp reset',
    },
  );
  assert.equal([r.remoteAddresses.negated, r.remoteAddresses.symbols, r.localPorts.keywords, r.localPorts.set.count], [true, [], [], 1]);
});

test('filter-input: chains, hooks, families and line accounting', () => {
  const rs = parseFixture(F);
  assert.equal(rs.families, ['ipv4', 'ipv6']);
  assert.is(rs.semantics, 'first-match');
  assert.equal(rs.hooks, { in: ['inet filter/input'], out: ['inet filter/output'] });
  const input = rs.chains?.find((c) => c.key === 'inet filter/input');
  assert.equal({ ...input, ruleIds: input?.ruleIds.length }, {
    key: 'inet filter/input',
    table: 'inet filter',
    name: 'input',
    builtin: true,
    policy: 'drop',
    source: { file: F, line: lineOf(F, 'chain input {') },
    ruleIds: 9,
  });
  assert.is(rs.chains?.find((c) => c.key === 'inet filter/output')?.policy, 'accept');
  assert.equal(rs.diagnostics, []);
  assertAccounted(rs, fixtureLines(F));
  assert.equal(rs.accounting.ignored, { comment: 6, blank: 1 });
  assert.is(rs.accounting.unsupported, 0);
});

test.run();
