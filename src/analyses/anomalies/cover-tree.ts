/**
 * @fileoverview The union of inserted boxes, for "is this box covered?" without comparing rules pairwise.
 * A segment tree over the key segments; a box is stored at the O(log n) canonical nodes of each of its key intervals,
 * as address-atom pieces tagged with the owning item. A piece is only stored where no piece on the path above (or at
 * the node) already covers it, so pieces of one node are disjoint and the union along a root-to-leaf path is exactly
 * the union of the inserted boxes at that key. A query walks down with the part of its address set not yet covered
 * and stops as soon as that part is empty (covered) or a leaf is reached with something left (not covered).
 */
import type { Flat } from './flat.js';
import type { Shape } from './geometry.js';

export class CoverTree {
  /** Per node: flat [lo, hi, owner] triples, sorted by lo, disjoint. */
  private readonly pieces: (number[] | undefined)[];

  constructor(private readonly size: number) {
    this.pieces = new Array<number[] | undefined>(4 * Math.max(1, size));
  }

  /** Adds a box owned by `owner`. */
  insert(owner: number, box: Shape): void {
    for (let i = 0; i < box.keys.length; i += 2) this.ins(1, 0, this.size - 1, box.keys[i] as number, box.keys[i + 1] as number, box.atoms, owner);
  }

  /** Whether the union covers the box; collects the owners of the pieces used into `owners`. */
  covers(box: Shape, owners: Set<number>): boolean {
    for (let i = 0; i < box.keys.length; i += 2) {
      if (!this.cov(1, 0, this.size - 1, box.keys[i] as number, box.keys[i + 1] as number, box.atoms, owners)) return false;
    }
    return true;
  }

  private ins(node: number, nl: number, nr: number, ql: number, qr: number, atoms: Flat, owner: number): void {
    const rest = this.minus(node, atoms, undefined);
    if (rest.length === 0) return;
    if (ql <= nl && nr <= qr) {
      this.add(node, rest, owner);
      return;
    }
    const mid = (nl + nr) >> 1;
    if (ql <= mid) this.ins(2 * node, nl, mid, ql, qr, rest, owner);
    if (qr > mid) this.ins(2 * node + 1, mid + 1, nr, ql, qr, rest, owner);
  }

  private cov(node: number, nl: number, nr: number, ql: number, qr: number, atoms: Flat, owners: Set<number>): boolean {
    const rest = this.minus(node, atoms, owners);
    if (rest.length === 0) return true;
    if (nl === nr) return false;
    const mid = (nl + nr) >> 1;
    if (ql <= mid && !this.cov(2 * node, nl, mid, ql, qr, rest, owners)) return false;
    return qr <= mid || this.cov(2 * node + 1, mid + 1, nr, ql, qr, rest, owners);
  }

  /** `atoms` without the node's pieces; records the owners of the pieces that took something. */
  private minus(node: number, atoms: Flat, owners: Set<number> | undefined): Flat {
    const p = this.pieces[node];
    if (p === undefined) return atoms;
    let out: number[] | undefined;
    for (let i = 0; i < atoms.length; i += 2) {
      const hi = atoms[i + 1] as number;
      let cur = atoms[i] as number;
      let k = firstPiece(p, cur);
      const start = cur;
      while (cur <= hi && k < p.length && (p[k] as number) <= hi) {
        const plo = p[k] as number;
        out ??= atoms.slice(0, i);
        if (plo > cur) out.push(cur, plo - 1);
        owners?.add(p[k + 2] as number);
        cur = Math.max(cur, (p[k + 1] as number) + 1);
        k += 3;
      }
      if (out === undefined) continue;
      if (cur === start) out.push(start, hi);
      else if (cur <= hi) out.push(cur, hi);
    }
    return out ?? atoms;
  }

  /** Inserts pieces that are disjoint from the node's pieces, merging with same-owner neighbours. */
  private add(node: number, atoms: Flat, owner: number): void {
    let p = this.pieces[node];
    if (p === undefined) this.pieces[node] = p = [];
    for (let i = 0; i < atoms.length; i += 2) {
      const lo = atoms[i] as number;
      const hi = atoms[i + 1] as number;
      const k = firstPiece(p, lo);
      if (k > 0 && p[k - 1] === owner && (p[k - 2] as number) + 1 === lo) {
        p[k - 2] = hi;
        if (k < p.length && p[k + 2] === owner && (p[k] as number) === hi + 1) {
          p[k - 2] = p[k + 1] as number;
          p.splice(k, 3);
        }
      } else if (k < p.length && p[k + 2] === owner && (p[k] as number) === hi + 1) {
        p[k] = lo;
      } else {
        p.splice(k, 0, lo, hi, owner);
      }
    }
  }
}

/** Offset of the first piece whose end is ≥ x. */
function firstPiece(p: readonly number[], x: number): number {
  let lo = 0;
  let hi = p.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p[3 * mid + 1] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}
