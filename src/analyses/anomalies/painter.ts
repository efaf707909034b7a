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
import { addPieces, extractPieces, firstPiece } from './pieces.js';

/** Parts of a query: [lo, hi, best owner so far] triples; NONE = not painted. */
const NONE = Number.POSITIVE_INFINITY;

/** How a query ended: every point painted and every visit returned true; a visit returned false or a point is not
 * painted; or the node budget ran out first. */
export type QueryOutcome = 'complete' | 'stopped' | 'exhausted';

export class Painter {
  private readonly own: (number[] | undefined)[];
  private readonly recent: Float64Array;
  private budget = 0;

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
    const parts: number[] = [];
    for (let i = 0; i < other.length; i += 2) parts.push(other[i] as number, other[i + 1] as number, NONE);
    this.budget = budget;
    for (let i = 0; i < tree.length; i += 2) {
      if (!this.query(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, parts, visit)) return this.budget < 0 ? 'exhausted' : 'stopped';
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

  private query(v: number, nl: number, nr: number, ql: number, qr: number, parts: readonly number[], visit: (owner: number) => boolean): boolean {
    if (--this.budget < 0) return false;
    const own = this.own[v];
    const here = own === undefined ? parts : improve(parts, own);
    if (nl === nr) return report(here, visit);
    const mid = (nl + nr) >> 1;
    if (ql <= mid && !this.child(2 * v, nl, mid, ql, qr, here, visit)) return false;
    return qr <= mid || this.child(2 * v + 1, mid + 1, nr, ql, qr, here, visit);
  }

  /** Reports the parts no paint below can improve; descends with the others. */
  private child(c: number, nl: number, nr: number, ql: number, qr: number, parts: readonly number[], visit: (owner: number) => boolean): boolean {
    const recent = this.recent[c] as number;
    let settledCount = 0;
    for (let k = 2; k < parts.length; k += 3) if (this.settles(parts[k] as number, recent)) settledCount++;
    if (settledCount === parts.length / 3) return report(parts, visit);
    if (settledCount === 0) return this.query(c, nl, nr, ql, qr, parts, visit);
    const settled: number[] = [];
    const open: number[] = [];
    for (let k = 0; k < parts.length; k += 3) {
      const best = parts[k + 2] as number;
      (this.settles(best, recent) ? settled : open).push(parts[k] as number, parts[k + 1] as number, best);
    }
    return report(settled, visit) && this.query(c, nl, nr, ql, qr, open, visit);
  }

  /** Whether nothing painted below (most recent paint `recent`) can change a part whose best owner is `best`. */
  private settles(best: number, recent: number): boolean {
    return recent >= best || (this.union && best !== NONE);
  }
}

/** Splits the parts where a piece of the node has a smaller owner than the part's best. */
function improve(parts: readonly number[], own: readonly number[]): readonly number[] {
  let out: number[] | undefined;
  for (let k = 0; k < parts.length; k += 3) {
    const lo = parts[k] as number;
    const hi = parts[k + 1] as number;
    const best = parts[k + 2] as number;
    let cur = lo;
    for (let j = firstPiece(own, lo); j < own.length && (own[j] as number) <= hi; j += 3) {
      const owner = own[j + 2] as number;
      if (owner >= best) continue;
      out ??= parts.slice(0, k);
      const plo = Math.max(lo, own[j] as number);
      if (plo > cur) out.push(cur, plo - 1, best);
      const phi = Math.min(hi, own[j + 1] as number);
      out.push(plo, phi, owner);
      cur = phi + 1;
    }
    if (out !== undefined && cur <= hi) out.push(cur, hi, best);
  }
  return out ?? parts;
}

function report(parts: readonly number[], visit: (owner: number) => boolean): boolean {
  for (let k = 2; k < parts.length; k += 3) {
    const best = parts[k] as number;
    if (best === NONE || !visit(best)) return false;
  }
  return true;
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
