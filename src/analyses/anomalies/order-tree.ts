/**
 * @fileoverview Items in rule order, searchable by overlap: "the items between positions a and b whose box overlaps
 * this box, in order, until I say stop". A segment tree over buckets of consecutive items; each node keeps the
 * union of its items' key segments and the union of their address atoms, and a subtree is skipped when either union
 * misses the query. Overlapping items are therefore found without looking at the items that cannot overlap, and a
 * walk that stops early pays only for the part of the order it visited.
 */
import { overlaps, union, type Flat } from './flat.js';
import type { Shape } from './geometry.js';

const BUCKET = 8;

export class OrderTree {
  private readonly keys: Flat[] = [];
  private readonly atoms: Flat[] = [];
  private readonly buckets: number;

  constructor(private readonly items: readonly Shape[]) {
    this.buckets = Math.ceil(items.length / BUCKET);
    if (this.buckets > 0) this.build(1, 0, this.buckets - 1);
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Calls `visit(position)` for each item at a position in [from, to] whose box overlaps `q`, in ascending order,
   * until `visit` returns false. Returns false when stopped.
   */
  forEach(q: Shape, from: number, to: number, visit: (position: number) => boolean): boolean {
    const last = Math.min(to, this.items.length - 1);
    if (from > last || this.buckets === 0) return true;
    return this.walk(1, 0, this.buckets - 1, q, Math.max(0, from), last, visit);
  }

  private build(node: number, bl: number, br: number): void {
    if (bl === br) {
      let k: Flat = [];
      let a: Flat = [];
      for (let i = bl * BUCKET; i < Math.min(this.items.length, (bl + 1) * BUCKET); i++) {
        const it = this.items[i] as Shape;
        k = union(k, it.keys);
        a = union(a, it.atoms);
      }
      this.keys[node] = k;
      this.atoms[node] = a;
      return;
    }
    const mid = (bl + br) >> 1;
    this.build(2 * node, bl, mid);
    this.build(2 * node + 1, mid + 1, br);
    this.keys[node] = union(this.keys[2 * node] as Flat, this.keys[2 * node + 1] as Flat);
    this.atoms[node] = union(this.atoms[2 * node] as Flat, this.atoms[2 * node + 1] as Flat);
  }

  private walk(node: number, bl: number, br: number, q: Shape, from: number, to: number, visit: (p: number) => boolean): boolean {
    if ((br + 1) * BUCKET - 1 < from || bl * BUCKET > to) return true;
    if (!overlaps(this.keys[node] as Flat, q.keys) || !overlaps(this.atoms[node] as Flat, q.atoms)) return true;
    if (bl === br) {
      const end = Math.min(to, (bl + 1) * BUCKET - 1);
      for (let i = Math.max(from, bl * BUCKET); i <= end; i++) {
        const it = this.items[i] as Shape;
        if (overlaps(it.keys, q.keys) && overlaps(it.atoms, q.atoms) && !visit(i)) return false;
      }
      return true;
    }
    const mid = (bl + br) >> 1;
    return this.walk(2 * node, bl, mid, q, from, to, visit) && this.walk(2 * node + 1, mid + 1, br, q, from, to, visit);
  }
}
