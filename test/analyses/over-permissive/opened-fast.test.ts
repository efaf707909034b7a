/**
 * @fileoverview The fast paths of the over-permissive opening (occlusion tree, no port sweep) against the reference
 * sweep through the engine, on seeded random rule sets of both semantics: chains with jumps, gotos, RETURNs,
 * uncertain rules (conditions, symbolic and negated addresses, RPC keywords), ESTABLISHED-only and disabled rules,
 * every Windows default and profile switch. Where a fast path applies its answer must be the sweep's, exactly.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits, type PolicyUnit } from '../../../src/engine/units.js';
import { chainOpening } from '../../../src/analyses/over-permissive/opened-chains.js';
import { openingBySweep } from '../../../src/analyses/over-permissive/opened-sweep.js';
import { windowsOpening } from '../../../src/analyses/over-permissive/opened-windows.js';
import type { UnitOpening } from '../../../src/analyses/over-permissive/opened-types.js';
import { formatPorts } from '../../../src/model/port-set.js';
import type { Direction, FirewallProfile, Rule, RuleSet } from '../../../src/model/rule.js';
import { chainSet, rule } from '../../helpers/build.js';
import { randomChains, randomWindows } from '../../helpers/random-rule-sets.js';

const CTX = { fwProfile: 'domain' as FirewallProfile, settings: DEFAULT_MATCH_SETTINGS };
function unitOf(rs: RuleSet): PolicyUnit {
  const built = buildUnits([{ file: 'f', ruleSet: rs }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok || built.units[0] === undefined) throw new Error('no unit');
  return built.units[0];
}

function view(o: UnitOpening) {
  const rules = [...o.rules].map(([id, e]) => `${id}: ${[...e.opened].map(([p, s]) => `${formatPorts(s)}/${p}`).join(' ')}`);
  const dflt = o.byDefault === undefined ? 'none' : `${[...o.byDefault.opened].map(([p, s]) => `${formatPorts(s)}/${p}`).join(' ')} by ${o.byDefault.citations.map((c) => c.name).join('; ')}`;
  return { rules, dflt };
}

function compare(kind: string, seeds: number, make: (seed: number) => RuleSet, fast: typeof chainOpening): void {
  test(`${kind}: the fast path opens exactly what the sweep opens (${seeds} random rule sets)`, () => {
    let applied = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const unit = unitOf(make(seed));
      for (const direction of ['in', 'out'] as Direction[]) {
        const want = view(openingBySweep(unit, direction, CTX));
        for (const orientation of ['keys', 'atoms'] as const) {
          const got = fast(unit, direction, CTX, orientation);
          if (got === undefined) continue;
          applied++;
          assert.equal(view(got), want, `seed ${seed} ${direction} (tree over ${orientation})`);
        }
      }
    }
    // The generators are meant to exercise the fast path, not the fallback.
    assert.ok(applied > seeds, `fast path applied ${applied} times`);
  });
}

compare('first-match', 400, randomChains, chainOpening);
compare('Windows', 400, randomWindows, windowsOpening);

test('first-match: a second base chain with rules on the hook, or a jump loop, falls back to the sweep', () => {
  const twoHooks = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 1, proto: 'tcp', local: '22' })]],
    'mangle/INPUT': ['accept', [rule({ line: 2, action: 'block', proto: 'tcp', local: '22' })]],
  });
  assert.is(chainOpening(unitOf(twoHooks), 'in', CTX), undefined);
  const loop = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 1, action: 'jump', target: 'A' })]],
    'filter/A': [undefined, [rule({ line: 2, action: 'jump', target: 'A' })]],
  });
  assert.is(chainOpening(unitOf(loop), 'in', CTX), undefined);
});



test('first-match: a RETURN keeps its packets out of a later, wider DROP of the same chain (they are not decided there)', () => {
  // A returns 10.1.2.0/24 on port 22, then drops 10.1.2.0/24 on every port. Back in INPUT, the ACCEPT for port 22
  // still sees the returned packets; port 80 was dropped in A.
  const rs = chainSet({
    'filter/INPUT': ['drop', [rule({ line: 1, action: 'jump', target: 'A', proto: 'tcp' }), rule({ line: 2, proto: 'tcp', local: '22,80', remote: '10.1.2.0/24' })]],
    'filter/A': [undefined, [rule({ line: 3, action: 'return', proto: 'tcp', local: '22', remote: '10.1.2.0/24' }), rule({ line: 4, action: 'block', proto: 'tcp', remote: '10.1.2.0/24' })]],
  });
  const unit = unitOf(rs);
  for (const orientation of ['keys', 'atoms'] as const) {
    const fast = chainOpening(unit, 'in', CTX, orientation);
    assert.ok(fast !== undefined);
    assert.equal(view(fast), { rules: ['f:2: 22/6'], dflt: 'none' }, orientation);
    assert.equal(view(fast), view(openingBySweep(unit, 'in', CTX)));
  }
});
test.run();
