import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chainSet, rule } from '../../helpers/build.js';
import { anomalies, byId, ids, view } from './helpers.js';

const input = (...rules: ReturnType<typeof rule>[]) => chainSet({ 'filter/INPUT': ['drop', rules] });

test('partial overlap with different actions: correlated, both rules cited', () => {
  const fs = anomalies([input(rule({ line: 5, proto: 'tcp', local: '20-30' }), rule({ line: 6, proto: 'tcp', local: '25-35', action: 'block' }))]);
  assert.equal(fs.map(view), ['correlated:f:5~f:6 info [5,6] {"ruleId":"f:5","ruleName":"rule 5","other":"f:6","otherName":"rule 6"}']);
  assert.is(byId(fs, 'correlated:f:5~f:6').code, 'RULES_CORRELATED');
});

test('overlap in ports but not in addresses, or the same action: no pair', () => {
  const apart = input(rule({ line: 5, proto: 'tcp', local: '20-30', remote: '10.0.0.0/8' }), rule({ line: 6, proto: 'tcp', local: '25-35', remote: '11.0.0.0/8', action: 'block' }));
  assert.equal(ids(anomalies([apart])), []);
  const same = input(rule({ line: 5, proto: 'tcp', local: '20-30' }), rule({ line: 6, proto: 'tcp', local: '25-35' }));
  assert.equal(ids(anomalies([same])), []);
});

test('a later rule with another action containing earlier ones generalizes them, one finding per later rule', () => {
  const fs = anomalies([
    input(
      rule({ line: 5, proto: 'tcp', local: '22', remote: '10.1.0.0/16', action: 'block' }),
      rule({ line: 6, proto: 'tcp', local: '23', remote: '10.2.0.0/16', action: 'block' }),
      rule({ line: 7, proto: 'tcp', local: '20-25', remote: '10.0.0.0/8' }),
    ),
  ]);
  assert.equal(fs.map(view), ['generalization:f:7 info [7,5,6] {"ruleId":"f:7","ruleName":"rule 7","generalizes":["f:5","f:6"]}']);
});

test('the catch-all rule at the end is the chain default, not a generalization', () => {
  const fs = anomalies([input(rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, action: 'block' }))]);
  assert.equal(ids(fs), []);
});

test('uncertain and shadowed rules form no pairs', () => {
  const uncertain = input(rule({ line: 5, proto: 'tcp', local: '20-30', conditions: ['-m limit'] }), rule({ line: 6, proto: 'tcp', local: '25-35', action: 'block' }));
  assert.equal(ids(anomalies([uncertain])), []);
  const shadowed = input(rule({ line: 4, proto: 'tcp', local: '1-100' }), rule({ line: 5, proto: 'tcp', local: '20-30' }), rule({ line: 6, proto: 'tcp', local: '25-35', action: 'block' }));
  assert.equal(ids(anomalies([shadowed])), ['redundant:f:5', 'shadowed:f:6']);
});

test('pair lists are capped at maxPairs, with the exact totals reported', () => {
  // Accepts on 10-19, 30-39, 50-59 and drops on 15-34, 35-54, 55-64: 5 partial overlaps, nothing covered.
  const rules = [10, 30, 50].map((lo, i) => rule({ line: 5 + i, proto: 'tcp', local: `${lo}-${lo + 9}` }));
  const drops = [15, 35, 55].map((lo, i) => rule({ line: 8 + i, proto: 'tcp', local: `${lo}-${lo + (i === 2 ? 9 : 19)}`, action: 'block' }));
  const all = anomalies([input(...rules, ...drops)]);
  assert.equal(ids(all), ['correlated:f:5~f:8', 'correlated:f:6~f:8', 'correlated:f:6~f:9', 'correlated:f:7~f:10', 'correlated:f:7~f:9']);
  const capped = anomalies([input(...rules, ...drops)], { maxPairs: 2 });
  assert.equal(ids(capped), ['correlated:f:5~f:8', 'correlated:f:6~f:8', 'pairs-capped:correlated']);
  assert.equal(byId(capped, 'pairs-capped:correlated').args, { kind: 'correlated', total: 5, shown: 2 });
  assert.equal(byId(capped, 'pairs-capped:correlated').refs, []);
});

test('the generalization cap counts pairs, across chains', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22', remote: '10.1.0.0/16', action: 'block' }), rule({ line: 6, proto: 'tcp', local: '23', remote: '10.2.0.0/16', action: 'block' }), rule({ line: 7, proto: 'tcp', local: '20-25', remote: '10.0.0.0/8' })]],
    'filter/OUTPUT': ['accept', [rule({ line: 9, dir: 'out', proto: 'tcp', local: '443', action: 'block' }), rule({ line: 10, dir: 'out', proto: 'tcp', local: '400-500' })]],
  });
  const fs = anomalies([rs], { maxPairs: 1 });
  assert.equal(fs.map(view), [
    'generalization:f:7 info [7,5] {"ruleId":"f:7","ruleName":"rule 7","generalizes":["f:5"]}',
    'pairs-capped:generalization info [] {"kind":"generalization","total":3,"shown":1}',
  ]);
});

test.run();
