import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAccounted, codes, conditionTexts, fixtureLines, lineOf, parseFixture, parseText, ruleOn, summary } from './helpers.js';

test('-s/-d by direction: dotted mask, comma list, bare host, local destination, outbound remote = destination', () => {
  const F = 'fixtures/iptables/source-restricted.iptables-save';
  const rs = parseFixture(F);
  assert.is(summary(ruleOn(rs, F, '--dport 1433')), 'in allow ACCEPT tcp local any:1433 remote 10.20.0.0/16:any');
  assert.is(summary(ruleOn(rs, F, '--dport 22')), 'in allow ACCEPT tcp local any:22 remote 172.16.0.1-172.16.0.2:any');
  assert.is(summary(ruleOn(rs, F, '--dport 5252')), 'in allow ACCEPT tcp local 198.51.100.7:5252 remote any:any');
  assert.is(summary(ruleOn(rs, F, '--dport 443')), 'out allow ACCEPT tcp local 198.51.100.7:any remote 192.0.2.0/24:443');
  assertAccounted(rs, fixtureLines(F));
});

test('multiport lists, service names, --ports with a Condition, iprange on both sides', () => {
  const F = 'fixtures/iptables/multiport-iprange.iptables-save';
  const rs = parseFixture(F);
  assert.is(summary(ruleOn(rs, F, '--dports 5555,5560')), 'in allow ACCEPT tcp local any:5555,5560,8000-8010 remote any:any');
  assert.is(summary(ruleOn(rs, F, '--sports 53,123')), 'in allow ACCEPT udp local any:any remote any:53,123');
  const both = ruleOn(rs, F, '--ports 500,4500');
  assert.is(summary(both), 'in allow ACCEPT udp local any:500,4500 remote any:any');
  assert.equal(conditionTexts(both), ['match: multiport --ports (source or destination)']);
  assert.is(summary(ruleOn(rs, F, '--src-range')), 'in allow ACCEPT tcp local any:80,443 remote 192.168.1.10-192.168.1.20:any');
  assert.is(summary(ruleOn(rs, F, '--dst-range 10.0.0.1')), 'in allow ACCEPT tcp local 10.0.0.1-10.0.0.5:1433 remote any:any');
  assert.is(summary(ruleOn(rs, F, 'http,https')), 'in allow ACCEPT tcp local any:80,443 remote any:any');
  assert.is(summary(ruleOn(rs, F, '-A OUTPUT')), 'out allow ACCEPT tcp local any:any remote 10.1.1.1-10.1.1.9:5252,5555');
  assertAccounted(rs, fixtureLines(F));
});

test('negations: negated addresses, complement ports and protocols, legacy "-s ! X" with a warning', () => {
  const F = 'fixtures/iptables/negations.iptables-save';
  const rs = parseFixture(F);
  assert.is(summary(ruleOn(rs, F, '! -s 10.0.0.0/8')), 'in block DROP tcp local any:3389 remote !10.0.0.0/8:any');
  assert.is(summary(ruleOn(rs, F, '-s ! 192.168.0.0/16')), 'in block DROP tcp local any:22 remote !192.168.0.0/16:any');
  assert.equal(codes(rs.diagnostics.filter((d) => d.severity === 'warning')), [`IPT_LEGACY_NEGATION@${lineOf(F, '-s ! 192.168')}`]);
  assert.is(summary(ruleOn(rs, F, '! -p tcp')), 'in block DROP !tcp local any:any remote any:any');
  assert.is(summary(ruleOn(rs, F, '! --dport 1024:65535')), 'in block DROP tcp local any:0-1023 remote any:any');
  assert.is(summary(ruleOn(rs, F, '! --dports 80,443')), 'in block DROP tcp local any:0-79,81-442,444-65535 remote any:any');
  assert.is(summary(ruleOn(rs, F, '-A INPUT -m iprange ! --src-range')), 'in block DROP any local any:any remote !10.0.0.1-10.0.0.9:any');
  const lo = ruleOn(rs, F, '! -i lo');
  assert.equal([summary(lo), lo.conditions], ['in block DROP any local any:any remote 127.0.0.0/8:any', []]);
  assert.equal(conditionTexts(ruleOn(rs, F, '! -i eth0')), ['interface: ! -i eth0']);
  assert.is(summary(ruleOn(rs, F, '--dport 445')), 'in allow ACCEPT tcp local any:445 remote 10.0.0.0/16,10.2.0.0-10.255.255.255:any');
  assert.is(summary(ruleOn(rs, F, '! --match-set blocklist')), 'in allow ACCEPT tcp local any:80 remote !ipset:blocklist:any');
  assertAccounted(rs, fixtureLines(F));
});

test('interfaces, addrtype and ipsets by direction', () => {
  const F = 'fixtures/iptables/interfaces-sets.iptables-save';
  const rs = parseFixture(F);
  assert.is(ruleOn(rs, F, '-i lo -j').loopbackOnly, true);
  assert.is(ruleOn(rs, F, '-i lo+').loopbackOnly, true);
  assert.is(ruleOn(rs, F, '-A OUTPUT -o lo').loopbackOnly, true);
  assert.equal(conditionTexts(ruleOn(rs, F, '-i eth1')), ['interface: -i eth1']);
  assert.equal(conditionTexts(ruleOn(rs, F, '-i eth+')), ['interface: -i eth+']);
  assert.is(ruleOn(rs, F, '-o eth0').neverNew, true);
  const local = ruleOn(rs, F, '--dst-type LOCAL');
  assert.equal([summary(local), local.conditions], ['in allow ACCEPT tcp local any:30000-32767 remote any:any', []]);
  assert.equal(conditionTexts(ruleOn(rs, F, '--dst-type BROADCAST')), ['match: -m addrtype --dst-type BROADCAST']);
  assert.is(summary(ruleOn(rs, F, 'k2-clients')), 'in allow ACCEPT tcp local any:5555 remote ipset:k2-clients:any');
  assert.equal(conditionTexts(ruleOn(rs, F, 'pairs src,dst')), ['match: -m set --match-set pairs src,dst']);
  const admins = ruleOn(rs, F, 'admins');
  assert.equal([summary(admins), conditionTexts(admins)], ['in allow ACCEPT tcp local any:22 remote 10.0.0.0/8:any', ['match: -m set --match-set admins src']]);
  assert.is(summary(ruleOn(rs, F, 'ad-servers')), 'out allow ACCEPT tcp local any:any remote ipset:ad-servers:389');
  assertAccounted(rs, fixtureLines(F));
});

test('ip6tables: family from the header, IPv6 prefixes, icmpv6 types, an IPv4 address is an error', () => {
  const F = 'fixtures/iptables/ip6tables.ip6tables-save';
  const rs = parseFixture(F);
  assert.equal(rs.families, ['ipv6']);
  assert.is(summary(ruleOn(rs, F, '--dport 5555')), 'in allow ACCEPT tcp local any:5555 remote 2001:db8::/32:any');
  assert.is(summary(ruleOn(rs, F, 'fe80::/64')), 'in allow ACCEPT udp local any:546 remote fe80::/64:any');
  assert.equal(conditionTexts(ruleOn(rs, F, 'icmpv6-type 128')), ['other: icmpv6-type 128']);
  const v4 = ruleOn(rs, F, '-s 10.0.0.1/32');
  assert.equal(conditionTexts(v4), ['other: unreadable address "10.0.0.1/32"']);
  assert.is(summary(v4), 'in allow ACCEPT tcp local any:22 remote any:any');
  const err = rs.diagnostics.find((d) => d.code === 'IPT_BAD_ADDRESS');
  assert.equal([err?.severity, err?.ref.line, err?.message], ['error', lineOf(F, '-s 10.0.0.1/32'), '-s "10.0.0.1/32": address "10.0.0.1/32" is not IPv6']);
  assertAccounted(rs, fixtureLines(F));
});

test('family without a header: IPv6 addresses or ICMPv6 make it IPv6 (info), else IPv4', () => {
  const v6 = parseText('*filter\n:INPUT DROP [0:0]\n-A INPUT -s 2001:db8::/32 -j ACCEPT\nCOMMIT');
  assert.equal(v6.families, ['ipv6']);
  assert.equal(codes(v6.diagnostics), ['IPT_NO_FILTER_CHAIN@-', 'IPT_FAMILY_INFERRED@3']);
  assert.equal(parseText('*filter\n-A INPUT -p ipv6-icmp -j ACCEPT\nCOMMIT').families, ['ipv6']);
  assert.equal(parseText('*filter\n-A INPUT -p icmp -j ACCEPT\nCOMMIT').families, ['ipv4']);
});

test('counters on chain and rule lines are stripped; the legacy-tables warning marks the export incomplete', () => {
  const F = 'fixtures/iptables/counters.iptables-save';
  const rs = parseFixture(F);
  assert.equal(rs.rules.map(summary), ['in allow ACCEPT tcp local any:5252 remote any:any', 'in block DROP tcp local any:23 remote any:any']);
  assert.equal(rs.rules.map((r) => r.raw), ['[5:300] -A INPUT -p tcp -m tcp --dport 5252 -j ACCEPT', '[0:0] -A INPUT -p tcp -m tcp --dport 23 -j DROP']);
  assert.is(rs.chains?.find((c) => c.key === 'filter/INPUT')?.policy, 'accept');
  assert.equal(codes(rs.diagnostics), [`IPT_LEGACY_TABLES_PRESENT@${lineOf(F, '# Warning')}`]);
  assert.is(rs.diagnostics[0]?.severity, 'warning');
  assertAccounted(rs, fixtureLines(F));
});

test.run();
