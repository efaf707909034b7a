/**
 * @fileoverview Rule-level changes between the policy units of two sides: Windows units match unordered,
 * first-match units chain by chain; units pair by semantics and address families.
 */
import type { PolicyUnit } from '../../engine/units.js';
import type { RuleSet } from '../../model/rule.js';
import { compareRefs } from '../../model/source-ref.js';
import { matchChains } from './match-chains.js';
import { matchUnordered, type Matching } from './match-windows.js';
import type { Item, Pair } from './pairing.js';
import { changedFields, ruleRef } from './rule-fields.js';
import type { ChangedRule, MovedRule, RuleChanges, RuleRef } from './types.js';

export interface RuleDiff {
  readonly changes: RuleChanges;
  /** After-side rule id → the before-side rule it continues (unchanged, moved or changed). */
  readonly continues: ReadonlyMap<string, string>;
  /** Before-side rule ids that were removed or changed. */
  readonly goneBefore: ReadonlySet<string>;
  /** After-side rule ids that were added or changed. */
  readonly newAfter: ReadonlySet<string>;
}

/** The key two sides' units pair by: `windows`, or the families of a first-match unit. */
export function unitKey(u: PolicyUnit): string {
  return u.ruleSet.semantics === 'windows' ? 'windows' : `first-match:${u.ruleSet.families.join('+')}`;
}

/** Compares the rules of two sides. */
export function diffRules(before: readonly PolicyUnit[], after: readonly PolicyUnit[]): RuleDiff {
  const keys = [...new Set([...before.map(unitKey), ...after.map(unitKey)])];
  const matchings = keys.map((k) => matchUnits(before.find((u) => unitKey(u) === k)?.ruleSet, after.find((u) => unitKey(u) === k)?.ruleSet));
  const pairs = matchings.flatMap((m) => m.pairs);
  const changed: { item: Item; change: ChangedRule }[] = [];
  const continues = new Map<string, string>();
  const goneBefore = new Set<string>();
  const newAfter = new Set<string>();
  let unchanged = 0;
  for (const p of [...pairs, ...matchings.flatMap((m) => m.moved)]) continues.set(p.after.rule.id, p.before.rule.id);
  for (const p of pairs) {
    const fields = changedFields(p.before.rule, p.after.rule);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    goneBefore.add(p.before.rule.id);
    newAfter.add(p.after.rule.id);
    changed.push({ item: p.after, change: { before: refOf(p.before), after: refOf(p.after), name: p.after.rule.name, matchedBy: p.matchedBy, fields } });
  }
  const removed = matchings.flatMap((m) => m.removed).sort(byRef);
  const added = matchings.flatMap((m) => m.added).sort(byRef);
  for (const r of removed) goneBefore.add(r.rule.id);
  for (const a of added) newAfter.add(a.rule.id);
  const moved: MovedRule[] = matchings
    .flatMap((m) => m.moved)
    .sort((x, y) => byRef(x.after, y.after))
    .map((p: Pair) => ({ before: refOf(p.before), after: refOf(p.after), chain: p.after.rule.chain ?? '' }));
  return {
    changes: { added: added.map(refOf), removed: removed.map(refOf), changed: changed.sort((x, y) => byRef(x.item, y.item)).map((c) => c.change), moved, unchanged },
    continues,
    goneBefore,
    newAfter,
  };
}

function matchUnits(before: RuleSet | undefined, after: RuleSet | undefined): Matching {
  const b = before ?? after;
  if (b === undefined) return { pairs: [], moved: [], removed: [], added: [] };
  const emptyLike: RuleSet = { ...b, rules: [], chains: [] };
  const x = before ?? emptyLike;
  const y = after ?? emptyLike;
  if (x.semantics === 'first-match' && y.semantics === 'first-match') return matchChains(x, y);
  return matchUnordered(x.rules, y.rules);
}

function refOf(it: Item): RuleRef {
  return ruleRef(it.rule, it.position);
}

function byRef(a: Item, b: Item): number {
  return compareRefs(a.rule.source, b.rule.source) || a.index - b.index;
}
