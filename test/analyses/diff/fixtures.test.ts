/**
 * @fileoverview `k2audit diff` on the fixture pairs of fixtures/diff/ and across formats (fixtures/cross/):
 * exactly the added, removed and changed rules and the newly allowed or blocked ranges; nothing for a reordered
 * and reformatted export or for the same firewall exported in another format.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffExitCode } from '../../../src/analyses/diff/index.js';
import type { DiffResult, FlowChange } from '../../../src/analyses/diff/types.js';
import type { Parser } from '../../../parsers/types.js';
import { loadInput } from '../../../src/cli/load-input.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { diffFiles, diffInputs, loadWith } from './helpers.js';

const D = 'fixtures/diff/';

/** A flow change as `ports from remote (certainty): refs`. */
function flow(f: FlowChange): string {
  return `${formatPorts(f.ports)} ${f.remote} ${f.certainty}: ${f.responsible.map((x) => `${x.side} ${x.ref}`).join(', ')}`;
}

function flows(r: DiffResult): Record<string, { allowed: string[]; blocked: string[] }> {
  return Object.fromEntries(r.semantic.changes.map((c) => [`${c.direction} ${c.protocols}`, { allowed: c.newlyAllowed.map(flow), blocked: c.newlyBlocked.map(flow) }]));
}

function assertNothing(r: DiffResult): void {
  assert.equal(r.rules.added, []);
  assert.equal(r.rules.removed, []);
  assert.equal(r.rules.changed, []);
  assert.equal(r.rules.moved, []);
  assert.equal(r.policies, []);
  assert.equal(r.semantic.changes, []);
  assert.equal(r.requirements.transitions, []);
  assert.equal([r.exposures.new.length, r.exposures.resolved.length], [0, 0]);
  assert.is(r.verdict, 'pass');
}

test('the committed netsh fixtures equal make-netsh.mjs output', () => {
  const run = spawnSync(process.execPath, [`${D}make-netsh.mjs`, '--check'], { encoding: 'utf8' });
  assert.is(run.status, 0, `${run.stderr}run: node fixtures/diff/make-netsh.mjs`);
});

test('(a) exactly one rule added, one removed, one changed (port), with file:line on both sides', () => {
  const r = diffFiles(`${D}rules-before.netsh.txt`, `${D}rules-after.netsh.txt`);
  assert.equal(r.rules.added.map((x) => [x.ref, x.name]), [[`${D}rules-after.netsh.txt:100`, 'K2 Config Service (TCP 5560-In)']]);
  assert.equal(r.rules.removed.map((x) => [x.ref, x.name]), [[`${D}rules-before.netsh.txt:58`, 'K2 Legacy Discovery (TCP 49599-In)']]);
  assert.equal(
    r.rules.changed.map((c) => [c.name, c.before.ref, c.after.ref, c.matchedBy, c.fields]),
    [['Monitoring Agent (TCP-In)', `${D}rules-before.netsh.txt:72`, `${D}rules-after.netsh.txt:58`, 'name', [{ field: 'localPorts', before: '9100', after: '9200' }]]],
  );
  assert.is(r.rules.unchanged, 6);
  assert.equal(r.rules.moved, []);
});

test('(a) newly allowed and newly blocked ranges, each tied to the responsible rules', () => {
  const r = diffFiles(`${D}rules-before.netsh.txt`, `${D}rules-after.netsh.txt`);
  const dflt = `after ${D}rules-after.netsh.txt#default-inbound-domain`;
  assert.equal(flows(r), {
    'in tcp': {
      allowed: [`5560 any certain: after ${D}rules-after.netsh.txt:100`, `9200 10.50.0.0/16 certain: after ${D}rules-after.netsh.txt:58`],
      blocked: [`9100 10.50.0.0/16 certain: ${dflt}, before ${D}rules-before.netsh.txt:72`, `49599 any certain: ${dflt}, before ${D}rules-before.netsh.txt:58`],
    },
  });
});

test('(a) requirement 5560 blocked → allowed is an improvement; no regression, exit 0', () => {
  const r = diffFiles(`${D}rules-before.netsh.txt`, `${D}rules-after.netsh.txt`);
  assert.equal(r.requirements.transitions.map((t) => [t.id, t.before, t.after, t.change]), [['k2-config-service-in-tcp', 'blocked', 'allowed', 'improved']]);
  assert.is(r.requirements.total, 45);
  assert.equal(r.regressions, []);
  assert.equal(r.exposures.new.map((f) => f.args), [
    { ruleId: `${D}rules-after.netsh.txt:58`, ruleName: 'Monitoring Agent (TCP-In)', traits: ['not-required'], excess: '9200/tcp', keep: '' },
  ]);
  assert.equal(r.exposures.resolved.map((f) => f.id), [`over-permissive:${D}rules-before.netsh.txt:58`, `over-permissive:${D}rules-before.netsh.txt:72`]);
  assert.is(diffExitCode(r), 0);
  assert.is(diffExitCode(diffFiles(`${D}rules-before.netsh.txt`, `${D}rules-after.netsh.txt`, { failOn: 'low' })), 1, 'the new low exposure fails at --fail-on low');
});

test('(b) reordered and reformatted (padding, trailing blanks, blank lines): no entry at all', () => {
  const r = diffFiles(`${D}rules-before.netsh.txt`, `${D}reordered.netsh.txt`);
  assertNothing(r);
  assert.is(r.rules.unchanged, 8);
  assert.is(r.unifiedDiff, '');
});

test('(c) removing the 5555/tcp allow: newly blocked, k2-host-server-in-tcp allowed → blocked, exit 1', () => {
  const r = diffFiles(`${D}rules-before.netsh.txt`, `${D}removes-5555.netsh.txt`);
  assert.equal(r.rules.removed.map((x) => x.name), ['K2 Host Server (TCP 5555-In)']);
  assert.equal(flows(r), { 'in tcp': { allowed: [], blocked: [`5555 any certain: after ${D}removes-5555.netsh.txt#default-inbound-domain, before ${D}rules-before.netsh.txt:2`] } });
  assert.equal(
    r.regressions.map((t) => [t.id, t.before, t.after, t.severity, formatPorts(t.afterMissing)]),
    [['k2-host-server-in-tcp', 'allowed', 'blocked', 'high', '5555']],
  );
  assert.equal(r.failing, { regressions: 1, exposures: 0 });
  assert.is(r.verdict, 'fail');
  assert.is(diffExitCode(r), 1);
  assert.is(diffExitCode(diffFiles(`${D}rules-before.netsh.txt`, `${D}removes-5555.netsh.txt`, { failOn: 'none' })), 0, '--fail-on none never fails');
  assert.is(diffExitCode(diffFiles(`${D}rules-before.netsh.txt`, `${D}removes-5555.netsh.txt`, { failOn: 'critical' })), 0, 'a high regression does not reach critical');
});

test('(c) reversed: the rule added back is an improvement, not a regression', () => {
  const r = diffFiles(`${D}removes-5555.netsh.txt`, `${D}rules-before.netsh.txt`);
  assert.equal(r.requirements.transitions.map((t) => [t.id, t.change]), [['k2-host-server-in-tcp', 'improved']]);
  assert.is(diffExitCode(r), 0);
});

test('(d) iptables: an inserted DROP and a policy change; positional names do not make shifted rules "changed"', () => {
  const r = diffFiles(`${D}chains-before.iptables-save`, `${D}chains-after.iptables-save`);
  assert.equal(
    r.rules.added.map((x) => [x.ref, x.chain, x.position]),
    [
      [`${D}chains-after.iptables-save:11`, 'filter/INPUT', 3],
      [`${D}chains-after.iptables-save:15`, 'filter/OUTPUT', 1],
      [`${D}chains-after.iptables-save:16`, 'filter/OUTPUT', 2],
      [`${D}chains-after.iptables-save:18`, 'filter/OUTPUT', 4],
    ],
  );
  assert.equal([r.rules.removed, r.rules.changed, r.rules.moved], [[], [], []]);
  assert.is(r.rules.unchanged, 6);
  assert.equal(r.policies, [
    { subject: 'chain filter/OUTPUT', field: 'policy', before: 'accept', after: 'drop', beforeRef: `${D}chains-before.iptables-save:7`, afterRef: `${D}chains-after.iptables-save:8` },
  ]);
});

test('(d) iptables: 5555 newly blocked from 10.9.0.0/16 only; outbound newly blocked but for 25 (already) and 443', () => {
  const r = diffFiles(`${D}chains-before.iptables-save`, `${D}chains-after.iptables-save`);
  const policy = `after ${D}chains-after.iptables-save:8`;
  assert.equal(flows(r), {
    'in tcp': { allowed: [], blocked: [`5555 10.9.0.0/16 certain: after ${D}chains-after.iptables-save:11`] },
    'out tcp': { allowed: [], blocked: [`0-24,26-442,444-65535 any IPv4 certain: ${policy}`] },
    'out udp': { allowed: [], blocked: [`any any IPv4 certain: ${policy}`] },
    'out any except tcp,udp': { allowed: [], blocked: [`any any IPv4 certain: ${policy}`] },
  });
  assert.equal(r.semantic.families, ['ipv4']);
  const host = r.regressions.find((t) => t.id === 'k2-host-server-in-tcp');
  assert.equal([host?.before, host?.after, host?.severity], ['allowed', 'partial', 'high']);
  assert.ok(r.regressions.some((t) => t.id === 'dns-out-udp' && t.after === 'blocked'));
  assert.ok(!r.regressions.some((t) => t.id === 'integration-https-out-tcp'), '443 outbound stays allowed');
  assert.is(diffExitCode(r), 1);
});

test('(d) the unified diff lists only the inserted rules and the policy line', () => {
  const r = diffFiles(`${D}chains-before.iptables-save`, `${D}chains-after.iptables-save`);
  const changed = r.unifiedDiff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l));
  assert.equal(changed, [
    '+  enabled in block proto=tcp lport=5555 rport=any laddr=any raddr=10.9.0.0/16 profiles=domain,private,public chain=filter/INPUT',
    '-chain filter/OUTPUT policy accept',
    '+chain filter/OUTPUT policy drop',
    '+  enabled out allow proto=any lport=any rport=any laddr=any raddr=any profiles=domain,private,public chain=filter/OUTPUT loopback-only',
    '+  enabled out allow proto=any lport=any rport=any laddr=any raddr=any profiles=domain,private,public chain=filter/OUTPUT never-new states=established,related',
    '+  enabled out allow proto=tcp lport=any rport=443 laddr=any raddr=any profiles=domain,private,public chain=filter/OUTPUT',
  ]);
  assert.ok(r.unifiedDiff.startsWith(`===================================================================\n--- ${D}chains-before.iptables-save\n+++ ${D}chains-after.iptables-save\n`));
});

/** The reg parser when it exists (it is written in parallel; the cross-format tests skip without it). */
async function regParser(): Promise<Parser | undefined> {
  const url = new URL('../../../parsers/reg/index.js', import.meta.url);
  if (!existsSync(url)) {
    console.log('  skipped: parsers/reg/index.ts (regParser) does not exist yet');
    return undefined;
  }
  return ((await import(url.href)) as { regParser?: Parser }).regParser;
}

test('(3) the same firewall as netsh before and .reg after: no semantic change, no rule change', async () => {
  const reg = await regParser();
  if (reg === undefined) return;
  const r = diffInputs([loadInput('fixtures/cross/k2-node.netsh.txt', {})], [loadWith(reg, 'fixtures/cross/k2-node.reg')]);
  assertNothing(r);
  assert.is(r.rules.unchanged, 9);
  assert.equal(r.semantic.directions, ['in', 'out']);
  assert.is(r.unifiedDiff, '');
  assert.equal(r.before.inputs.map((i) => i.format), ['netsh']);
  assert.equal(r.after.inputs.map((i) => i.format), ['reg']);
});

test('(3) the same firewall as .reg before and netsh after: symmetric, nothing either', async () => {
  const reg = await regParser();
  if (reg === undefined) return;
  assertNothing(diffInputs([loadWith(reg, 'fixtures/cross/k2-node.reg')], [loadInput('fixtures/cross/k2-node.netsh.txt', {})]));
});

test.run();
