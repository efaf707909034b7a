/**
 * @fileoverview Windows precedence anomalies in one direction of the audited profile (order is irrelevant).
 * - Overridden: an allow rule (not bypass) whose box is covered by the union of certain block rules: block beats
 *   allow, so it never allows anything. Bypass rules are never overridden (they beat block).
 * - Redundant: an allow rule covered by the union of other certain allow and bypass rules, or a block rule covered
 *   by other certain block rules: removing it changes no decision. To avoid reporting two duplicates as each other's
 *   reason (removing both would change something), rules are visited broadest first and a rule only counts as
 *   covered by rules visited before it; uncertain rules are checked last and never cover. Every rule reported can
 *   then be removed together with all the others reported. An overridden allow is not also reported redundant.
 * With `BlockInboundAlways` allow rules are ignored inbound, so no allow verdicts are given there. A profile that is
 * OFF has no groups (see groups.ts): its rules decide nothing.
 */
import type { Geometry, Item } from './geometry.js';
import { Painter } from './painter.js';
import { minimalCover } from './region.js';

export interface WindowsVerdict {
  readonly item: Item;
  readonly kind: 'overridden' | 'redundant';
  readonly by: readonly Item[];
}

/** Verdicts for one direction; `allowsActive` false when allow rules are ignored (block-always). */
export function analyseWindows(geo: Geometry, allowsActive: boolean): WindowsVerdict[] {
  const { items } = geo;
  const out: WindowsVerdict[] = [];
  const overridden = new Set<Item>();
  const of = (action: string): Item[] => items.filter((it) => it.rule.action === action);
  if (allowsActive) {
    const blocks = Painter.forGeometry(geo, true);
    for (const it of of('block')) if (it.certain) blocks.paint(it.index, it);
    for (const it of of('allow')) {
      const by = coveredBy(blocks, it, items);
      if (by === undefined) continue;
      overridden.add(it);
      out.push({ item: it, kind: 'overridden', by });
    }
    redundant(geo, of('bypass'), of('allow'), overridden, out);
  }
  redundant(geo, [], of('block'), overridden, out);
  return out;
}

/** Visits `candidates` broadest first against a union seeded with `seed` (certain ones only); adds the verdicts. */
function redundant(geo: Geometry, seed: readonly Item[], candidates: readonly Item[], skip: ReadonlySet<Item>, out: WindowsVerdict[]): void {
  const union = Painter.forGeometry(geo, true);
  for (const it of seed) if (it.certain) union.paint(it.index, it);
  const certain = candidates.filter((it) => it.certain).sort((a, b) => b.size - a.size || a.index - b.index);
  const uncertain = candidates.filter((it) => !it.certain);
  for (const it of [...certain, ...uncertain]) {
    const by = coveredBy(union, it, geo.items);
    if (by === undefined) {
      if (it.certain) union.paint(it.index, it);
      continue;
    }
    if (!skip.has(it)) out.push({ item: it, kind: 'redundant', by });
  }
}

function coveredBy(union: Painter, it: Item, items: readonly Item[]): Item[] | undefined {
  const found = new Set<number>();
  if (union.owners(it, (o) => (found.add(o), true)) !== 'complete') return undefined;
  return minimalCover(it, [...found].sort((a, b) => a - b).map((i) => items[i] as Item));
}
