import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProfileSettings } from '../../../src/model/rule.js';
import { rule, windowsSet } from '../../helpers/build.js';
import { anomalies, byId, ids, view } from './helpers.js';

test('an allow rule entirely covered by block rules is overridden (block beats allow), medium', () => {
  const fs = anomalies([windowsSet([rule({ line: 1, proto: 'tcp', local: '5555' }), rule({ line: 2, proto: 'tcp', local: '5550-5559', action: 'block' })])]);
  assert.equal(fs.map(view), ['overridden:f:1 medium [1,2] {"ruleId":"f:1","ruleName":"rule 1","by":["f:2"]}']);
  assert.is(byId(fs, 'overridden:f:1').code, 'ALLOW_OVERRIDDEN');
});

test('order is irrelevant: the union of blocks anywhere in the export overrides, citing each', () => {
  const fs = anomalies([
    windowsSet([
      rule({ line: 1, proto: 'tcp', local: '16-20', action: 'block' }),
      rule({ line: 2, proto: 'tcp', local: '10-20', remote: '10.0.0.0/8' }),
      rule({ line: 3, proto: 'tcp', local: '10-15', action: 'block' }),
    ]),
  ]);
  assert.equal(byId(fs, 'overridden:f:2').args, { ruleId: 'f:2', ruleName: 'rule 2', by: ['f:1', 'f:3'] });
});

test('a bypass rule is never overridden; an uncertain block never overrides; a partial block does not', () => {
  const bypass = windowsSet([rule({ line: 1, proto: 'tcp', local: '5555', action: 'bypass' }), rule({ line: 2, proto: 'tcp', local: '5555', action: 'block' })]);
  assert.equal(ids(anomalies([bypass])), []);
  const program = windowsSet([rule({ line: 1, proto: 'tcp', local: '5555' }), rule({ line: 2, proto: 'tcp', local: '5555', action: 'block', conditions: ['program C:\\x.exe'] })]);
  assert.equal(ids(anomalies([program])), []);
  const partial = windowsSet([rule({ line: 1, proto: 'tcp', local: '5555' }), rule({ line: 2, proto: 'tcp', local: '5555', action: 'block', remote: '10.0.0.0/8' })]);
  assert.equal(ids(anomalies([partial])), []);
});

test('an uncertain allow covered by blocks is overridden all the same', () => {
  const fs = anomalies([windowsSet([rule({ line: 1, proto: 'tcp', local: '5555', conditions: ['program C:\\k2.exe'] }), rule({ line: 2, proto: 'tcp', action: 'block' })])]);
  assert.equal(ids(fs), ['overridden:f:1']);
});

test('rules of other firewall profiles are out of scope', () => {
  const rs = windowsSet([rule({ line: 1, proto: 'tcp', local: '5555' }), rule({ line: 2, proto: 'tcp', local: '5555', action: 'block', profiles: ['private'] })]);
  assert.equal(ids(anomalies([rs])), []);
  assert.equal(ids(anomalies([rs], { fwProfile: 'private' })), ['overridden:f:1']);
  const allowElsewhere = windowsSet([rule({ line: 1, proto: 'tcp', local: '5555', profiles: ['public'] }), rule({ line: 2, proto: 'tcp', local: '5555', action: 'block' })]);
  assert.equal(ids(anomalies([allowElsewhere])), []);
});

test('a narrower allow covered by a broader one is redundant; of two duplicates only one is reported', () => {
  const fs = anomalies([windowsSet([rule({ line: 1, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }), rule({ line: 2, proto: 'tcp', local: '20-25' })])]);
  assert.equal(fs.map(view), ['redundant:f:1 low [1,2] {"ruleId":"f:1","ruleName":"rule 1","by":["f:2"]}']);
  const dup = windowsSet([rule({ line: 1, proto: 'tcp', local: '22' }), rule({ line: 2, proto: 'tcp', local: '22' })]);
  assert.equal(anomalies([dup]).map(view), ['redundant:f:2 low [2,1] {"ruleId":"f:2","ruleName":"rule 2","by":["f:1"]}']);
});

test('an allow covered by a bypass rule is redundant; block rules covered by blocks too; an overridden allow only once', () => {
  const bypass = windowsSet([rule({ line: 1, proto: 'tcp', local: '22' }), rule({ line: 2, proto: 'tcp', local: '22', action: 'bypass' })]);
  assert.equal(ids(anomalies([bypass])), ['redundant:f:1']);
  const blocks = windowsSet([rule({ line: 1, proto: 'tcp', local: '22', action: 'block' }), rule({ line: 2, proto: 'tcp', action: 'block' })]);
  assert.equal(ids(anomalies([blocks])), ['redundant:f:1']);
  const both = windowsSet([rule({ line: 1, proto: 'tcp', local: '22' }), rule({ line: 2, proto: 'tcp', local: '20-25' }), rule({ line: 3, proto: 'tcp', local: '22', action: 'block' })]);
  assert.equal(ids(anomalies([both])), ['overridden:f:1']);
});

test('an uncertain allow can be redundant but never makes another one redundant', () => {
  const rs = windowsSet([rule({ line: 1, proto: 'tcp', local: '22', conditions: ['service sshd'] }), rule({ line: 2, proto: 'tcp', local: '22', remote: '10.0.0.0/8' })]);
  assert.equal(ids(anomalies([rs])), []);
  const covered = windowsSet([rule({ line: 1, proto: 'tcp', local: '22', conditions: ['service sshd'] }), rule({ line: 2, proto: 'tcp', local: '22' })]);
  assert.equal(ids(anomalies([covered])), ['redundant:f:1']);
});

test('BlockInboundAlways ignores allow rules inbound; a profile that is OFF has no rule anomalies', () => {
  const always: ProfileSettings = { enabled: true, inbound: 'block-always', outbound: 'allow' };
  const rs = (p: ProfileSettings) => windowsSet([rule({ line: 1, proto: 'tcp', local: '22' }), rule({ line: 2, proto: 'tcp', local: '22', action: 'block' }), rule({ line: 3, proto: 'tcp', local: '22', action: 'block' })], { domain: p });
  assert.equal(ids(anomalies([rs(always)])), ['redundant:f:3']);
  assert.equal(ids(anomalies([rs({ enabled: false, inbound: 'block', outbound: 'allow' })])), []);
});

test('local rules do not count where the GPO does not merge them; disabled rules never count', () => {
  const settings: ProfileSettings = { enabled: true, inbound: 'block', outbound: 'allow', allowLocalPolicyMerge: false };
  const rs = windowsSet([rule({ line: 1, proto: 'tcp', local: '22', store: 'gpo' }), rule({ line: 2, proto: 'tcp', local: '22', action: 'block', store: 'local' })], { domain: settings });
  assert.equal(ids(anomalies([rs])), []);
  const disabled = windowsSet([rule({ line: 1, proto: 'tcp', local: '22' }), rule({ line: 2, proto: 'tcp', local: '22', action: 'block', enabled: false })]);
  assert.equal(ids(anomalies([disabled])), []);
});

test('directions are separate; first-match anomalies do not apply to Windows order', () => {
  const rs = windowsSet([rule({ line: 1, dir: 'out', proto: 'tcp', local: '443', action: 'block' }), rule({ line: 2, proto: 'tcp', local: '443' }), rule({ line: 3, proto: 'tcp', local: '400-500', action: 'block', remote: '10.0.0.0/8' })]);
  assert.equal(ids(anomalies([rs])), []);
});

test.run();
