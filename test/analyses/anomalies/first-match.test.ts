import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chainSet, rule } from '../../helpers/build.js';
import { anomalies, byId, ids, view } from './helpers.js';

const input = (...rules: ReturnType<typeof rule>[]) => chainSet({ 'filter/INPUT': ['drop', rules] });

test('an accept covered by an earlier drop is shadowed, conflicting, citing the covering rule', () => {
  const fs = anomalies([input(rule({ line: 5, proto: 'tcp', local: '22', action: 'block' }), rule({ line: 6, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }))]);
  assert.equal(fs.map(view), ['shadowed:f:6 medium [6,5] {"ruleId":"f:6","ruleName":"rule 6","by":["f:5"],"conflicting":true}']);
  assert.is(byId(fs, 'shadowed:f:6').code, 'RULE_SHADOWED');
  assert.is(byId(fs, 'shadowed:f:6').direction, 'in');
});

test('coverage by the union of several earlier rules, and the rules that decide first are cited', () => {
  const fs = anomalies([
    input(
      rule({ line: 5, proto: 'tcp', local: '20-25' }),
      rule({ line: 6, proto: 'tcp', local: '26-30', action: 'block' }),
      rule({ line: 7, proto: 'tcp', local: '20-24', remote: '10.0.0.0/8' }),
      rule({ line: 8, proto: 'tcp', local: '22-28' }),
    ),
  ]);
  assert.ok(ids(fs).includes('redundant:f:7'));
  assert.equal(byId(fs, 'redundant:f:7').args, { ruleId: 'f:7', ruleName: 'rule 7', by: ['f:5'] });
  assert.equal(byId(fs, 'shadowed:f:8').args, { ruleId: 'f:8', ruleName: 'rule 8', by: ['f:5', 'f:6'], conflicting: true });
  assert.equal(byId(fs, 'shadowed:f:8').refs.map((r) => r.line), [8, 5, 6]);
});

test('not covered: a gap in the union, or an address outside it', () => {
  const gap = input(rule({ line: 5, proto: 'tcp', local: '20-24' }), rule({ line: 6, proto: 'tcp', local: '26-30' }), rule({ line: 7, proto: 'tcp', local: '20-30', action: 'block' }));
  assert.equal(ids(anomalies([gap])), ['generalization:f:7']);
  const addr = input(rule({ line: 5, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }), rule({ line: 6, proto: 'tcp', local: '22', remote: '10.0.0.0/7', action: 'block' }));
  assert.equal(ids(anomalies([addr])).filter((id) => id.startsWith('shadowed') || id.startsWith('redundant')), []);
});

test('a later duplicate with the same action is redundant (upward), severity low', () => {
  const fs = anomalies([input(rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, proto: 'tcp', local: '22', remote: '10.1.0.0/16' }))]);
  assert.equal(fs.map(view), ['redundant:f:6 low [6,5] {"ruleId":"f:6","ruleName":"rule 6","by":["f:5"]}']);
});

test('an uncertain earlier rule never shadows; an uncertain later rule can be shadowed', () => {
  const limited = input(rule({ line: 5, proto: 'tcp', local: '22', conditions: ['-m limit --limit 3/min'] }), rule({ line: 6, proto: 'tcp', local: '22', action: 'block' }));
  assert.equal(ids(anomalies([limited])).filter((id) => id.endsWith('f:6')), []);
  const ipset = input(rule({ line: 5, proto: 'tcp', local: '22', remoteSymbols: ['ipset:admins'] }), rule({ line: 6, proto: 'tcp', local: '22', action: 'block' }));
  assert.equal(ids(anomalies([ipset])).filter((id) => id.endsWith('f:6')), []);
  const later = input(rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, proto: 'tcp', local: '22', conditions: ['-m limit --limit 3/min'] }));
  assert.equal(ids(anomalies([later])), ['redundant:f:6']);
});

test('a restricted source port or local address makes the earlier rule uncertain', () => {
  const sport = input(rule({ line: 5, proto: 'tcp', local: '22', remotePort: '1024-65535' }), rule({ line: 6, proto: 'tcp', local: '22', action: 'block' }));
  assert.equal(ids(anomalies([sport])).filter((id) => id.endsWith('f:6')), []);
  const dst = input(rule({ line: 5, proto: 'tcp', local: '22', localAddr: '192.168.1.10' }), rule({ line: 6, proto: 'tcp', local: '22', action: 'block' }));
  assert.equal(ids(anomalies([dst])).filter((id) => id.endsWith('f:6')), []);
});

test('a jump does not shadow, and a rule covered behind a jump is shadowed but not called redundant', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', action: 'jump', target: 'svc' }), rule({ line: 6, proto: 'tcp', local: '22' }), rule({ line: 7, proto: 'tcp', local: '22' })]],
    'filter/svc': [undefined, [rule({ line: 10, proto: 'tcp', local: '22', action: 'block' })]],
  });
  assert.equal(anomalies([rs]).map(view), ['shadowed:f:7 low [7,6] {"ruleId":"f:7","ruleName":"rule 7","by":["f:6"],"conflicting":false}']);
});

test('RETURN and goto end the walk and cover; LOG (continue) neither covers nor harms', () => {
  const ret = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, action: 'jump', target: 'svc' })]],
    'filter/svc': [undefined, [rule({ line: 10, proto: 'tcp', local: '22', action: 'return' }), rule({ line: 11, proto: 'tcp', local: '22' })]],
  });
  assert.equal(anomalies([ret]).map(view), ['shadowed:f:11 low [11,10] {"ruleId":"f:11","ruleName":"rule 11","by":["f:10"],"conflicting":false}']);
  const log = input(rule({ line: 5, proto: 'tcp', local: '22', action: 'continue' }), rule({ line: 6, proto: 'tcp', local: '22' }), rule({ line: 7, proto: 'tcp', local: '22', action: 'continue' }));
  assert.equal(ids(anomalies([log])), ['shadowed:f:7']);
});

test('downward: a later rule with the same action takes the whole box first', () => {
  const fs = anomalies([input(rule({ line: 5, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }), rule({ line: 6, proto: 'tcp', local: '80' }), rule({ line: 7, proto: 'tcp', local: '20-25' }))]);
  assert.equal(fs.map(view), ['redundant:f:5 low [5,7] {"ruleId":"f:5","ruleName":"rule 5","by":["f:7"]}']);
});

test('downward: not when a rule with another action, a jump or an uncertain rule comes in between', () => {
  const between = (mid: ReturnType<typeof rule>) => input(rule({ line: 5, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }), mid, rule({ line: 7, proto: 'tcp', local: '22' }));
  // The drop of 10.1.0.0/16 is itself shadowed by rule 5 (reported), but removing rule 5 would let it decide.
  assert.equal(ids(anomalies([between(rule({ line: 6, proto: 'tcp', local: '22', remote: '10.1.0.0/16', action: 'block' }))])), ['shadowed:f:6']);
  assert.equal(ids(anomalies([between(rule({ line: 6, proto: 'tcp', action: 'jump', target: 'x' }))])), []);
  assert.equal(ids(anomalies([between(rule({ line: 6, proto: 'tcp', local: '22', conditions: ['-m recent'], action: 'block' }))])), []);
  // A drop elsewhere in between does not matter.
  assert.equal(ids(anomalies([between(rule({ line: 6, proto: 'tcp', local: '23', action: 'block' }))])), ['redundant:f:5']);
});

test('downward: the policy does not count, nor does a later rule that is itself shadowed', () => {
  const policy = chainSet({ 'filter/INPUT': ['accept', [rule({ line: 5, proto: 'tcp', local: '22' })]] });
  assert.equal(ids(anomalies([policy])), []);
  const dup = input(rule({ line: 5, proto: 'tcp', local: '22' }), rule({ line: 6, proto: 'tcp', local: '22' }));
  assert.equal(ids(anomalies([dup])), ['redundant:f:6']);
});

test('connection states: a NEW-only accept does not cover an all-states rule, the reverse does', () => {
  const newFirst = input(rule({ line: 5, proto: 'tcp', local: '22', states: ['new'] }), rule({ line: 6, proto: 'tcp', local: '22', action: 'block' }));
  assert.equal(ids(anomalies([newFirst])), ['generalization:f:6']);
  const allFirst = input(rule({ line: 5, proto: 'tcp', local: '22', action: 'block' }), rule({ line: 6, proto: 'tcp', local: '22', states: ['new'] }));
  assert.equal(ids(anomalies([allFirst])), ['shadowed:f:6']);
});

test('disabled, ESTABLISHED-only and loopback rules take no part', () => {
  const rs = input(
    rule({ line: 4, proto: 'tcp', local: '22', enabled: false }),
    rule({ line: 5, proto: 'tcp', local: '22', states: ['established'], neverNew: true }),
    rule({ line: 6, proto: 'tcp', local: '22', loopbackOnly: true }),
    rule({ line: 7, proto: 'tcp', local: '22', action: 'block' }),
  );
  assert.equal(ids(anomalies([rs])), []);
});

test('outbound chains use the remote port; chains are analysed separately', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 3, proto: 'tcp', local: '443' })]],
    'filter/OUTPUT': ['accept', [rule({ line: 5, dir: 'out', proto: 'tcp', local: '443', action: 'block' }), rule({ line: 6, dir: 'out', proto: 'tcp', local: '443', remote: '10.0.0.0/8' })]],
  });
  const fs = anomalies([rs]);
  assert.equal(ids(fs), ['shadowed:f:6']);
  assert.is(byId(fs, 'shadowed:f:6').direction, 'out');
});

test('many first matchers: the verdict stands and the covering rules are listed instead of every decider', () => {
  const narrow = Array.from({ length: 20 }, (_, i) => rule({ line: 10 + i, proto: 'tcp', local: String(1 + i) }));
  const fs = anomalies([input(...narrow, rule({ line: 40, proto: 'tcp', local: '1-20', remote: '10.0.0.0/8' }))]);
  const f = byId(fs, 'redundant:f:40');
  assert.equal(f.args, { ruleId: 'f:40', ruleName: 'rule 40', by: narrow.map((r) => r.id) });
  assert.is(f.refs.length, 21);
});

test.run();
