/**
 * @fileoverview The groups anomalies are computed in: first-match = one chain in one direction (rules in chain
 * order); Windows = one direction of the audited firewall profile (order irrelevant). Only rules that can match a
 * new connection from another host take part: disabled, ESTABLISHED-only and loopback-only rules are left out, and on
 * Windows so are rules of other profiles and local rules that the GPO does not merge.
 */
import type { Chain, Direction, FirewallProfile, Rule } from '../../model/rule.js';
import type { MatchSettings } from '../../engine/rule-match.js';
import type { PolicyUnit } from '../../engine/units.js';
import { matchesNewConnections, rawBox, stateAtoms, type RawBox } from './box.js';
import { compress, type Geometry } from './geometry.js';

export interface Group {
  readonly unit: PolicyUnit;
  readonly direction: Direction;
  /** First-match: the chain. */
  readonly chain?: Chain;
  readonly rules: readonly Rule[];
}

const DIRECTIONS: readonly Direction[] = ['in', 'out'];

/** One group per chain and direction with at least one analysable rule. */
export function chainGroups(unit: PolicyUnit): Group[] {
  const out: Group[] = [];
  for (const chain of unit.ruleSet.chains ?? []) {
    for (const direction of DIRECTIONS) {
      const rules: Rule[] = [];
      for (const id of chain.ruleIds) {
        const p = unit.index.position.get(id);
        const rule = p === undefined ? undefined : unit.index.rule(p);
        if (rule !== undefined && rule.direction === direction && matchesNewConnections(rule)) rules.push(rule);
      }
      if (rules.length > 0) out.push({ unit, direction, chain, rules });
    }
  }
  return out;
}

/** One group per direction: the active allow, block and bypass rules of the audited profile. */
export function windowsGroups(unit: PolicyUnit, fwProfile: FirewallProfile): Group[] {
  const settings = unit.ruleSet.profiles?.[fwProfile];
  if (settings?.enabled === false) return [];
  const ignoreLocal = settings?.allowLocalPolicyMerge === false;
  return DIRECTIONS.map((direction) => ({
    unit,
    direction,
    rules: unit.ruleSet.rules.filter(
      (r) =>
        r.direction === direction &&
        matchesNewConnections(r) &&
        r.profiles.includes(fwProfile) &&
        !(ignoreLocal && r.store === 'local') &&
        (r.action === 'allow' || r.action === 'block' || r.action === 'bypass'),
    ),
  })).filter((g) => g.rules.length > 0);
}

/** The group's boxes in compressed coordinates. */
export function geometryOf(group: Group, settings: MatchSettings): Geometry {
  const atomsOf = stateAtoms(group.rules);
  const boxes: RawBox[] = [];
  for (const rule of group.rules) {
    const b = rawBox(rule, group.unit.universe, settings, atomsOf(rule));
    if (b !== undefined) boxes.push(b);
  }
  return compress(boxes);
}
