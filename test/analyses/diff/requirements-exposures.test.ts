/**
 * @fileoverview Requirement transitions (status order, missing ports, severities, waivers, --fail-on) and new or
 * resolved exposures matched across sides without finding ids.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffRequirements } from '../../../src/analyses/diff/requirement-changes.js';
import type { RequirementResult, RequirementStatus } from '../../../src/findings/result.js';
import { NO_PORTS, parsePortList, type PortSet } from '../../../src/model/port-set.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import { chainSet, req, reqSet, rule, windowsSet } from '../../helpers/build.js';
import { diffInputs, inputOf } from './helpers.js';

function p(text: string): PortSet {
  if (text === '') return NO_PORTS;
  const r = parsePortList(text);
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

function result(status: RequirementStatus, missing = '', original?: RequirementStatus): RequirementResult {
  return {
    requirement: req('r', 'in', 'tcp', '1000-1010'),
    status,
    missing: p(missing),
    allowedBy: [],
    blockedBy: [],
    conditionalBy: [],
    ...(original === undefined ? {} : { originalStatus: original }),
  };
}

function change(before: RequirementResult, after: RequirementResult): [string, string | undefined] | undefined {
  const t = diffRequirements([before], [after]).transitions[0];
  return t === undefined ? undefined : [t.change, t.severity];
}

test('status order allowed > partial > conditional > unknown > blocked decides regressed / improved', () => {
  assert.equal(change(result('allowed'), result('conditional', '1000-1010')), ['regressed', 'high']);
  assert.equal(change(result('partial', '1000'), result('conditional', '1000-1010')), ['regressed', 'medium']);
  assert.equal(change(result('conditional', '1000-1010'), result('unknown', '1000-1010')), ['regressed', 'high']);
  assert.equal(change(result('blocked', '1000-1010'), result('partial', '1000')), ['improved', undefined]);
  assert.equal(change(result('unknown', '1000-1010'), result('blocked', '1000-1010')), ['regressed', 'high']);
});

test('same status: newly missing ports regress, fewer missing ports improve, equal is no transition', () => {
  assert.equal(change(result('partial', '1000'), result('partial', '1000-1001')), ['regressed', 'medium']);
  assert.equal(change(result('partial', '1000-1001'), result('partial', '1001')), ['improved', undefined]);
  assert.is(change(result('partial', '1000'), result('partial', '1000')), undefined);
  assert.equal(diffRequirements([result('partial', '1000')], [result('partial', '1000')]), { total: 1, unchanged: 1, transitions: [] });
});

test('a waiver keeps the waived status in the order: blocked → waived(blocked) is "changed"', () => {
  assert.equal(change(result('blocked', '1000-1010'), result('waived', '1000-1010', 'blocked')), ['changed', undefined]);
  assert.equal(change(result('allowed'), result('waived', '1000-1010', 'blocked')), ['regressed', 'high']);
});

function rules(file: string, list: Rule[]): Rule[] {
  return list.map((r) => ({ ...r, id: `${file}:${r.source.line ?? 0}`, source: { file, line: r.source.line ?? 0 } }));
}

const WEB = reqSet([req('web', 'in', 'tcp', '443')]);

test('a widened allow is a new exposure (and its narrow predecessor resolved); fails at the default threshold', () => {
  const before = windowsSet(rules('b', [rule({ line: 1, name: 'Web', proto: 'tcp', local: '443' })]));
  const after = windowsSet(rules('a', [rule({ line: 1, name: 'Web', proto: 'tcp', local: '1-65535' })]));
  const r = diffInputs([inputOf('b', before)], [inputOf('a', after)], { requirements: WEB });
  assert.equal(r.exposures.new.map((f) => [f.code, f.refs[0]?.file, f.severity]), [['RULE_OVER_PERMISSIVE', 'a', 'critical']]);
  assert.equal(r.exposures.resolved, []);
  assert.equal(r.newExposures.map((f) => f.id), ['over-permissive:a:1']);
  assert.equal([r.failing, r.verdict], [{ regressions: 0, exposures: 1 }, 'fail']);
});

test('a renamed over-permissive rule is the same exposure: neither new nor resolved', () => {
  const before = windowsSet(rules('b', [rule({ line: 1, name: 'Wide', proto: 'tcp', local: '1000-2000' })]));
  const after = windowsSet(rules('a', [rule({ line: 7, name: 'Wide (renamed)', proto: 'tcp', local: '1000-2000' })]));
  const r = diffInputs([inputOf('b', before)], [inputOf('a', after)], { requirements: WEB });
  assert.equal(r.rules.changed.map((c) => c.matchedBy), ['content']);
  assert.equal([r.exposures.new, r.exposures.resolved], [[], []]);
});

test('first-match: an insertion above an over-permissive rule (positional names shift) is no new exposure', () => {
  const wide = (file: string, line: number, n: number) => ({ ...rule({ line, proto: 'tcp', local: '1000-2000', name: `filter/INPUT rule ${n}` }), id: `${file}:${line}`, source: { file, line } });
  const ssh = { ...rule({ line: 1, proto: 'tcp', local: '22', action: 'block', name: 'filter/INPUT rule 1' }), id: 'a:1', source: { file: 'a', line: 1 } };
  const before: RuleSet = chainSet({ 'filter/INPUT': ['drop', [wide('b', 1, 1)]], 'filter/OUTPUT': ['accept', []] });
  const after: RuleSet = chainSet({ 'filter/INPUT': ['drop', [ssh, wide('a', 2, 2)]], 'filter/OUTPUT': ['accept', []] });
  const r = diffInputs([inputOf('b', before)], [inputOf('a', after)], { requirements: WEB });
  assert.equal(r.rules.added.map((x) => x.ref), ['a:1']);
  assert.equal([r.exposures.new, r.exposures.resolved], [[], []]);
});

test('the firewall turned off is a new critical exposure even without requirements (over-permissive skipped)', () => {
  const before = windowsSet([], { domain: { enabled: true, inbound: 'block', outbound: 'allow' } });
  const after = windowsSet([], { domain: { enabled: false, inbound: 'block', outbound: 'allow', source: { file: 'a', line: 3 } } });
  const r = diffInputs([inputOf('b', before)], [inputOf('a', after)], { profile: null });
  assert.equal(r.exposures.new.map((f) => [f.code, f.severity]), [['FIREWALL_OFF', 'critical']]);
  assert.ok(r.exposures.skipped?.startsWith('no requirement set'));
  assert.equal(r.policies.map((x) => [x.subject, x.field, x.before, x.after]), [['profile domain', 'firewall', 'on', 'off']]);
  assert.is(r.verdict, 'fail');
  const back = diffInputs([inputOf('a', after)], [inputOf('b', before)], { profile: null });
  assert.equal([back.exposures.resolved.map((f) => f.code), back.exposures.new, back.verdict], [['FIREWALL_OFF'], [], 'pass']);
});

test.run();
