import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { returnTrafficFindings } from '../../src/analyses/return-traffic.js';
import { DEFAULT_MATCH_SETTINGS } from '../../src/engine/rule-match.js';
import { buildUnits } from '../../src/engine/units.js';
import type { RuleSet } from '../../src/model/rule.js';
import { chainSet, rule } from '../helpers/build.js';

function ids(rs: RuleSet): string[] {
  const built = buildUnits([{ file: 'f', ruleSet: rs }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  return returnTrafficFindings(built.units).map((f) => `${f.id} ${f.direction}`);
}

test('DROP policies without an ESTABLISHED accept are reported per chain', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' })]],
    'filter/OUTPUT': ['drop', [rule({ line: 6, dir: 'out', proto: 'tcp', local: '53' })]],
  });
  assert.equal(ids(rs), ['return-traffic:ipv4:filter/INPUT in', 'return-traffic:ipv4:filter/OUTPUT out']);
});

test('an ESTABLISHED accept, directly or in a jumped-to chain, keeps replies flowing', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, action: 'jump', target: 'state' }), rule({ line: 6, proto: 'tcp', local: '22' })]],
    'filter/state': [undefined, [rule({ line: 10, states: ['established', 'related'], neverNew: true })]],
    'filter/OUTPUT': ['drop', [rule({ line: 7, dir: 'out', states: ['established'], neverNew: true })]],
  });
  assert.equal(ids(rs), []);
});

test('an ACCEPT policy, or an unconditional accept, is fine; a final catch-all DROP counts as dropping by default', () => {
  assert.equal(ids(chainSet({ 'filter/INPUT': ['accept', []] })), []);
  assert.equal(ids(chainSet({ 'filter/OUTPUT': ['drop', [rule({ line: 3, dir: 'out' })]] })), []);
  const catchAll = chainSet({ 'filter/INPUT': ['accept', [rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, action: 'block' })]] });
  assert.equal(ids(catchAll), ['return-traffic:ipv4:filter/INPUT in']);
});

test('a loopback-only ESTABLISHED accept does not count', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, states: ['established'], loopbackOnly: true })]] });
  assert.equal(ids(rs), ['return-traffic:ipv4:filter/INPUT in']);
});

test.run();
