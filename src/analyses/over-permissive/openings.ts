/**
 * @fileoverview Turns the key segments each rule opens (collected by a fast path) into the analysis's result:
 * ports per protocol, rules in rule-set order.
 */
import type { Rule } from '../../model/rule.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { BoxSpace } from './boxes.js';
import { merge } from './occlusion-tree.js';
import type { RuleOpening } from './opened-types.js';

/** Key segments opened per rule (possibly unsorted and overlapping), and whether they are an upper bound. */
export type Openings = Map<Rule, { keys: number[]; upperBound: boolean }>;

/** The openings by rule id, in rule-set order. */
export function collectOpenings(unit: PolicyUnit, space: BoxSpace, opened: Openings): Map<string, RuleOpening> {
  const entries: RuleOpening[] = [];
  for (const [rule, o] of opened) {
    const entry = { rule, opened: space.decode(merge(o.keys)) };
    entries.push(o.upperBound ? { ...entry, upperBound: true } : entry);
  }
  entries.sort((a, b) => (unit.index.position.get(a.rule.id) ?? 0) - (unit.index.position.get(b.rule.id) ?? 0));
  return new Map(entries.map((e) => [e.rule.id, e]));
}
