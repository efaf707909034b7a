/**
 * @fileoverview Turns the key segments each rule opens (collected by a fast path) into the analysis's result:
 * ports per protocol, rules in rule-set order.
 */
import type { Rule } from '../../model/rule.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { Flat } from '../anomalies/flat.js';
import type { BoxSpace } from './boxes.js';
import type { RuleOpening } from './opened-types.js';

/** Key segments opened per rule (possibly unsorted and overlapping), and whether they are an upper bound. */
export type Openings = Map<Rule, { keys: number[]; upperBound: boolean }>;

/** The openings by rule id, in rule-set order. */
export function collectOpenings(unit: PolicyUnit, space: BoxSpace, opened: Openings): Map<string, RuleOpening> {
  const entries = [...opened].map(([rule, o]): RuleOpening => ({ rule, opened: space.decode(normalize(o.keys)), ...(o.upperBound ? { upperBound: true as const } : {}) }));
  entries.sort((a, b) => (unit.index.position.get(a.rule.id) ?? 0) - (unit.index.position.get(b.rule.id) ?? 0));
  return new Map(entries.map((e) => [e.rule.id, e]));
}

/** Sorts and merges flat pairs. */
function normalize(keys: readonly number[]): Flat {
  const pairs: [number, number][] = [];
  for (let i = 0; i < keys.length; i += 2) pairs.push([keys[i] as number, keys[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= (out[n - 1] as number) + 1) out[n - 1] = Math.max(out[n - 1] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}
