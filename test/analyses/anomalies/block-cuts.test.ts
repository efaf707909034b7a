import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chainSet, req, rule, windowsSet } from '../../helpers/build.js';
import { anomalies, byId, ids, view } from './helpers.js';

const host = req('host', 'in', 'tcp', '5555');

test('first-match: a DROP before the accept cuts the required flow: one high finding naming both', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '5550-5559', action: 'block' }), rule({ line: 6, proto: 'tcp', local: '5555' })]] });
  const fs = anomalies([rs], { requirements: [host] });
  const f = byId(fs, 'block-cuts:f:5~host');
  assert.equal(view(f), 'block-cuts:f:5~host high [5] ports=5555 {"ruleId":"f:5","ruleName":"rule 5","requirementId":"host","component":"host"}');
  assert.is(f.code, 'BLOCK_CUTS_REQUIREMENT');
  assert.is(f.requirementId, 'host');
  assert.is(f.protocol, 'tcp');
});

test('the ports are the part of the missing ports the rule blocks', () => {
  const rs = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '5555', action: 'block' })]] });
  const fs = anomalies([rs], { requirements: [req('k2', 'in', 'tcp', '5252,5555')] });
  assert.equal(ids(fs), ['block-cuts:f:5~k2']);
  assert.equal(view(byId(fs, 'block-cuts:f:5~k2')).split(' ')[3], 'ports=5555');
});

test('a default policy alone is not a block rule; an allowed requirement has no finding', () => {
  const policy = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22' })]] });
  assert.equal(ids(anomalies([policy], { requirements: [host] })), []);
  const allowed = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '5555' }), rule({ line: 6, proto: 'tcp', local: '5555', action: 'block' })]] });
  assert.equal(ids(anomalies([allowed], { requirements: [host] })).filter((id) => id.startsWith('block-cuts')), []);
});

test('Windows: a block rule beating an allow cuts the flow; one finding per rule and requirement', () => {
  const rs = windowsSet([
    rule({ line: 1, proto: 'tcp', local: '5555' }),
    rule({ line: 2, proto: 'tcp', local: '5550-5559', action: 'block' }),
    rule({ line: 3, proto: 'tcp', local: '5000-6000', action: 'block', remote: '10.0.0.0/8' }),
  ]);
  const fs = anomalies([rs], { requirements: [host, req('host-udp', 'in', 'udp', '5555')] });
  assert.equal(ids(fs).filter((id) => id.startsWith('block-cuts')), ['block-cuts:f:2~host', 'block-cuts:f:3~host']);
});

test.run();
