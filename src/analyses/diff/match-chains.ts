/**
 * @fileoverview Rule matching where order matters (first-match chains): per chain, the longest common
 * subsequence of rule identities (align.ts: the `diff` package's array diff) pairs the rules that kept their relative
 * order; a rule found on both sides outside it has moved; the rest pairs by stable name, then by place (a rule
 * replaced in situ is a changed rule), and whatever is left was added or removed.
 */
import type { Chain, Rule, RuleSet } from '../../model/rule.js';
import { commonSubsequence } from './align.js';
import { changedFields, identity, stableName } from './rule-fields.js';
import { pairByKey, pairClosest, type Item, type Pair } from './pairing.js';
import type { Matching } from './match-windows.js';

interface Hunk {
  readonly removed: Item[];
  readonly added: Item[];
}

/** Matches the chains of two first-match rule sets. */
export function matchChains(before: RuleSet, after: RuleSet): Matching {
  const b = sequences(before);
  const a = sequences(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const pairs: Pair[] = [];
  const moved: Pair[] = [];
  const removed: Item[] = [];
  const added: Item[] = [];
  for (const key of keys) {
    const m = matchSequence(b.get(key) ?? [], a.get(key) ?? []);
    pairs.push(...m.pairs);
    moved.push(...m.moved);
    removed.push(...m.removed);
    added.push(...m.added);
  }
  return { pairs, moved, removed, added };
}

/** Each chain's rules in evaluation order (rules outside every chain form the sequence of key ''). */
function sequences(rs: RuleSet): Map<string, Item[]> {
  const byId = new Map(rs.rules.map((r, i) => [r.id, { rule: r, index: i }]));
  const out = new Map<string, Item[]>();
  const placed = new Set<string>();
  for (const c of rs.chains ?? []) out.set(c.key, chainItems(c, byId, placed));
  const loose = rs.rules.flatMap((rule, index) => (placed.has(rule.id) ? [] : [{ rule, index }]));
  if (loose.length > 0) out.set('', loose.map((it, i) => ({ ...it, position: i + 1 })));
  return out;
}

function chainItems(c: Chain, byId: ReadonlyMap<string, { rule: Rule; index: number }>, placed: Set<string>): Item[] {
  const items: Item[] = [];
  for (const id of c.ruleIds) {
    const found = byId.get(id);
    if (found === undefined) continue;
    placed.add(id);
    items.push({ ...found, position: items.length + 1 });
  }
  return items;
}

function matchSequence(before: readonly Item[], after: readonly Item[]): Matching {
  const common = commonSubsequence(before.map((it) => identity(it.rule)), after.map((it) => identity(it.rule)));
  const pairs: Pair[] = [];
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [ci, cj] of [...common, [before.length, after.length] as const]) {
    if (ci > i || cj > j) hunks.push({ removed: before.slice(i, ci), added: after.slice(j, cj) });
    if (ci < before.length) pairs.push({ before: before[ci] as Item, after: after[cj] as Item, matchedBy: 'content' });
    i = ci + 1;
    j = cj + 1;
  }
  const moves = pairByKey(hunks.flatMap((h) => h.removed), hunks.flatMap((h) => h.added), identity, 'content');
  const byName = pairClosest(moves.before, moves.after, nameKey, (x, y) => changedFields(x, y).length, 'name');
  const inSitu = pairInSitu(hunks, new Set([...byName.before, ...byName.after]));
  const paired = new Set(inSitu.flatMap((p) => [p.before, p.after]));
  return {
    pairs: [...pairs, ...byName.pairs, ...inSitu],
    moved: moves.pairs,
    removed: byName.before.filter((it) => !paired.has(it)),
    added: byName.after.filter((it) => !paired.has(it)),
  };
}

/** Within one hunk, the k-th still unpaired removed rule and the k-th added one of the same direction replace each other. */
function pairInSitu(hunks: readonly Hunk[], open: ReadonlySet<Item>): Pair[] {
  const out: Pair[] = [];
  for (const h of hunks) {
    const added = h.added.filter((it) => open.has(it));
    for (const r of h.removed.filter((it) => open.has(it))) {
      const k = added.findIndex((a) => a.rule.direction === r.rule.direction);
      if (k < 0) continue;
      out.push({ before: r, after: added[k] as Item, matchedBy: 'position' });
      added.splice(k, 1);
    }
  }
  return out;
}

function nameKey(r: Rule): string | undefined {
  const name = stableName(r);
  return name === undefined ? undefined : `${r.direction}\u0000${name}`;
}
