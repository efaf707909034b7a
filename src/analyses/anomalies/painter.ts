/**
 * @fileoverview First matchers by painting: the rules of a chain are painted from last to first, each paint winning
 * over earlier paints, so every (key, address) point ends up owned by the first rule that matches it, and during the
 * sweep by the first rule after the current one. A query lists the owners of a box's points and says whether every
 * point is painted. For first matchers owners must be painted in decreasing order (the smallest owner is taken as
 * the most recent paint); for a plain union (is every point painted?) any order works.
 *
 * A segment tree over one dimension; a paint puts pieces of the other dimension [lo, hi, owner] at the canonical nodes
 * of its intervals, clipping older pieces of the same node only. Pieces of different nodes on one root-to-leaf path
 * may overlap: the smallest owner wins. Each node records the smallest owner painted in its subtree, so a query only
 * descends where a more recent paint than the best one found so far may lie. No paint ever walks a subtree.
 * The two dimensions play symmetric roles; `forGeometry` puts the one with fewer wide intervals in the tree.
 */
import type { Flat } from './flat.js';
import type { Geometry, Shape } from './geometry.js';
import { NONE, PartBuffers, bestRange, improveInto, reportParts, type BestRange } from './parts.js';
import { addPieces, extractPieces } from './pieces.js';


/** How a query ended: every point painted and every visit returned true; a visit returned false or a point is not
 * painted; or the node budget ran out first. */
export type QueryOutcome = 'complete' | 'stopped' | 'exhausted';

export class Painter {
  private readonly own: (number[] | undefined)[];
  private readonly recent: Float64Array;
  private budget = 0;
  private readonly buffers = new PartBuffers();

  /**
   * `swap`: the tree runs over address atoms and pieces hold key segments. `union`: only whether points are painted
   * matters, so a query stops looking below a point as soon as it has any owner.
   */
  constructor(
    private readonly size: number,
    readonly swap = false,
    private readonly union = false,
  ) {
    this.own = new Array<number[] | undefined>(4 * Math.max(1, size)).fill(undefined);
    this.recent = new Float64Array(4 * Math.max(1, size)).fill(NONE);
  }

  /** A painter oriented so that few boxes span much of the tree dimension (a wide query may visit all of it). */
  static forGeometry(geo: Geometry, union = false): Painter {
    let keyCost = 0;
    let atomCost = 0;
    for (const it of geo.items) {
      keyCost += spread(it.keys, geo.segments, geo.items.length);
      atomCost += spread(it.atoms, geo.atoms, geo.items.length);
    }
    return atomCost < keyCost ? new Painter(geo.atoms, true, union) : new Painter(geo.segments, false, union);
  }

  /** Paints the box with `owner`, winning over every earlier paint. */
  paint(owner: number, box: Shape): void {
    const tree = this.swap ? box.atoms : box.keys;
    const other = this.swap ? box.keys : box.atoms;
    for (let i = 0; i < tree.length; i += 2) this.paintRec(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, other, owner);
  }

  /**
   * Calls `visit(owner)` with the owner of the points of the box, part by part (an owner may come more than once),
   * until it returns false, visiting at most `budget` tree nodes (a wide box over many small paints has many owners).
   */
  owners(box: Shape, visit: (owner: number) => boolean, budget = Number.POSITIVE_INFINITY): QueryOutcome {
    const tree = this.swap ? box.atoms : box.keys;
    const other = this.swap ? box.keys : box.atoms;
    const parts = new Float64Array((other.length / 2) * 3);
    for (let i = 0, w = 0; i < other.length; i += 2) {
      parts[w++] = other[i] as number;
      parts[w++] = other[i + 1] as number;
      parts[w++] = NONE;
    }
    const range = bestRange(parts, parts.length);
    this.budget = budget;
    for (let i = 0; i < tree.length; i += 2) {
      if (!this.query(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, parts, parts.length, range, 0, visit)) return this.budget < 0 ? 'exhausted' : 'stopped';
    }
    return 'complete';
  }

  private paintRec(v: number, nl: number, nr: number, ql: number, qr: number, other: Flat, owner: number): void {
    if (qr < nl || nr < ql) return;
    if (owner < (this.recent[v] as number)) this.recent[v] = owner;
    if (ql <= nl && nr <= qr) {
      const own = this.own[v];
      if (own !== undefined) extractPieces(own, other);
      this.own[v] = addPieces(own, other, owner);
      return;
    }
    const mid = (nl + nr) >> 1;
    this.paintRec(2 * v, nl, mid, ql, qr, other, owner);
    this.paintRec(2 * v + 1, mid + 1, nr, ql, qr, other, owner);
  }

  /** Node `v` at `depth` with the parts `parts[0, n)`: improves them by the node's pieces, then goes on below. */
  private query(v: number, nl: number, nr: number, ql: number, qr: number, parts: Float64Array, n: number, range: BestRange, depth: number, visit: (owner: number) => boolean): boolean {
    if (--this.budget < 0) return false;
    const own = this.own[v];
    let here = parts;
    let hn = n;
    let hr = range;
    if (own !== undefined && own.length > 0) {
      const out = this.buffers.improvedAt(depth, n + 2 * own.length);
      const m = improveInto(parts, n, own, out);
      if (m >= 0) {
        here = out;
        hn = m;
        hr = bestRange(out, m);
      }
    }
    if (nl === nr) return reportParts(here, hn, visit);
    const mid = (nl + nr) >> 1;
    if (ql <= mid && !this.child(2 * v, nl, mid, ql, qr, here, hn, hr, depth, visit)) return false;
    return qr <= mid || this.child(2 * v + 1, mid + 1, nr, ql, qr, here, hn, hr, depth, visit);
  }

  /**
   * Reports the parts no paint below can improve; descends with the others (in an open list of this depth). `range`
   * (smallest and largest best of the parts) decides the all-settled and none-settled cases without a pass.
   */
  private child(c: number, nl: number, nr: number, ql: number, qr: number, parts: Float64Array, n: number, range: BestRange, depth: number, visit: (owner: number) => boolean): boolean {
    const recent = this.recent[c] as number;
    const allSettle = this.union ? range.max !== NONE || recent >= NONE : range.max <= recent;
    if (allSettle) return reportParts(parts, n, visit);
    const noneSettle = this.union ? range.min === NONE && recent < NONE : range.min > recent;
    if (noneSettle) return this.query(c, nl, nr, ql, qr, parts, n, range, depth + 1, visit);
    const open = this.buffers.openAt(depth, n);
    let w = 0;
    let min = NONE;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k += 3) {
      const best = parts[k + 2] as number;
      if (this.settles(best, recent)) {
        if (best === NONE || !visit(best)) return false;
        continue;
      }
      open[w++] = parts[k] as number;
      open[w++] = parts[k + 1] as number;
      open[w++] = best;
      if (best < min) min = best;
      if (best > max) max = best;
    }
    return this.query(c, nl, nr, ql, qr, open, w, { min, max }, depth + 1, visit);
  }

  /** Whether nothing painted below (most recent paint `recent`) can change a part whose best owner is `best`. */
  private settles(best: number, recent: number): boolean {
    return recent >= best || (this.union && best !== NONE);
  }
}

/** Cost of an item's intervals in a tree over `size` coordinates: canonical nodes plus, for wide intervals, the
 * share of all items a query over them may have to visit. */
export function spread(flat: Flat, size: number, items: number): number {
  let cost = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const len = (flat[i + 1] as number) - (flat[i] as number) + 1;
    cost += 2 * Math.log2(size) + (len / size) * items;
  }
  return cost;
}
