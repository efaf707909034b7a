import { AddressSet } from '../../src/model/address-set.js';
import { parseAddressList } from '../../src/model/ip.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chainSet, req, rule } from '../helpers/build.js';
import { evaluate, summary } from '../helpers/run.js';

const r22 = req('ssh', 'in', 'tcp', '22');

test('first match wins: an earlier DROP beats a later ACCEPT, and vice versa', () => {
  const drop = chainSet({ 'filter/INPUT': ['accept', [rule({ line: 5, proto: 'tcp', local: '22', action: 'block' }), rule({ line: 6, proto: 'tcp', local: '22' })]] });
  assert.equal(summary(evaluate([drop], r22)), { status: 'blocked', missing: '22', allowedBy: [], blockedBy: ['f:5'], conditionalBy: [] });
  const accept = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, action: 'block' })]] });
  assert.equal(summary(evaluate([accept], r22)), { status: 'allowed', missing: 'none', allowedBy: ['f:5'], blockedBy: [], conditionalBy: [] });
});

test('policy decides what falls through', () => {
  const dropPolicy = chainSet({ 'filter/INPUT': ['drop', []] });
  assert.equal(summary(evaluate([dropPolicy], r22)), { status: 'blocked', missing: '22', allowedBy: [], blockedBy: ['default-policy'], conditionalBy: [] });
  const acceptPolicy = chainSet({ 'filter/INPUT': ['accept', []] });
  assert.equal(summary(evaluate([acceptPolicy], r22)).status, 'allowed');
});

test('user chains: jump, RETURN resumes in the caller, accept inside the chain counts', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, action: 'jump', target: 'svc' }), rule({ line: 6, proto: 'tcp', local: '80' })]],
    'filter/svc': [undefined, [rule({ line: 10, proto: 'tcp', local: '22', remote: '10.0.0.0/8', action: 'return' }), rule({ line: 11, proto: 'tcp', local: '22' })]],
  });
  const r = evaluate([rs], r22);
  assert.equal(summary(r).status, 'partial');
  assert.equal(summary(r).allowedBy, ['f:11']);
  assert.equal(summary(r).blockedBy, ['default-policy']);
  assert.equal(summary(evaluate([rs], req('web', 'in', 'tcp', '80'))).status, 'allowed');
});

test('goto: RETURN in the target returns from the calling chain', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, action: 'jump', target: 'a' }), rule({ line: 6, proto: 'tcp', local: '22' })]],
    'filter/a': [undefined, [rule({ line: 10, action: 'goto', target: 'b' }), rule({ line: 11, action: 'block' })]],
    'filter/b': [undefined, [rule({ line: 20, action: 'return' })]],
  });
  // INPUT → a → goto b → RETURN returns from a to INPUT, skipping a's DROP; INPUT then accepts 22.
  assert.equal(summary(evaluate([rs], r22)), { status: 'allowed', missing: 'none', allowedBy: ['f:6'], blockedBy: [], conditionalBy: [] });
});

test('NEW-state accepts count; ESTABLISHED,RELATED-only accepts do not; loopback is local', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 4, loopbackOnly: true }), rule({ line: 5, neverNew: true }), rule({ line: 6, proto: 'tcp', local: '22' })]],
  });
  assert.equal(summary(evaluate([rs], r22)).allowedBy, ['f:6']);
  assert.equal(summary(evaluate([rs], req('web', 'in', 'tcp', '80'))).status, 'blocked');
});

test('a source-restricted accept gives partial', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 6, proto: 'tcp', local: '22', remote: '192.168.1.0/24' })]] });
  assert.equal(summary(evaluate([rs], r22)).status, 'partial');
});

test('an unevaluable match gives conditional, naming the rule; an uncertain drop before an accept too', () => {
  const acc = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 6, proto: 'tcp', local: '22', conditions: ['-m limit --limit 3/min'] })]] });
  assert.equal(summary(evaluate([acc], r22)), { status: 'conditional', missing: '22', allowedBy: ['f:6'], blockedBy: ['default-policy'], conditionalBy: ['f:6'] });
  const drop = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, action: 'block', remoteSymbols: ['ipset:blocklist'] }), rule({ line: 6, proto: 'tcp', local: '22' })]] });
  assert.equal(summary(evaluate([drop], r22)).status, 'conditional');
  assert.equal(summary(evaluate([drop], r22)).conditionalBy, ['f:5']);
});

test('an uncertain rule after a certain decision changes nothing', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, action: 'block', conditions: ['-m recent'] })]] });
  assert.equal(summary(evaluate([rs], r22)).status, 'allowed');
});

test('a DROP in raw PREROUTING is final even when filter accepts', () => {
  const rs = chainSet({
    'raw/PREROUTING': ['accept', [rule({ line: 3, proto: 'tcp', local: '22', action: 'block' })]],
    'filter/INPUT': ['accept', []],
  });
  assert.equal(summary(evaluate([rs], r22)).status, 'blocked');
});

test('outbound requirements walk OUTPUT with the remote port', () => {
  const rs = chainSet({ 'filter/OUTPUT': ['drop', [rule({ line: 7, dir: 'out', proto: 'tcp', local: '1433' })]] });
  assert.equal(summary(evaluate([rs], req('sql', 'out', 'tcp', '1433'))).status, 'allowed');
  assert.equal(summary(evaluate([rs], req('sql', 'in', 'tcp', '1433'))).status, 'allowed');
});


function net(text: string): AddressSet {
  const r = parseAddressList(text);
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

test('interface rules are conditional until --iface maps the interface to its networks', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22', iface: { name: 'eth1', negated: false } })]] });
  assert.equal(summary(evaluate([rs], r22)).status, 'conditional');
  const mapped = new Map([['eth0', net('0.0.0.0/0')], ['eth1', net('10.0.0.0/8')]]);
  assert.equal(summary(evaluate([rs], r22, 'domain', { interfaces: mapped })).status, 'partial');
  assert.equal(summary(evaluate([rs], req('ssh', 'in', 'tcp', '22', '10.1.0.0/16'), 'domain', { interfaces: mapped })).status, 'allowed');
  const wildcard = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22', iface: { name: 'eth+', negated: false } })]] });
  assert.equal(summary(evaluate([wildcard], r22, 'domain', { interfaces: mapped })).status, 'allowed');
  const unmapped = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22', iface: { name: 'wlan0', negated: false } })]] });
  assert.equal(summary(evaluate([unmapped], r22, 'domain', { interfaces: mapped })).status, 'conditional');
});


test('a rule about loopback local addresses alone never matches traffic from other hosts; its negation matches all of it', () => {
  const drop = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 4, action: 'block', localAddr: '127.0.0.0/8' }), rule({ line: 5, proto: 'tcp', local: '22' })]] });
  assert.equal(summary(evaluate([drop], r22)), { status: 'allowed', missing: 'none', allowedBy: ['f:5'], blockedBy: [], conditionalBy: [] });
  const other = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 4, action: 'block', localAddr: '10.0.0.5' }), rule({ line: 5, proto: 'tcp', local: '22' })]] });
  assert.equal(summary(evaluate([other], r22)).status, 'conditional');
});

test('a chain of one address family passes the other family untouched (nftables ip/ip6 tables)', () => {
  const v4 = chainSet({ 'ip filter/input': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' })]], 'ip6 filter/input': ['drop', [rule({ line: 9, proto: 'tcp', local: '22' })]] });
  const withFamilies = {
    ...v4,
    families: ['ipv4', 'ipv6'] as const,
    hooks: { in: ['ip filter/input', 'ip6 filter/input'], out: [] },
    chains: (v4.chains ?? []).map((c) => ({ ...c, families: c.table === 'ip filter' ? (['ipv4'] as const) : (['ipv6'] as const) })),
  };
  const r = evaluate([withFamilies], req('ssh', 'in', 'tcp', '22'));
  assert.equal(summary(r), { status: 'allowed', missing: 'none', allowedBy: ['f:5', 'f:9'], blockedBy: [], conditionalBy: [] });
  assert.equal(r.families?.map((f) => `${f.family}:${f.status}`), ['ipv4:allowed', 'ipv6:allowed']);
  const noFamilies = { ...withFamilies, chains: v4.chains ?? [] };
  assert.equal(summary(evaluate([noFamilies], req('ssh', 'in', 'tcp', '22'))).status, 'allowed');
  const blocked = evaluate([withFamilies], req('web', 'in', 'tcp', '80'));
  assert.equal(summary(blocked).blockedBy, ['default-policy', 'default-policy'], 'the DROP policy of each family chain');
});

test.run();
