/**
 * @fileoverview A static R-tree over boxes (bulk-loaded by sorting along one dimension), for "which boxes overlap this
 * one" in time that depends on the answer, not on the number of boxes. Each key interval of a box is its own entry (a
 * box split over connection states or port lists would otherwise span the whole key line); candidates are confirmed
 * against the exact boxes and reported once.
 *
 * For counting, nodes also keep the inner bounds of their entries (largest start, smallest end per dimension): when
 * every box below a node relates to a single-rectangle query the same way (all inside it, all around it, or all
 * crossing it), the whole node can be offered as a count instead of being walked.
 */
import { overlaps } from './flat.js';
import type { Shape } from './geometry.js';

const FANOUT = 16;

/** [key lo, key hi, atom lo, atom hi]. */
type Rect = readonly [number, number, number, number];

/** How the boxes of a node relate to the query: inside it, around it, or crossing it (overlap, neither contains). */
export type Relation = 'inside' | 'around' | 'cross';

interface Node {
  /** Outer bounds: smallest start, largest end per dimension. */
  readonly rect: Rect;
  /** Inner bounds: largest start, smallest end per dimension. */
  readonly inner: Rect;
  readonly children: readonly Node[];
  /** Box positions (leaves only; a position may occur once per key interval). */
  readonly items: readonly number[];
  /** Entries below; equal to the number of boxes when `simple`. */
  readonly count: number;
  /** Every box below is one rectangle (one entry). */
  readonly simple: boolean;
  /** Smallest `order` of the boxes below. */
  readonly minOrder: number;
}

export class RectIndex {
  private readonly root: Node | undefined;
  private readonly seen: Int32Array;
  private stamp = 0;

  /**
   * `order` of each box (its position in the chain); `swap`: pack by address first, where boxes are narrower.
   */
  constructor(
    private readonly shapes: readonly (Shape & { readonly index: number })[],
    swap: boolean,
  ) {
    const entries: Node[] = [];
    shapes.forEach((s, i) => {
      const simple = s.keys.length === 2 && s.atoms.length === 2;
      const a0 = s.atoms[0] as number;
      const a1 = s.atoms[s.atoms.length - 1] as number;
      for (let k = 0; k < s.keys.length; k += 2) {
        const rect: Rect = [s.keys[k] as number, s.keys[k + 1] as number, a0, a1];
        entries.push({ rect, inner: [rect[0], rect[1], rect[2], rect[3]], children: [], items: [i], count: 1, simple, minOrder: s.index });
      }
    });
    const primary = swap ? 2 : 0;
    let level = pack(entries, true, primary);
    while (level.length > 1) level = pack(level, false, primary);
    this.root = level[0];
    this.seen = new Int32Array(shapes.length);
  }

  /** Calls `visit(position)` once for every box overlapping `q` (any order). */
  forEach(q: Shape, visit: (position: number) => void): void {
    this.forEachOrCount(q, visit, () => false);
  }

  /**
   * Like forEach, but a node whose boxes all relate to `q` alike (q being one rectangle) is first offered to
   * `count(relation, boxes, minOrder)`; when that returns true its boxes are taken as counted and not visited.
   */
  forEachOrCount(q: Shape, visit: (position: number) => void, count: (r: Relation, boxes: number, minOrder: number) => boolean): void {
    if (this.root === undefined || q.keys.length === 0 || q.atoms.length === 0) return;
    const stamp = ++this.stamp;
    const simple = q.keys.length === 2 && q.atoms.length === 2;
    const a0 = q.atoms[0] as number;
    const a1 = q.atoms[q.atoms.length - 1] as number;
    for (let k = 0; k < q.keys.length; k += 2) {
      const r: Rect = [q.keys[k] as number, q.keys[k + 1] as number, a0, a1];
      const stack: Node[] = [this.root];
      while (stack.length > 0) {
        const node = stack.pop() as Node;
        if (!hits(node.rect, r)) continue;
        const rel = simple && node.simple ? relation(node, r) : undefined;
        if (rel !== undefined && count(rel, node.count, node.minOrder)) continue;
        for (const c of node.children) stack.push(c);
        for (const i of node.items) {
          const s = this.shapes[i] as Shape;
          if (this.seen[i] === stamp || !overlaps(s.keys, q.keys) || !overlaps(s.atoms, q.atoms)) continue;
          this.seen[i] = stamp;
          visit(i);
        }
      }
    }
  }
}

function hits(a: Rect, b: Rect): boolean {
  return a[0] <= b[1] && b[0] <= a[1] && a[2] <= b[3] && b[2] <= a[3];
}

/** The relation all boxes of the node share with the rectangle `q`, if they share one. */
function relation(n: Node, q: Rect): Relation | undefined {
  const [lo0, hi0, lo1, hi1] = n.rect;
  const [maxLo0, minHi0, maxLo1, minHi1] = n.inner;
  const allOverlap = maxLo0 <= q[1] && minHi0 >= q[0] && maxLo1 <= q[3] && minHi1 >= q[2];
  if (!allOverlap) return undefined;
  if (lo0 >= q[0] && hi0 <= q[1] && lo1 >= q[2] && hi1 <= q[3]) return 'inside';
  if (maxLo0 <= q[0] && minHi0 >= q[1] && maxLo1 <= q[2] && minHi1 >= q[3]) return 'around';
  const noneInside = maxLo0 < q[0] || minHi0 > q[1] || maxLo1 < q[2] || minHi1 > q[3];
  const noneAround = lo0 > q[0] || hi0 < q[1] || lo1 > q[2] || hi1 < q[3];
  return noneInside && noneAround ? 'cross' : undefined;
}

/**
 * One level: entries sorted by their centre in the primary dimension (0 keys, 2 addresses), then by the other centre,
 * grouped by FANOUT. Packing along one dimension keeps nodes narrow there even when the other dimension is not
 * selective at all (many any-address rules, or many wide port ranges), which the tiles of classic STR would not.
 */
function pack(entries: readonly Node[], leaves: boolean, primary: number): Node[] {
  const second = 2 - primary;
  const sorted = [...entries].sort((a, b) => centre(a, primary) - centre(b, primary) || centre(a, second) - centre(b, second));
  const out: Node[] = [];
  for (let g = 0; g < sorted.length; g += FANOUT) out.push(parent(sorted.slice(g, g + FANOUT), leaves));
  return out;
}

function parent(members: readonly Node[], leaf: boolean): Node {
  const rect: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
  const inner: [number, number, number, number] = [-Infinity, Infinity, -Infinity, Infinity];
  let count = 0;
  let simple = true;
  let minOrder = Infinity;
  for (const m of members) {
    for (let d = 0; d < 4; d += 2) {
      rect[d] = Math.min(rect[d] as number, m.rect[d] as number);
      rect[d + 1] = Math.max(rect[d + 1] as number, m.rect[d + 1] as number);
      inner[d] = Math.max(inner[d] as number, m.inner[d] as number);
      inner[d + 1] = Math.min(inner[d + 1] as number, m.inner[d + 1] as number);
    }
    count += m.count;
    simple &&= m.simple;
    minOrder = Math.min(minOrder, m.minOrder);
  }
  const children = leaf ? [] : members;
  const items = leaf ? members.flatMap((m) => m.items) : [];
  return { rect, inner, children, items, count, simple, minOrder };
}

function centre(n: Node, dim: number): number {
  return (n.rect[dim] as number) + (n.rect[dim + 1] as number);
}
