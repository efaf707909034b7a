/**
 * @fileoverview The semantic diff on built rule sets: certainty of changes (conditional rules), port ranges merged
 * per cause, other protocols, defaults, families and directions that cannot be compared.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DiffResult } from '../../../src/analyses/diff/types.js';
import { formatPorts } from '../../../src/model/port-set.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import { chainSet, rule, windowsSet } from '../../helpers/build.js';
import { diffInputs, inputOf } from './helpers.js';

function diff(before: RuleSet, after: RuleSet): DiffResult {
  return diffInputs([inputOf('b', before)], [inputOf('a', after)], { profile: null });
}

function rules(file: string, list: Rule[]): Rule[] {
  return list.map((r) => ({ ...r, id: `${file}:${r.source.line ?? 0}`, source: { file, line: r.source.line ?? 0 } }));
}

/** `direction protocols: kind ports remote certainty [refs]` lines. */
function lines(r: DiffResult): string[] {
  return r.semantic.changes.flatMap((c) => [
    ...c.newlyAllowed.map((f) => `${c.direction} ${c.protocols}: allowed ${formatPorts(f.ports)} ${f.remote} ${f.certainty} [${f.responsible.map((x) => `${x.side} ${x.ref}`).join(', ')}]`),
    ...c.newlyBlocked.map((f) => `${c.direction} ${c.protocols}: blocked ${formatPorts(f.ports)} ${f.remote} ${f.certainty} [${f.responsible.map((x) => `${x.side} ${x.ref}`).join(', ')}]`),
  ]);
}

test('conditional → unconditional allow is a possible change; nothing → unconditional is certain', () => {
  const before = windowsSet(rules('b', [rule({ line: 1, name: 'App', proto: 'tcp', local: '5555', conditions: ['program app.exe'] })]));
  const after = windowsSet(rules('a', [rule({ line: 1, name: 'App', proto: 'tcp', local: '5555' }), rule({ line: 2, name: 'Web', proto: 'tcp', local: '80,443' })]));
  // Newly allowed cites the after side's allows (and removed or changed before-side blocks, none here).
  assert.equal(lines(diff(before, after)), ['in tcp: allowed 80,443 any certain [after a:2]', 'in tcp: allowed 5555 any possible [after a:1]']);
});

test('a rule that became conditional makes the flow possibly blocked', () => {
  const before = windowsSet(rules('b', [rule({ line: 1, name: 'App', proto: 'udp', local: '389' })]));
  const after = windowsSet(rules('a', [rule({ line: 1, name: 'App', proto: 'udp', local: '389', conditions: ['program lsass.exe'] })]));
  assert.equal(lines(diff(before, after)), ['in udp: blocked 389 any possible [after a#default-inbound-domain, before b:1]']);
});

test('ports with the same change and the same causes merge into one entry; other causes stay apart', () => {
  const before = windowsSet([]);
  const after = windowsSet(rules('a', [rule({ line: 1, name: 'Range', proto: 'tcp', local: '1000-2999' }), rule({ line: 2, name: 'Inner', proto: 'tcp', local: '1500-1600', remote: '10.0.0.0/8' })]));
  assert.equal(lines(diff(before, after)), ['in tcp: allowed 1000-1499,1601-2999 any certain [after a:1]', 'in tcp: allowed 1500-1600 any certain [after a:1, after a:2]']);
});

test('an any-protocol allow and an ICMP allow appear under "other" protocols, grouped by equal change', () => {
  const before = windowsSet([]);
  const after = windowsSet(rules('a', [rule({ line: 1, name: 'All from admin', remote: '10.9.9.9' }), rule({ line: 2, name: 'Ping', proto: 'icmp' })]));
  const got = lines(diff(before, after));
  assert.equal(got, [
    'in tcp: allowed any 10.9.9.9 certain [after a:1]',
    'in udp: allowed any 10.9.9.9 certain [after a:1]',
    'in hopopt,igmp,ggp,ipip,5,7-16,18-255: allowed any 10.9.9.9 certain [after a:1]',
    'in icmp: allowed any any certain [after a:1, after a:2]',
  ]);
});

test('a changed default inbound action is a policy change and opens every inbound port, citing the default', () => {
  const before = windowsSet([], { domain: { enabled: true, inbound: 'block', outbound: 'allow', source: { file: 'b', line: 40 } } });
  const after = windowsSet([], { domain: { enabled: true, inbound: 'allow', outbound: 'allow', source: { file: 'a', line: 40 } } });
  const r = diff(before, after);
  assert.equal(r.policies, [{ subject: 'profile domain', field: 'inbound', before: 'block', after: 'allow', beforeRef: 'b:40', afterRef: 'a:40' }]);
  assert.equal(lines(r), ['in tcp: allowed any any certain [after a:40]', 'in udp: allowed any any certain [after a:40]', 'in any except tcp,udp: allowed any any certain [after a:40]']);
});

test('a profile stated by one export and defaulted by the other compares equal', () => {
  const before = windowsSet([]);
  const after = windowsSet([], { domain: { enabled: true, inbound: 'block', outbound: 'allow' }, private: { enabled: undefined, inbound: undefined, outbound: undefined } });
  const r = diff(before, after);
  assert.equal([r.policies, r.semantic.changes, r.unifiedDiff], [[], [], '']);
});

test('a direction one side does not cover is not compared, with the reason', () => {
  const before: RuleSet = { ...windowsSet([]), directions: ['in'] };
  const after = windowsSet(rules('a', [rule({ line: 1, name: 'Out', dir: 'out', proto: 'tcp', local: '25', action: 'block' })]));
  const r = diff(before, after);
  assert.equal(r.semantic.directions, ['in']);
  assert.equal(r.semantic.notCompared, [{ direction: 'out', reason: 'the before export does not show how outbound traffic is filtered' }]);
  assert.equal(r.semantic.changes, []);
});

test('first-match: a policy change cites the chain policy; families limited to what both sides speak for', () => {
  const before = chainSet({ 'filter/INPUT': ['drop', []], 'filter/OUTPUT': ['accept', []] });
  const after = chainSet({ 'filter/INPUT': ['accept', []], 'filter/OUTPUT': ['accept', []] });
  const r = diff(before, after);
  assert.equal(r.semantic.families, ['ipv4']);
  assert.equal(r.policies.map((p) => [p.subject, p.before, p.after]), [['chain filter/INPUT', 'drop', 'accept']]);
  assert.equal(lines(r), ['in tcp: allowed any any IPv4 certain [after f:1]', 'in udp: allowed any any IPv4 certain [after f:1]', 'in any except tcp,udp: allowed any any IPv4 certain [after f:1]']);
});

test.run();
