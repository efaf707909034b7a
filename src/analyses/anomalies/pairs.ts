/**
 * @fileoverview Rule pairs in first-match chains: correlated (two rules with different actions partly overlap,
 * neither contains the other: their order decides the overlap) and generalization (a later rule with a different
 * action strictly contains an earlier one: the earlier rule is an exception to it). Only certain ACCEPT/DROP rules
 * that are not shadowed take part (an uncertain box's relations are unknown; a shadowed rule never matches), and not
 * a catch-all rule (any protocol, port, state and address, like the final `-j DROP`): it is the chain's default
 * policy written as a rule, and every rule before it would be reported as an exception to it.
 *
 * The number of such pairs can grow quadratically, so every pair is counted but only the first `maxPairs` of each
 * kind (chains in order, then by the later rule's position, then the earlier one's) are kept, with a bounded heap:
 * memory stays O(maxPairs). The rules of the rarer action query an R-tree of the other action's rules, each pair
 * found once; R-tree nodes whose rules all relate to the query alike (all inside it, all around it, all crossing it)
 * are counted in one step once none of their pairs can still be kept, so long runs of overlapping ranges are counted
 * without being enumerated.
 */
import type { Geometry, Item } from './geometry.js';
import { shapeContains } from './geometry.js';
import { PairHeap } from './pair-heap.js';
import { RectIndex, type Relation } from './rect-index.js';

export type PairKind = 'correlated' | 'generalization';

/** Collects pairs over all chains, keeping at most `maxPairs` of each kind. */
export class PairSink {
  /** Kept pairs per kind, [earlier, later], in order. */
  readonly kept: Record<PairKind, [Item, Item][]> = { correlated: [], generalization: [] };
  private readonly totals: Record<PairKind, number> = { correlated: 0, generalization: 0 };
  private heaps: Record<PairKind, PairHeap> | undefined;

  constructor(private readonly maxPairs: number) {}

  /** Starts a chain: its pairs come after those of every earlier chain. */
  begin(): void {
    this.heaps = {
      correlated: new PairHeap(this.maxPairs - this.kept.correlated.length),
      generalization: new PairHeap(this.maxPairs - this.kept.generalization.length),
    };
  }

  /**
   * Counts `n` pairs of a query rule with rules that all relate to it the same way, when none of them could be kept
   * (`minOrder` bounds their positions). Returns false when they must be added one by one.
   */
  addMany(q: Item, relation: Relation, n: number, minOrder: number): boolean {
    const kind: PairKind = relation === 'cross' ? 'correlated' : 'generalization';
    const heap = this.heaps?.[kind];
    if (heap === undefined || !heap.closedFrom(Math.max(q.index, minOrder))) return false;
    this.totals[kind] += n;
    return true;
  }

  /** One overlapping pair with different actions (either order). */
  add(a: Item, b: Item): void {
    const earlier = a.index < b.index ? a : b;
    const later = earlier === a ? b : a;
    const kind: PairKind = shapeContains(later, earlier) ? 'generalization' : 'correlated';
    this.totals[kind]++;
    this.heaps?.[kind].offer(earlier, later);
  }

  /** Ends a chain: its smallest pairs join the kept ones. */
  end(): void {
    if (this.heaps === undefined) return;
    for (const kind of ['correlated', 'generalization'] as const) this.kept[kind].push(...this.heaps[kind].sorted());
    this.heaps = undefined;
  }

  counts(kind: PairKind): { total: number; shown: number } {
    return { total: this.totals[kind], shown: this.kept[kind].length };
  }
}

/** Enumerates the different-action overlapping pairs of one chain into the sink. */
export function collectPairs(geo: Geometry, shadowed: readonly boolean[], swap: boolean, sink: PairSink): void {
  const eligible = geo.items.filter((it) => it.certain && !it.universal && (it.cls === 'allow' || it.cls === 'block') && shadowed[it.index] !== true);
  const allows = eligible.filter((it) => it.cls === 'allow');
  const blocks = eligible.filter((it) => it.cls === 'block');
  if (allows.length === 0 || blocks.length === 0) return;
  const [queries, indexed] = allows.length <= blocks.length ? [allows, blocks] : [blocks, allows];
  const index = new RectIndex(indexed, swap);
  sink.begin();
  for (const q of queries) {
    index.forEachOrCount(
      q,
      (p) => sink.add(q, indexed[p] as Item),
      (relation, n, minOrder) => sink.addMany(q, relation, n, minOrder),
    );
  }
  sink.end();
}
