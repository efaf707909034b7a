/**
 * @fileoverview What each allow rule opens under Windows precedence, without sweeping ports. Order never matters:
 * with a blocking default, an allow rule opens the key segments where part of its box is not certainly blocked (an
 * occlusion tree of the certain block boxes answers that), and a bypass rule opens its whole box. With an allowing
 * default, allow rules add nothing where every block is certain, and inbound the default opens whatever the blocks
 * do not cover. BlockInboundAlways ignores allow and bypass rules; a profile that is OFF is FIREWALL_OFF's finding.
 *
 * Same answers as the sweep (opened-sweep.ts). An allowing default with an uncertain block or a bypass rule is
 * swept, but only where the rules can add anything (see undecidedByBlocks).
 */
import type { AddressSet } from '../../model/address-set.js';
import { IntervalSet } from '../../model/interval-set.js';
import { PORT_DOMAIN } from '../../model/port-set.js';
import type { Direction, Rule } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import { decideWindows, windowsDefault } from '../../engine/windows.js';
import type { Citation } from '../../findings/result.js';
import { equals } from '../anomalies/flat.js';
import { BoxSpace, decidesNew, type Orientation } from './boxes.js';
import { collectOpenings, type Openings } from './openings.js';
import { openingBySweep, type SweepLimit } from './opened-sweep.js';
import type { DefaultOpening, UnitOpening } from './opened-types.js';

/** Tree nodes one rule's query may visit (see opened-chains.ts). */
const QUERY_BUDGET = 512;

const NOTHING: UnitOpening = { rules: new Map(), byDefault: undefined };

/** The opening of every allow rule of one direction, or undefined when the rule set needs the sweep. */
export function windowsOpening(unit: PolicyUnit, direction: Direction, ctx: EvalContext, orientation: Orientation = 'auto'): UnitOpening | undefined {
  const profile = unit.ruleSet.profiles?.[ctx.fwProfile];
  if (profile?.enabled === false) return NOTHING;
  const dflt = windowsDefault(profile, direction);
  if (dflt === 'block-always') return NOTHING;
  const ignoreLocal = profile?.allowLocalPolicyMerge === false;
  const rules = unit.ruleSet.rules.filter(
    (r) => decidesNew(r, direction, ctx.fwProfile) && !(ignoreLocal && r.store === 'local') && (r.action === 'allow' || r.action === 'block' || r.action === 'bypass'),
  );
  const space = new BoxSpace(rules, unit.universe, ctx.settings);
  const blocks = rules.filter((r) => r.action === 'block').flatMap((r) => space.boxesOf(r));
  const tree = space.tree(orientation);
  if (dflt === 'allow') {
    const bypass = rules.some((r) => r.action === 'bypass');
    if (bypass || blocks.some((b) => !equals(b.low, b.high))) return openingBySweep(unit, direction, ctx, undecidedByBlocks(unit.universe, bypass));
    for (const b of blocks) tree.insert(b.keys, b.low);
    const open = direction === 'in' ? tree.uncovered(space.allKeys, space.universe).keys : [];
    return { rules: new Map(), byDefault: open.length === 0 ? undefined : defaultOpening(unit, space.decode(open), ctx) };
  }
  for (const b of blocks) tree.insert(b.keys, b.low);
  const opened: Openings = new Map();
  for (const rule of rules) {
    if (rule.action === 'block') continue;
    const keys: number[] = [];
    let upperBound = false;
    for (const b of space.boxesOf(rule)) {
      if (rule.action === 'bypass') keys.push(...b.keys);
      else {
        const found = tree.uncovered(b.keys, b.high, QUERY_BUDGET);
        keys.push(...found.keys);
        upperBound ||= found.exhausted;
      }
    }
    if (keys.length > 0) opened.set(rule, { keys, upperBound });
  }
  return { rules: collectOpenings(unit, space, opened), byDefault: undefined };
}

/**
 * Where allow and bypass rules can change anything under an allowing default. With B the blocks covering a port
 * (`low`: certainly blocked, `high`: maybe), the baseline decides low = U − B.high, high = U − B.low; an allow
 * rule adds its addresses in B.high − B.low (the blocks' uncertain part), a bypass rule in B.high. So only the ports
 * where the baseline is uncertain, or (with bypass rules) blocks anything, need the sweep of the whole unit.
 */
function undecidedByBlocks(universe: AddressSet, bypass: boolean): SweepLimit {
  return (base) => {
    const pairs: [number, number][] = [];
    for (const { lo, hi, decision } of base) {
      if (!decision.low.equals(decision.high) || (bypass && !decision.low.equals(universe))) pairs.push([lo, hi]);
    }
    return IntervalSet.of(PORT_DOMAIN, pairs);
  };
}

/** The default's citation, as the engine words it for this profile. */
function defaultOpening(unit: PolicyUnit, opened: DefaultOpening['opened'], ctx: EvalContext): DefaultOpening {
  const [protocol, ports] = [...opened][0] ?? [6, undefined];
  const probe = { direction: 'in' as const, protocol, port: ports?.first() ?? 0, universe: unit.universe, fwProfile: ctx.fwProfile };
  const d = decideWindows(unit.ruleSet, [] as Rule[], probe, ctx.settings, { file: unit.file });
  const citations: Citation[] = d.allowedBy.filter((c) => c.citation.kind === 'default-policy').map((c) => c.citation);
  return { opened, citations };
}
