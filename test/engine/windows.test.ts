import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../src/model/ip.js';
import { req, rule, windowsSet } from '../helpers/build.js';
import { evaluate, summary } from '../helpers/run.js';

const r5555 = req('k2-host-in-tcp', 'in', 'tcp', '5555');

test('block beats allow: both cover 5555/tcp inbound → blocked, block rule cited', () => {
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555' }), rule({ line: 20, proto: 'tcp', local: '5000-6000', action: 'block' })]);
  assert.equal(summary(evaluate([rs], r5555)), { status: 'blocked', missing: '5555', allowedBy: [], blockedBy: ['f:20'], conditionalBy: [] });
});

test('an allow limited to the Private profile does not satisfy a Domain audit, but does a Private one', () => {
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', profiles: ['private'] })]);
  assert.equal(summary(evaluate([rs], r5555)).status, 'blocked');
  assert.equal(summary(evaluate([rs], r5555)).blockedBy, ['default-policy']);
  assert.equal(summary(evaluate([rs], r5555, 'private')).status, 'allowed');
});

test('a disabled rule satisfies nothing and blocks nothing', () => {
  const allow = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', enabled: false })]);
  assert.equal(summary(evaluate([allow], r5555)).status, 'blocked');
  const block = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555' }), rule({ line: 11, proto: 'tcp', local: '5555', action: 'block', enabled: false })]);
  assert.equal(summary(evaluate([block], r5555)), { status: 'allowed', missing: 'none', allowedBy: ['f:10'], blockedBy: [], conditionalBy: [] });
});

test('an allow scoped to one remote subnet gives partial, with the scope', () => {
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', remote: '10.1.0.0/16' })]);
  const r = evaluate([rs], r5555);
  assert.equal(summary(r), { status: 'partial', missing: '5555', allowedBy: ['f:10'], blockedBy: ['default-policy'], conditionalBy: [] });
  assert.equal(formatAddressSet(r.allowedFrom!), '10.1.0.0/16');
  const scoped = req('k2-host-in-tcp', 'in', 'tcp', '5555', '10.1.2.0/24');
  assert.equal(summary(evaluate([rs], scoped)).status, 'allowed');
});

test('a range partly covered lists exactly the missing sub-ranges', () => {
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', local: '1025-3000' }), rule({ line: 11, proto: 'tcp', local: '4000-4999' })]);
  const r = evaluate([rs], req('ad-dyn', 'in', 'tcp', '1025-5000'));
  assert.equal(summary(r).status, 'partial');
  assert.equal(summary(r).missing, '3001-3999,5000');
});

test('protocol matters: a UDP rule does not open TCP; Any protocol opens both', () => {
  const udp = windowsSet([rule({ line: 10, proto: 'udp', local: '5555' })]);
  assert.equal(summary(evaluate([udp], r5555)).status, 'blocked');
  const any = windowsSet([rule({ line: 10 })]);
  assert.equal(summary(evaluate([any], r5555)).status, 'allowed');
});

test('program-scoped and symbolic-address rules satisfy only conditionally', () => {
  const prog = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', conditions: ['program C:\\k2\\host.exe'] })]);
  const r = evaluate([prog], r5555);
  assert.equal(summary(r), { status: 'conditional', missing: '5555', allowedBy: ['f:10'], blockedBy: ['default-policy'], conditionalBy: ['f:10'] });
  assert.equal(r.conditionalBy[0]?.reasons, ['program C:\\k2\\host.exe']);
  const subnet = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', remoteSymbols: ['LocalSubnet'] })]);
  assert.equal(summary(evaluate([subnet], r5555)).status, 'conditional');
});

test('RPC keyword covers dynamic ports only conditionally', () => {
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', keywords: ['RPC'] })]);
  assert.equal(summary(evaluate([rs], req('dyn', 'in', 'tcp', '49152-65535'))).status, 'conditional');
  assert.equal(summary(evaluate([rs], r5555)).status, 'blocked');
});

test('bypass beats block; outbound default allow; block-always ignores allow rules; firewall off allows all', () => {
  const bypass = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', action: 'bypass' }), rule({ line: 11, action: 'block' })]);
  assert.equal(summary(evaluate([bypass], r5555)).status, 'allowed');
  const out = windowsSet([]);
  assert.equal(summary(evaluate([out], req('smtp', 'out', 'tcp', '25'))), { status: 'allowed', missing: 'none', allowedBy: ['default-policy'], blockedBy: [], conditionalBy: [] });
  const outBlocked = windowsSet([], { domain: { enabled: true, inbound: 'block', outbound: 'block' } });
  assert.equal(summary(evaluate([outBlocked], req('smtp', 'out', 'tcp', '25'))).status, 'blocked');
  const always = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555' })], { domain: { enabled: true, inbound: 'block-always', outbound: 'allow' } });
  assert.equal(summary(evaluate([always], r5555)).status, 'blocked');
  const off = windowsSet([rule({ line: 10, action: 'block' })], { domain: { enabled: false, inbound: 'block', outbound: 'allow' } });
  assert.equal(summary(evaluate([off], r5555)), { status: 'allowed', missing: 'none', allowedBy: ['firewall-off'], blockedBy: [], conditionalBy: [] });
});

test('local rules are ignored where AllowLocalPolicyMerge is false', () => {
  const settings = { domain: { enabled: true, inbound: 'block' as const, outbound: 'allow' as const, allowLocalPolicyMerge: false } };
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', store: 'local' })], settings);
  assert.equal(summary(evaluate([rs], r5555)).status, 'blocked');
  const gpo = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555', store: 'gpo' })], settings);
  assert.equal(summary(evaluate([gpo], r5555)).status, 'allowed');
});

test('a block scoped to a subnet carves it out of an any-allow → partial', () => {
  const rs = windowsSet([rule({ line: 10, proto: 'tcp', local: '5555' }), rule({ line: 11, proto: 'tcp', local: '5555', action: 'block', remote: '192.168.0.0/16' })]);
  const r = evaluate([rs], r5555);
  assert.equal(summary(r), { status: 'partial', missing: '5555', allowedBy: ['f:10'], blockedBy: ['f:11'], conditionalBy: [] });
});

test.run();
