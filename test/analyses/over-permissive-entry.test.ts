import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { overPermissiveFindings } from '../../src/analyses/over-permissive.js';
import { DEFAULT_MATCH_SETTINGS } from '../../src/engine/rule-match.js';
import { buildUnits } from '../../src/engine/units.js';
import type { RuleSet } from '../../src/model/rule.js';
import { chainSet, req, reqSet, rule } from '../helpers/build.js';

function traits(rs: RuleSet): string[] {
  const built = buildUnits([{ file: 'f', ruleSet: rs }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  const reqs = reqSet([req('web', 'in', 'tcp', '443')]);
  return overPermissiveFindings(built.units, reqs, { fwProfile: 'domain', settings: DEFAULT_MATCH_SETTINGS }).flatMap((f) =>
    f.code === 'RULE_OVER_PERMISSIVE' ? [`${f.args.ruleId}: ${f.args.traits.join(',')}`] : [],
  );
}

test('an accept-all in a chain reached only through "-p tcp --dport 22 -j admin" is not any-protocol or any-port', () => {
  const narrow = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, proto: 'tcp', local: '22', action: 'jump', target: 'admin' })]],
    'filter/admin': [undefined, [rule({ line: 9, remote: '192.168.1.0/24' })]],
  });
  assert.equal(traits(narrow), ['f:9: not-required']);
});

test('the same accept-all reached through an unrestricted jump is any-port and any-protocol', () => {
  const open = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 5, action: 'jump', target: 'admin' })]],
    'filter/admin': [undefined, [rule({ line: 9, remote: '192.168.1.0/24' })]],
  });
  assert.equal(traits(open), ['f:9: any-port,any-protocol,wide-range']);
});

test.run();
