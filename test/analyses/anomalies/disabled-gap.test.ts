import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chainSet, req, rule, windowsSet } from '../../helpers/build.js';
import { anomalies, byId, ids, view } from './helpers.js';
import { allowCanClose } from '../../../src/analyses/anomalies/disabled-gap.js';
import { evaluateRequirement } from '../../../src/analyses/gaps.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits } from '../../../src/engine/units.js';
import type { Direction, FirewallProfile } from '../../../src/model/rule.js';
import { prng } from './random-shapes.js';
import { pick, randomWindows } from '../../helpers/random-rule-sets.js';

const cfg = req('cfg', 'in', 'tcp', '5560');

test('Windows: a disabled allow rule of the audited profile that would open the blocked port', () => {
  const rs = windowsSet([rule({ line: 1, proto: 'tcp', local: '5555' }), rule({ line: 2, proto: 'tcp', local: '5560', enabled: false })]);
  const fs = anomalies([rs], { requirements: [cfg] });
  const f = byId(fs, 'disabled-would-close:f:2~cfg');
  assert.equal(view(f), 'disabled-would-close:f:2~cfg medium [2] ports=5560 {"ruleId":"f:2","ruleName":"rule 2","requirementId":"cfg","component":"cfg"}');
  assert.is(f.code, 'DISABLED_RULE_WOULD_CLOSE_GAP');
  assert.is(f.direction, 'in');
});

test('not reported: other profile, disabled block, only part of the gap, a conditional rule, a block still winning', () => {
  const cases = [
    rule({ line: 2, proto: 'tcp', local: '5560', enabled: false, profiles: ['public'] }),
    rule({ line: 2, proto: 'tcp', local: '5560', enabled: false, action: 'block' }),
    rule({ line: 2, proto: 'tcp', local: '5560', enabled: false, remote: '10.0.0.0/8' }),
    rule({ line: 2, proto: 'tcp', local: '5560', enabled: false, conditions: ['program C:\\k2.exe'] }),
  ];
  for (const c of cases) assert.equal(ids(anomalies([windowsSet([c])], { requirements: [cfg] })).filter((id) => id.startsWith('disabled')), [], c.name);
  const blocked = windowsSet([rule({ line: 1, proto: 'tcp', local: '5560', action: 'block' }), rule({ line: 2, proto: 'tcp', local: '5560', enabled: false })]);
  assert.equal(ids(anomalies([blocked], { requirements: [cfg] })).filter((id) => id.startsWith('disabled')), []);
});

test('several disabled rules: each one that alone closes the gap is reported', () => {
  const rs = windowsSet([rule({ line: 1, proto: 'tcp', local: '5560', enabled: false }), rule({ line: 2, proto: 'tcp', local: '5000-6000', enabled: false }), rule({ line: 3, proto: 'tcp', local: '80', enabled: false })]);
  assert.equal(ids(anomalies([rs], { requirements: [cfg] })), ['disabled-would-close:f:1~cfg', 'disabled-would-close:f:2~cfg']);
});

test('first-match: enabling a rule placed after the DROP does not help, placed before it does', () => {
  const after = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '5560', action: 'block' }), rule({ line: 6, proto: 'tcp', local: '5560', enabled: false })]] });
  assert.equal(ids(anomalies([after], { requirements: [cfg] })).filter((id) => id.startsWith('disabled')), []);
  const before = chainSet({ 'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '5560', enabled: false }), rule({ line: 6, proto: 'tcp', local: '22' })]] });
  assert.equal(ids(anomalies([before], { requirements: [cfg] })), ['disabled-would-close:f:5~cfg']);
});

test('the Windows shortcut is sound: an allow rule it rules out never makes the requirement allowed when enabled (600 random sets)', () => {
  const ctx = { fwProfile: 'domain' as FirewallProfile, settings: DEFAULT_MATCH_SETTINGS };
  let ruledOut = 0;
  for (let seed = 1; seed <= 600; seed++) {
    const rs = randomWindows(seed);
    const r = prng(seed * 31);
    const dir = pick(r, ['in', 'out'] as Direction[]);
    const requirement = req(`r${seed}`, dir, pick(r, ['tcp', 'udp'] as const), pick(r, ['22', '80', '85', '80-90', '443', '49152-65535']), pick(r, ['any', '10.1.2.0/24', '192.168.1.1']));
    const built = buildUnits([{ file: 'f', ruleSet: rs }], ctx.settings);
    if (!built.ok || built.units[0] === undefined) throw new Error('no unit');
    const unit = built.units[0];
    const res = evaluateRequirement(requirement, [unit], ctx);
    if (res.status === 'allowed' || res.status === 'unknown' || allowCanClose(unit, res, ctx)) continue;
    rs.rules.forEach((candidate, i) => {
      if (candidate.action !== 'allow') return;
      const rules = rs.rules.map((x, j) => (j === i ? { ...x, enabled: true } : x));
      const enabled = buildUnits([{ file: 'f', ruleSet: { ...rs, rules } }], ctx.settings);
      if (!enabled.ok) throw new Error(enabled.error);
      const after = evaluateRequirement({ ...requirement, ports: res.missing }, enabled.units, ctx);
      assert.is.not(after.status, 'allowed', `seed ${seed}: enabling ${candidate.id} closes the gap`);
      ruledOut++;
    });
  }
  assert.ok(ruledOut > 100, `ruled out ${ruledOut}`);
});

test.run();
