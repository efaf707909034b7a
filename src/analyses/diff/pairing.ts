/**
 * @fileoverview Multiset pairing of rules across the two sides: equal keys pair up in list order, so duplicate
 * names (normal on Windows) pair deterministically and the surplus stays unpaired.
 */
import type { Rule } from '../../model/rule.js';
import type { MatchedBy } from './types.js';

/** A rule of one side with its position in that side's list (and, first-match, in its chain). */
export interface Item {
  readonly rule: Rule;
  readonly index: number;
  readonly position?: number;
}

export interface Pair {
  readonly before: Item;
  readonly after: Item;
  readonly matchedBy: MatchedBy;
}

export interface Pairing {
  readonly pairs: Pair[];
  readonly before: Item[];
  readonly after: Item[];
}

/**
 * Pairs items with equal keys (undefined keys never pair). Within a key, items pair in list order.
 * Returns the pairs and the unpaired items of each side, in list order.
 */
export function pairByKey(before: readonly Item[], after: readonly Item[], key: (r: Rule) => string | undefined, matchedBy: MatchedBy): Pairing {
  const waiting = new Map<string, Item[]>();
  for (const b of before) {
    const k = key(b.rule);
    if (k === undefined) continue;
    const list = waiting.get(k);
    if (list === undefined) waiting.set(k, [b]);
    else list.push(b);
  }
  const pairs: Pair[] = [];
  const usedBefore = new Set<Item>();
  const restAfter: Item[] = [];
  for (const a of after) {
    const k = key(a.rule);
    const b = k === undefined ? undefined : waiting.get(k)?.shift();
    if (b === undefined) {
      restAfter.push(a);
      continue;
    }
    usedBefore.add(b);
    pairs.push({ before: b, after: a, matchedBy });
  }
  return { pairs, before: before.filter((b) => !usedBefore.has(b)), after: restAfter };
}

/**
 * Pairs items with equal keys, choosing within each key the closest pairs first (fewest differing fields, then
 * list order), so two same-name rules that both changed pair with their own successors.
 */
export function pairClosest(before: readonly Item[], after: readonly Item[], key: (r: Rule) => string | undefined, distance: (a: Rule, b: Rule) => number, matchedBy: MatchedBy): Pairing {
  const groups = new Map<string, { b: Item[]; a: Item[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { b: [], a: [] }));
    return g;
  };
  for (const b of before) {
    const k = key(b.rule);
    if (k !== undefined) group(k).b.push(b);
  }
  for (const a of after) {
    const k = key(a.rule);
    if (k !== undefined && groups.has(k)) group(k).a.push(a);
  }
  const pairs: Pair[] = [];
  for (const g of groups.values()) {
    const candidates: { b: Item; a: Item; d: number }[] = [];
    for (const b of g.b) for (const a of g.a) candidates.push({ b, a, d: distance(b.rule, a.rule) });
    candidates.sort((x, y) => x.d - y.d || x.b.index - y.b.index || x.a.index - y.a.index);
    const used = new Set<Item>();
    for (const c of candidates) {
      if (used.has(c.b) || used.has(c.a)) continue;
      used.add(c.b);
      used.add(c.a);
      pairs.push({ before: c.b, after: c.a, matchedBy });
    }
  }
  const paired = new Set<Item>(pairs.flatMap((p) => [p.before, p.after]));
  return { pairs, before: before.filter((b) => !paired.has(b)), after: after.filter((a) => !paired.has(a)) };
}
