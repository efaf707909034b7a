import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPorts } from '../../../src/model/port-set.js';
import { formatProtocols } from '../../../src/model/protocol.js';
import type { Rule } from '../../../src/model/rule.js';
import { conditionTexts, inputChain, parseText, summary } from './helpers.js';

/** The only rule of an input chain holding `rule`. */
function one(rule: string): Rule {
  const rs = parseText(inputChain(rule));
  if (rs.rules.length !== 1) throw new Error(`${rs.rules.length} rules for ${rule}`);
  return rs.rules[0] as Rule;
}

test('tcp flags are judged on the SYN that opens a connection', () => {
  assert.is(one('tcp flags syn / fin,syn,rst,ack tcp dport 22 accept').neverNew, undefined);
  assert.is(one('tcp flags != syn drop').neverNew, true);
  assert.is(one('tcp flags & (fin|syn) == fin|syn drop').neverNew, true);
  assert.is(one('tcp flags & (fin | syn | rst | psh | ack | urg) < fin drop').neverNew, true);
  assert.is(one('tcp flags syn,ack / syn,ack accept').neverNew, true);
  assert.is(one('tcp flags syn accept').neverNew, undefined);
  assert.is(formatProtocols(one('tcp flags syn accept').protocols), 'tcp');
  assert.equal(conditionTexts(one('tcp flags bogus accept')), ['other: unreadable tcp flags "tcp flags bogus"']);
});

test('ports: relational operators, negation, service names with dashes, th', () => {
  assert.is(formatPorts(one('tcp dport < 1024 accept').localPorts.set), '0-1023');
  assert.is(formatPorts(one('tcp dport >= 1024 accept').localPorts.set), '1024-65535');
  assert.is(formatPorts(one('tcp dport != 22 accept').localPorts.set), '0-21,23-65535');
  assert.is(formatPorts(one('udp dport dhcpv6-client accept').localPorts.set), '546');
  assert.is(formatPorts(one('tcp dport ms-sql-s accept').localPorts.set), '1433');
  assert.is(formatPorts(one('tcp sport 1000-2000 accept').remotePorts.set), '1000-2000');
  assert.is(formatProtocols(one('th dport 53 accept').protocols), 'tcp,udp,33,sctp,udplite');
  assert.is(summary(one('meta l4proto tcp tcp dport 22 accept')), 'in allow accept tcp local any:22 remote any:any');
  assert.equal(conditionTexts(one('tcp dport 22-21 accept')), ['other: unreadable port "22-21"']);
});

test('interfaces: loopback, wildcards, sets, and output interfaces on inbound rules', () => {
  assert.is(one('iifname "lo" accept').loopbackOnly, true);
  assert.is(one('iif != "lo" accept').loopbackOnly, undefined);
  assert.equal(one('iif != "lo" accept').conditions, []);
  assert.equal(one('iifname "eth*" accept').conditions, [{ kind: 'interface', text: 'iifname "eth*"', interface: { name: 'eth+', negated: false } }]);
  assert.equal(one('iifname != "eth0" accept').conditions, [{ kind: 'interface', text: 'iifname != "eth0"', interface: { name: 'eth0', negated: true } }]);
  assert.equal(one('iifname { "eth0", "eth1" } accept').conditions, [{ kind: 'interface', text: 'iifname { "eth0", "eth1" }' }]);
  assert.is(one('oifname "eth0" accept').neverNew, true);
  assert.is(one('oifname != "eth0" accept').neverNew, undefined);
});

test('conntrack states: admitted states and the effect on new connections', () => {
  assert.equal(one('ct state != established accept').connStates, ['invalid', 'related', 'new', 'untracked']);
  assert.is(one('ct state != established accept').neverNew, undefined);
  assert.equal(one('ct state { new, untracked } accept').connStates, ['new', 'untracked']);
  const tracked = one('ct state established,related,untracked accept');
  assert.equal([tracked.neverNew, conditionTexts(tracked)], [undefined, ['match: ct state established,related,untracked']]);
  assert.equal(one('ct state new ct state new,established accept').connStates, ['new']);
});

test('other expressions: protocols and families, pkttype, queue, limit/quota, statements without effect', () => {
  const icmp = one('ip protocol icmp accept');
  assert.equal([formatProtocols(icmp.protocols), summary(icmp)], ['icmp', 'in allow accept icmp local any:any remote any IPv4:any']);
  assert.is(one('meta pkttype broadcast accept').neverNew, true);
  assert.is(one('meta pkttype host accept').neverNew, undefined);
  const queued = one('tcp dport 80 queue num 1 bypass');
  assert.equal([queued.action, queued.target, conditionTexts(queued)], ['allow', 'queue', ['match: verdict from userspace queue']]);
  assert.equal(conditionTexts(one('tcp dport 80 limit rate over 5/second burst 10 packets drop')), ['match: limit rate over 5/second burst 10 packets']);
  assert.equal(conditionTexts(one('quota over 100 mbytes drop')), ['match: quota over 100 mbytes']);
  const quiet = one('tcp dport 80 counter packets 1 bytes 2 log prefix "web " level info meta mark set 0x1 notrack');
  assert.equal([quiet.action, quiet.target, quiet.conditions], ['continue', undefined, []]);
  assert.equal(one('meta nfproto ipv4 ip6 saddr ::1 accept').remoteAddresses.set.isEmpty(), true);
});

test.run();
