/**
 * @fileoverview Rule matching where order does not matter (Windows precedence): by vendor id when both exports
 * carry one, then by name, direction and content, then by name and direction (changed), then by content alone
 * (renamed). Reordering or reformatting an export therefore pairs every rule with itself.
 */
import type { Rule } from '../../model/rule.js';
import { changedFields, fingerprint, stableName } from './rule-fields.js';
import { pairByKey, pairClosest, type Item, type Pair } from './pairing.js';

export interface Matching {
  readonly pairs: readonly Pair[];
  readonly removed: readonly Item[];
  readonly added: readonly Item[];
  readonly moved: readonly Pair[];
}

const distance = (a: Rule, b: Rule): number => changedFields(a, b).length;

/** Matches two unordered rule lists. */
export function matchUnordered(before: readonly Rule[], after: readonly Rule[]): Matching {
  const b0: Item[] = before.map((rule, index) => ({ rule, index }));
  const a0: Item[] = after.map((rule, index) => ({ rule, index }));
  const byVendor = pairClosest(b0, a0, (r) => r.source.vendorId, distance, 'vendor-id');
  const exact = pairByKey(byVendor.before, byVendor.after, (r) => `${r.direction}\u0000${r.name}\u0000${fingerprint(r)}`, 'name');
  const byName = pairClosest(exact.before, exact.after, nameKey, distance, 'name');
  const byContent = pairByKey(byName.before, byName.after, fingerprint, 'content');
  return {
    pairs: [...byVendor.pairs, ...exact.pairs, ...byName.pairs, ...byContent.pairs],
    removed: byContent.before,
    added: byContent.after,
    moved: [],
  };
}

function nameKey(r: Rule): string | undefined {
  const name = stableName(r);
  return name === undefined ? undefined : `${r.direction}\u0000${name}`;
}
