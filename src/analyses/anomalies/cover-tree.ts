/**
 * @fileoverview The union of inserted boxes, for "is this box covered?" without comparing rules pairwise.
 * A segment tree over one dimension; a box is stored at the O(log n) canonical nodes of each of its intervals, as
 * pieces of the other dimension tagged with the owning item. A piece is only stored where no piece on the path above
 * (or at the node) already covers it, so the union along a root-to-leaf path is exactly the union of the inserted
 * boxes there. A query walks down with the part not yet covered and stops as soon as that part is empty (covered) or
 * a leaf is reached with something left (not covered). Insert-only: no clearing, no summaries, so cheaper than the
 * painter when only the union matters.
 */
import type { Flat } from './flat.js';
import type { Geometry, Shape } from './geometry.js';
import { addPieces, forOverlappingPieces, minusPieces } from './pieces.js';

export class CoverTree {
  private readonly pieces: (number[] | undefined)[];
  private readonly size: number;
  private readonly swap: boolean;

  /** Oriented like the painter of the same geometry (`swap`: tree over address atoms). */
  constructor(geo: Geometry, swap: boolean) {
    this.swap = swap;
    this.size = swap ? geo.atoms : geo.segments;
    this.pieces = new Array<number[] | undefined>(4 * Math.max(1, this.size)).fill(undefined);
  }

  /** Adds a box owned by `owner`. */
  insert(owner: number, box: Shape): void {
    const tree = this.swap ? box.atoms : box.keys;
    const other = this.swap ? box.keys : box.atoms;
    for (let i = 0; i < tree.length; i += 2) this.ins(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, other, owner);
  }

  /** Whether the union covers the box; collects the owners of the pieces used into `owners`. */
  covers(box: Shape, owners: { add(owner: number): unknown }): boolean {
    const tree = this.swap ? box.atoms : box.keys;
    const other = this.swap ? box.keys : box.atoms;
    const visit = (o: number): void => {
      owners.add(o);
    };
    for (let i = 0; i < tree.length; i += 2) {
      if (!this.cov(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, other, visit)) return false;
    }
    return true;
  }

  private ins(node: number, nl: number, nr: number, ql: number, qr: number, rest: Flat, owner: number): void {
    const p = this.pieces[node];
    const left = p === undefined ? rest : minusPieces(p, rest);
    if (left.length === 0) return;
    if (ql <= nl && nr <= qr) {
      this.pieces[node] = addPieces(p, left, owner);
      return;
    }
    const mid = (nl + nr) >> 1;
    if (ql <= mid) this.ins(2 * node, nl, mid, ql, qr, left, owner);
    if (qr > mid) this.ins(2 * node + 1, mid + 1, nr, ql, qr, left, owner);
  }

  private cov(node: number, nl: number, nr: number, ql: number, qr: number, rest: Flat, visit: (o: number) => void): boolean {
    const p = this.pieces[node];
    let left = rest;
    if (p !== undefined) {
      forOverlappingPieces(p, rest, visit);
      left = minusPieces(p, rest);
    }
    if (left.length === 0) return true;
    if (nl === nr) return false;
    const mid = (nl + nr) >> 1;
    if (ql <= mid && !this.cov(2 * node, nl, mid, ql, qr, left, visit)) return false;
    return qr <= mid || this.cov(2 * node + 1, mid + 1, nr, ql, qr, left, visit);
  }
}
