/**
 * @fileoverview First-match remediation on built chain sets: insert positions (blocking rule, jump into a chain
 * that drops, uncertain match, policy only), other tables, IPv6, remote scopes, nft, and replacements.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RuleSet } from '../../../src/model/rule.js';
import { chainSet, req, rule } from '../../helpers/build.js';
import { commandLines, itemsFor } from './build-items.js';

const host = req('host', 'in', 'tcp', '5555');
const NEW_ACCEPT = '-m conntrack --ctstate NEW -j ACCEPT';

test('before the blocking rule; after accepts and rules that do not touch the flow', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, proto: 'tcp', local: '5000-6000', action: 'block' }), rule({ line: 7, proto: 'tcp', local: '5555' })]],
  });
  const [item] = itemsFor(rs, [host]);
  assert.equal(commandLines(item), [`iptables: iptables -I INPUT 2 -p tcp --dport 5555 ${NEW_ACCEPT}`]);
  assert.is(item?.summary, 'insert an ACCEPT for 5555/tcp at filter/INPUT position 2, before "rule 6" (f:6), the first rule that decides the flow against it');
});

test('a jump into a chain that drops the flow decides it: insert before the jump', () => {
  const rs = chainSet({
    'filter/INPUT': ['accept', [rule({ line: 5, proto: 'tcp', local: '80' }), rule({ line: 6, action: 'jump', target: 'svc' })]],
    'filter/svc': [undefined, [rule({ line: 10, proto: 'tcp', local: '5555', action: 'block' })]],
  });
  assert.equal(commandLines(itemsFor(rs, [host])[0]), [`iptables: iptables -I INPUT 2 -p tcp --dport 5555 ${NEW_ACCEPT}`]);
});

test('an uncertain DROP decides against the flow too; an uncertain ACCEPT does not', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [
      rule({ line: 5, proto: 'tcp', local: '5555', conditions: ['-m limit --limit 3/min'] }),
      rule({ line: 6, proto: 'tcp', local: '5555', action: 'block', conditions: ['-m recent --rcheck'] }),
    ]],
  });
  const [item] = itemsFor(rs, [host]);
  assert.equal(commandLines(item), [`iptables: iptables -I INPUT 2 -p tcp --dport 5555 ${NEW_ACCEPT}`]);
  assert.is(item?.action, 'manual');
  assert.match(item?.summary ?? '', /^allowed only if conditions hold/);
});

test('only the policy blocks: append; a scoped requirement becomes -s; outbound uses OUTPUT with -d', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' })]], 'filter/OUTPUT': ['drop', []] });
  const items = itemsFor(rs, [req('ssh', 'in', 'tcp', '22,2222', '10.0.0.0/8,192.168.1.0/25'), req('smtp', 'out', 'tcp', '25', '10.0.0.1-10.0.0.2')]);
  assert.equal(commandLines(items[0]), [`iptables: iptables -A INPUT -p tcp -s 10.0.0.0/8,192.168.1.0/25 --dport 2222 ${NEW_ACCEPT}`]);
  assert.equal(commandLines(items[1]), [`iptables: iptables -A OUTPUT -p tcp -d 10.0.0.1,10.0.0.2 --dport 25 ${NEW_ACCEPT}`]);
});

test('a partial gap (ACCEPT from one subnet) gets an ACCEPT for the whole required scope', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '5555', remote: '10.1.0.0/16' })]] });
  const [item] = itemsFor(rs, [host]);
  assert.equal(commandLines(item), [`iptables: iptables -A INPUT -p tcp --dport 5555 ${NEW_ACCEPT}`]);
  assert.match(item?.summary ?? '', /^allowed only from 10\.1\.0\.0\/16: a new rule for the whole required scope is added/);
});

test('every blocking chain on the hook gets its own ACCEPT (mangle before filter), with -t', () => {
  const rs = chainSet({
    'mangle/INPUT': ['accept', [rule({ line: 3, proto: 'tcp', local: '5555', action: 'block' })]],
    'filter/INPUT': ['drop', []],
  });
  assert.equal(commandLines(itemsFor(rs, [host])[0]), [
    `iptables: iptables -t mangle -I INPUT 1 -p tcp --dport 5555 ${NEW_ACCEPT}`,
    `iptables: iptables -A INPUT -p tcp --dport 5555 ${NEW_ACCEPT}`,
  ]);
});

test('IPv6 rule sets get ip6tables', () => {
  const rs: RuleSet = { ...chainSet({ 'filter/INPUT': ['drop', []] }), families: ['ipv6'] };
  assert.equal(commandLines(itemsFor(rs, [host])[0]), [`ip6tables: ip6tables -A INPUT -p tcp --dport 5555 ${NEW_ACCEPT}`]);
});

test('nftables: append with nft add rule; an insert in the middle needs a handle, so manual with the rule text', () => {
  const base = chainSet({ 'inet filter/input': ['drop', []] });
  const nft: RuleSet = { ...base, platform: 'nftables', hooks: { in: ['inet filter/input'], out: [] } };
  const [append] = itemsFor(nft, [req('dir', 'in', 'tcp', '389,636', '10.0.0.0/8')]);
  assert.equal(commandLines(append), ['nft: nft add rule inet filter input ip saddr 10.0.0.0/8 tcp dport { 389, 636 } ct state new accept']);
  const dropFirst = chainSet({ 'inet filter/input': ['drop', [rule({ line: 4, proto: 'tcp', local: '5555', action: 'block' })]] });
  const [manual] = itemsFor({ ...dropFirst, platform: 'nftables', hooks: { in: ['inet filter/input'], out: [] } }, [host]);
  assert.is(manual?.action, 'manual');
  assert.is(manual?.summary, 'insert an accept for 5555/tcp into inet filter/input before "rule 4" (f:4); nft needs that rule\'s handle (nft -a list ruleset): nft insert rule … position <handle> tcp dport 5555 ct state new accept');
});

test('replace: -R at the rule position keeping interface and states; -D when nothing is required', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [
      rule({ line: 5, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }),
      rule({ line: 6, proto: 'tcp', local: '1-10000', iface: { name: 'eth0', negated: false }, states: ['new'] }),
      rule({ line: 7, proto: 'udp', local: '161' }),
      rule({ line: 8, proto: 'tcp', local: '20000-30000', conditions: ['-m limit --limit 3/min'] }),
    ]],
  });
  const items = itemsFor(rs, [req('ssh', 'in', 'tcp', '22'), req('web', 'in', 'tcp', '80,443'), req('k2', 'in', 'tcp', '5555,25000')]);
  const byFinding = Object.fromEntries(items.filter((i) => i.findingId !== undefined).map((i) => [i.findingId, [i.action, ...commandLines(i)]]));
  assert.equal(byFinding, {
    'over-permissive:f:6': ['replace', 'iptables: iptables -R INPUT 2 -p tcp -i eth0 -m multiport --dports 22,80,443,5555 -m conntrack --ctstate NEW -j ACCEPT'],
    'over-permissive:f:7': ['replace', 'iptables: iptables -D INPUT 3'],
    'over-permissive:f:8': ['manual'],
  });
  assert.is(items.find((i) => i.findingId === 'over-permissive:f:7')?.summary, 'delete rule "rule 7" (f:7): none of what it opens is required');
});

test('replace: a line in a user chain reached both inbound and outbound is left to the admin', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, action: 'jump', target: 'svc' })]],
    'filter/OUTPUT': ['drop', [rule({ line: 6, dir: 'out', action: 'jump', target: 'svc' })]],
    'filter/svc': [undefined, [rule({ line: 10, id: 'f:10#in', proto: 'tcp' }), rule({ line: 10, id: 'f:10#out', dir: 'out', proto: 'tcp' })]],
  });
  const items = itemsFor(rs, [host, req('smtp', 'out', 'tcp', '25')]).filter((i) => i.findingId !== undefined);
  assert.equal(items.map((i) => [i.findingId, i.action, i.commands.length]), [
    ['over-permissive:f:10#in', 'manual', 0],
    ['over-permissive:f:10#out', 'manual', 0],
  ]);
  assert.match(items[0]?.summary ?? '', /is in a chain reached both inbound and outbound/);
});

test('replace: more than 15 kept ports are split over several rules inserted after the first', () => {
  const many = Array.from({ length: 17 }, (_, i) => String(1000 + 2 * i)).join(',');
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp' })]] });
  const [, item] = itemsFor(rs, [req('many', 'in', 'tcp', many)]);
  assert.equal(commandLines(item).map((l) => l.replace(/ -m multiport --dports (\S+)/, (_, p: string) => ` [${p.split(',').length}]`)), [
    'iptables: iptables -R INPUT 1 -p tcp [15] -j ACCEPT',
    'iptables: iptables -I INPUT 2 -p tcp [2] -j ACCEPT',
  ]);
});

test.run();
