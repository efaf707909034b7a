import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { REASON_FORWARD, REASON_NAT, REASON_UNREACHABLE } from '../../../parsers/iptables-save/normalize.js';
import { assertAccounted, codes, conditionTexts, fixtureLines, lineOf, parseFixture, parseText, ruleById, ruleOn, summary } from './helpers.js';

const USER = 'fixtures/iptables/user-chains.iptables-save';

test('user chains: directions are inherited through -j and -g; a chain called from INPUT and OUTPUT is emitted twice', () => {
  const rs = parseFixture(USER);
  const dns = lineOf(USER, '-A COMMON -p udp');
  assert.is(summary(ruleById(rs, `${USER}:${dns}#in`)), 'in allow ACCEPT udp local any:53 remote any:any');
  assert.is(summary(ruleById(rs, `${USER}:${dns}#out`)), 'out allow ACCEPT udp local any:any remote any:53');
  assert.is(ruleById(rs, `${USER}:${lineOf(USER, '-A COMMON -j RETURN')}#out`).action, 'return');
  assert.is(summary(ruleOn(rs, USER, '-g SSH-IN')), 'in goto SSH-IN tcp local any:22 remote any:any');
  assert.is(summary(ruleOn(rs, USER, '-A SSH-IN -s')), 'in allow ACCEPT any local any:any remote 10.0.0.0/8:any');
  assert.is(summary(ruleOn(rs, USER, '-A LOOP-B')), 'in jump LOOP-A tcp local any:5555 remote any:any');
  assert.is(ruleOn(rs, USER, '-A INPUT -i lo').loopbackOnly, true);
  assert.is(ruleOn(rs, USER, '-A OUTPUT -o lo').loopbackOnly, true);
  assert.is(rs.rules.length, 14);
});

test('user chains: every field of one emitted rule', () => {
  const rs = parseFixture(USER);
  const line = lineOf(USER, '-A SSH-IN -s');
  const r = ruleById(rs, `${USER}:${line}`);
  assert.equal(
    { ...r, protocols: r.protocols.isFull(), localPorts: r.localPorts.set.isFull(), remotePorts: r.remotePorts.set.isFull(), localAddresses: r.localAddresses.set.isAny(), remoteAddresses: formatAddressSet(r.remoteAddresses.set) },
    {
      id: `${USER}:${line}`,
      name: 'filter/SSH-IN rule 1',
      source: { file: USER, line },
      enabled: true,
      direction: 'in',
      action: 'allow',
      target: 'ACCEPT',
      protocols: true,
      localPorts: true,
      remotePorts: true,
      localAddresses: true,
      remoteAddresses: '10.0.0.0/8',
      profiles: ['domain', 'private', 'public'],
      conditions: [],
      chain: 'filter/SSH-IN',
      raw: '-A SSH-IN -s 10.0.0.0/8 -j ACCEPT',
    },
  );
  assert.equal([r.remoteAddresses.negated, r.remoteAddresses.symbols, r.localPorts.keywords], [false, [], []]);
});

test('user chains: Chain records with policies, sources and rule ids in order (both copies listed)', () => {
  const rs = parseFixture(USER);
  const chain = (key: string) => rs.chains?.find((c) => c.key === key);
  assert.equal(chain('filter/INPUT'), {
    key: 'filter/INPUT',
    table: 'filter',
    name: 'INPUT',
    builtin: true,
    policy: 'drop',
    source: { file: USER, line: lineOf(USER, ':INPUT DROP') },
    ruleIds: ['-A INPUT -i lo', '-A INPUT -j COMMON', '-g SSH-IN', '-A INPUT -j LOOP-A'].map((n) => `${USER}:${lineOf(USER, n)}`),
  });
  const dns = lineOf(USER, '-A COMMON -p udp');
  const ret = lineOf(USER, '-A COMMON -j RETURN');
  assert.equal(chain('filter/COMMON')?.ruleIds, [`${USER}:${dns}#in`, `${USER}:${dns}#out`, `${USER}:${ret}#in`, `${USER}:${ret}#out`]);
  assert.is(chain('filter/COMMON')?.policy, undefined);
  assert.is(chain('filter/OUTPUT')?.policy, 'accept');
  assert.equal(chain('filter/ORPHAN')?.ruleIds, []);
});

test('user chains: FORWARD-only and unreachable rules are ignored with reasons and one info per chain', () => {
  const rs = parseFixture(USER);
  assert.is(rs.accounting.ignored[REASON_FORWARD], 2);
  assert.is(rs.accounting.ignored[REASON_UNREACHABLE], 1);
  assert.equal(codes(rs.diagnostics), [
    `IPT_ROUTED_CHAIN@${lineOf(USER, ':FORWARD DROP')}`,
    `IPT_UNREACHABLE_CHAIN@${lineOf(USER, ':ORPHAN')}`,
    `IPT_ROUTED_CHAIN@${lineOf(USER, ':FWD-ONLY')}`,
  ]);
  assertAccounted(rs, fixtureLines(USER));
  assert.equal(rs.families, ['ipv4']);
  assert.equal(rs.directions, ['in', 'out']);
  assert.is(rs.semantics, 'first-match');
});

test('restore input: -I CHAIN n and -I CHAIN insert; options after -j are read', () => {
  const F = 'fixtures/iptables/restore-insert.rules';
  const rs = parseFixture(F);
  const ids = rs.chains?.find((c) => c.key === 'filter/user-input')?.ruleIds;
  const at = (n: string) => `${F}:${lineOf(F, n)}`;
  assert.equal(ids, [at('--ctstate INVALID'), at('--dport 80 '), at('--dport 8080'), at('--dport 443'), at('-j LOG')]);
  assert.is(ruleOn(rs, F, '--ctstate INVALID').neverNew, true);
  assert.is(summary(ruleOn(rs, F, '--dport 8080')), 'in block DROP tcp local any:8080 remote any:any');
  const log = ruleOn(rs, F, '-j LOG');
  assert.is(log.action, 'continue');
  assert.equal(conditionTexts(log), ['match: -m limit --limit 3/min']);
  assertAccounted(rs, fixtureLines(F));
});

test('iptables -S output: table filter assumed, -P policies, -N chains', () => {
  const F = 'fixtures/iptables/iptables-S.txt';
  const rs = parseFixture(F);
  assert.ok(codes(rs.diagnostics).includes(`IPT_TABLE_ASSUMED@${lineOf(F, '-P INPUT')}`));
  assert.equal(rs.diagnostics.find((d) => d.code === 'IPT_TABLE_ASSUMED')?.severity, 'info');
  assert.equal(rs.chains?.map((c) => `${c.key} ${c.policy ?? '-'} ${c.source?.line ?? '?'}`), [
    `filter/INPUT drop ${lineOf(F, '-P INPUT')}`,
    `filter/FORWARD drop ${lineOf(F, '-P FORWARD')}`,
    `filter/OUTPUT accept ${lineOf(F, '-P OUTPUT')}`,
    `filter/K2 - ${lineOf(F, '-N K2')}`,
  ]);
  assert.is(summary(ruleOn(rs, F, '-A K2 -s')), 'in allow ACCEPT any local any:any remote 10.0.0.0/8:any');
  assertAccounted(rs, fixtureLines(F));
});

test('tables: raw, mangle and security rules are emitted; nat rules are ignored and DNAT/REDIRECT reported', () => {
  const F = 'fixtures/iptables/tables-nat.iptables-save';
  const rs = parseFixture(F);
  assert.equal(rs.rules.map((r) => `${r.chain} ${r.action} ${r.target ?? '-'}`), [
    'raw/PREROUTING continue CT',
    'mangle/INPUT block DROP',
    'security/INPUT allow ACCEPT',
  ]);
  assert.is(rs.accounting.ignored[REASON_NAT], 3);
  const nat = rs.diagnostics.filter((d) => d.code === 'IPT_NAT_REDIRECT');
  assert.equal(nat.map((d) => [d.severity, d.ref.line]), [['info', lineOf(F, '-j DNAT')], ['info', lineOf(F, '-j REDIRECT')]]);
  assert.ok(nat[0]?.message.includes('"-A PREROUTING -p tcp -m tcp --dport 8443 -j DNAT --to-destination 10.0.0.5:443"'));
  assert.equal(rs.chains?.filter((c) => c.table === 'nat').map((c) => c.ruleIds.length), [0, 0, 0, 0]);
  assertAccounted(rs, fixtureLines(F));
});

test('reachability: cycles terminate, -g reaches, a chain reached only by an unreachable chain stays unreachable', () => {
  const rs = parseText(['*filter', ':INPUT ACCEPT [0:0]', ':A - [0:0]', ':B - [0:0]', ':C - [0:0]', ':D - [0:0]',
    '-A INPUT -g A', '-A A -j B', '-A B -j A', '-A B -j ACCEPT', '-A C -j D', '-A D -j C', 'COMMIT'].join('\n'));
  assert.equal(rs.rules.map((r) => `${r.id} ${r.direction}`), ['t.rules:7 in', 't.rules:8 in', 't.rules:9 in', 't.rules:10 in']);
  assert.is(rs.accounting.ignored[REASON_UNREACHABLE], 2);
  assert.equal(codes(rs.diagnostics), ['IPT_NO_FILTER_CHAIN@-', 'IPT_UNREACHABLE_CHAIN@5', 'IPT_UNREACHABLE_CHAIN@6', 'IPT_FAMILY_INFERRED@7']);
});

test('fragments and undeclared chains: ufw-style files without builtin chains, rules into undeclared chains', () => {
  const frag = parseText(['*filter', ':ufw-user-input - [0:0]', '-A ufw-user-input -p tcp --dport 22 -j ACCEPT', 'COMMIT'].join('\n'));
  assert.equal(frag.rules, []);
  assert.ok(codes(frag.diagnostics).includes('IPT_NO_BUILTIN_CHAINS@3'));
  const und = parseText(['*filter', '-A INPUT -j X', '-A X -p tcp --dport 22 -j ACCEPT', 'COMMIT'].join('\n'));
  assert.ok(codes(und.diagnostics).includes('IPT_POLICY_NOT_EXPORTED@2'));
  assert.ok(codes(und.diagnostics).includes('IPT_UNDECLARED_CHAIN@3'));
  assert.equal(und.rules.map((r) => `${r.action} ${r.target ?? '-'}`), ['jump X', 'allow ACCEPT']);
  assert.is(und.chains?.find((c) => c.key === 'filter/INPUT')?.policy, 'accept');
});

test('-4/-6 lines of the other family are skipped with a reason', () => {
  const rs = parseText(['*filter', ':INPUT DROP [0:0]', '-4 -A INPUT -p tcp --dport 22 -j ACCEPT', '-6 -A INPUT -p tcp --dport 23 -j ACCEPT', 'COMMIT'].join('\n'));
  assert.equal(rs.rules.map((r) => r.id), ['t.rules:3']);
  assert.equal(rs.accounting.ignored, { 'other address family (-6 line)': 1 });
  assertAccounted(rs, 5);
});

test.run();
