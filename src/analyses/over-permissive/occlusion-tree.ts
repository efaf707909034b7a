/**
 * @fileoverview The union of certainly-decided boxes (key segment × address atom, compressed coordinates), filled in
 * evaluation order, answering "on which key segments does this box still have a point nobody decided before?".
 *
 * A segment tree over key segments; an inserted box stores its address atoms at the O(log n) canonical nodes of its
 * key intervals, so the union along a root-to-leaf path is exactly the union of the boxes over that leaf. Each node also knows the most atoms any path below it stores (`reach`): a query whose
 * remaining atoms outnumber that cannot be covered anywhere below, so the whole range is reported without descending.
 * That bound is what keeps a wide query (an any-address rule over thousands of single-port /24 rules) logarithmic.
 *
 * Frames: pieces inserted as frame-scoped (a RETURN inside a chain, the part of a rule only certain once a packet
 * entered an uncertain jump) are removed when their frame ends; permanent pieces stay, without the atoms that
 * frame-scoped pieces held over the same keys when they were inserted (packets that left the chain are not decided
 * by its later rules).
 */
import { firstEndingAtOrAfter, subtract, type Flat } from '../anomalies/flat.js';

export class OcclusionTree {
  /** Permanent pieces per node: the whole box is stored, so a wide box stays one piece that a query tests cheaply. */
  private readonly perm: (number[] | undefined)[];
  /** Frame-scoped pieces per node. */
  private readonly scoped: (number[] | undefined)[];
  /** Atoms stored at each node (both lists). */
  private readonly own: Float64Array;
  /** Most atoms stored along any path from the node down (node included): an upper bound of what it can cover. */
  private readonly reach: Float64Array;
  /** Frame-scoped pieces per open frame: [node, lo, hi, …]. */
  private readonly frames: number[][] = [];
  /** Frame-scoped pieces stored in each node's subtree (node included). */
  private readonly scopedBelow: Int32Array;
  private budget = 0;

  /**
   * `size`: coordinates of the tree dimension. `swap`: the tree runs over address atoms and pieces hold key segments
   * (for rule sets whose rules are narrow in addresses and wide in ports, where a key tree would have every query
   * walk every key segment).
   */
  constructor(
    private readonly size: number,
    private readonly swap = false,
  ) {
    const n = 4 * Math.max(1, size);
    this.perm = new Array<number[] | undefined>(n).fill(undefined);
    this.scoped = new Array<number[] | undefined>(n).fill(undefined);
    this.own = new Float64Array(n);
    this.reach = new Float64Array(n);
    this.scopedBelow = new Int32Array(n);
  }

  /** Opens a frame: frame-scoped pieces inserted from now on are removed by the matching `endFrame`. */
  beginFrame(): void {
    this.frames.push([]);
  }

  /** Removes the pieces the innermost frame inserted as frame-scoped. */
  endFrame(): void {
    const log = this.frames.pop();
    if (log === undefined) return;
    for (let i = log.length - 3; i >= 0; i -= 3) {
      const node = log[i] as number;
      const lo = log[i + 1] as number;
      const hi = log[i + 2] as number;
      this.scoped[node] = subtract(this.scoped[node] ?? [], [lo, hi]);
      this.own[node] = (this.own[node] as number) - (hi - lo + 1);
      for (let v = node; v >= 1; v >>= 1) this.scopedBelow[v] = (this.scopedBelow[v] as number) - 1;
      this.refresh(node);
    }
  }

  /**
   * Adds the box keys × atoms; `scoped` pieces last until the current frame ends. A permanent box leaves out what
   * frame-scoped pieces above it hold (those packets left the chain: whatever decides them later is not certain).
   */
  insert(keys: Flat, atoms: Flat, scoped = false): void {
    if (atoms.length === 0) return;
    const log = scoped ? this.frames[this.frames.length - 1] : undefined;
    const [tree, other] = this.swap ? [atoms, keys] : [keys, atoms];
    if (other.length === 0) return;
    for (let i = 0; i < tree.length; i += 2) this.ins(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, other, log);
  }

  /**
   * The key segments (flat, merged) where some atom of the box is covered by no inserted box. Visits at most
   * `budget` tree nodes; what it could not look at is reported as uncovered, and `exhausted` tells.
   */
  uncovered(keys: Flat, atoms: Flat, budget = Number.POSITIVE_INFINITY): { keys: number[]; exhausted: boolean } {
    const out: number[] = [];
    if (atoms.length === 0) return { keys: out, exhausted: false };
    this.budget = budget;
    if (this.swap) {
      const found: number[] = [];
      for (let i = 0; i < atoms.length; i += 2) this.querySwapped(1, 0, this.size - 1, atoms[i] as number, atoms[i + 1] as number, keys, [], found);
      return { keys: merge(found), exhausted: this.budget < 0 };
    }
    const need = countOf(atoms);
    for (let i = 0; i < keys.length; i += 2) this.query(1, 0, this.size - 1, keys[i] as number, keys[i + 1] as number, atoms, need, [], 0, out);
    return { keys: out, exhausted: this.budget < 0 };
  }

  private ins(node: number, nl: number, nr: number, ql: number, qr: number, rest: Flat, log: number[] | undefined): void {
    let left = rest;
    const sc = this.scoped[node];
    if (sc !== undefined && sc.length > 0) left = subtract(left, sc);
    // A permanent box goes below a node whose subtree holds frame-scoped pieces, so it can leave those out too.
    if (ql <= nl && nr <= qr && (log !== undefined || nl === nr || this.scopedBelow[node] === 0)) {
      const pm = this.perm[node];
      if (pm !== undefined && pm.length > 0) left = subtract(left, pm);
      if (left.length === 0) return;
      const list = log === undefined ? (this.perm[node] ??= []) : (this.scoped[node] ??= []);
      for (let i = 0; i < left.length; i += 2) {
        const lo = left[i] as number;
        const hi = left[i + 1] as number;
        addDisjoint(list, lo, hi);
        this.own[node] = (this.own[node] as number) + (hi - lo + 1);
        if (log !== undefined) {
          log.push(node, lo, hi);
          for (let v = node; v >= 1; v >>= 1) this.scopedBelow[v] = (this.scopedBelow[v] as number) + 1;
        }
      }
    } else {
      if (left.length === 0) return;
      const mid = (nl + nr) >> 1;
      if (ql <= mid) this.ins(2 * node, nl, mid, ql, qr, left, log);
      if (qr > mid) this.ins(2 * node + 1, mid + 1, nr, ql, qr, left, log);
    }
    this.reach[node] = (this.own[node] as number) + Math.max(this.reach[2 * node] ?? 0, this.reach[2 * node + 1] ?? 0);
  }

  /** Recomputes `reach` from a node up to the root. */
  private refresh(node: number): void {
    for (let v = node; v >= 1; v >>= 1) {
      const below = 2 * v < this.reach.length ? Math.max(this.reach[2 * v] as number, this.reach[2 * v + 1] as number) : 0;
      this.reach[v] = (this.own[v] as number) + below;
    }
  }

  /**
   * `rest`: the query's atoms minus the small piece lists on the path; `deferred`: the long lists on the path, not
   * subtracted yet (subtracting 10,000 /24 pieces from an any-address query would cost that much at every visit), with
   * their total atom count `deferredAtoms`. `need` is the atom count of `rest`.
   */
  private query(node: number, nl: number, nr: number, ql: number, qr: number, rest: Flat, need: number, deferred: Flat[], deferredAtoms: number, out: number[]): void {
    // At least need - deferredAtoms atoms are left; no path below stores that many: nothing below is covered.
    if ((this.reach[node] as number) < need - deferredAtoms || --this.budget < 0) {
      push(out, Math.max(nl, ql), Math.min(nr, qr));
      return;
    }
    const step = this.narrow(node, rest, deferred);
    if (step === undefined) return;
    const { left, pushed } = step;
    const count = left === rest ? need : countOf(left);
    const atoms = deferredAtoms + pushed * (this.own[node] as number);
    if (nl === nr) {
      if (minusAll(left, deferred).length > 0) push(out, nl, nl);
    } else {
      const mid = (nl + nr) >> 1;
      if (ql <= mid) this.query(2 * node, nl, mid, ql, qr, left, count, deferred, atoms, out);
      if (qr > mid) this.query(2 * node + 1, mid + 1, nr, ql, qr, left, count, deferred, atoms, out);
    }
    deferred.length -= pushed;
  }

  /**
   * Swapped orientation: the tree runs over atoms and `rest` holds the query's key segments not yet covered on the
   * path (long lists `deferred`). Every key segment left at a leaf, or below a node with nothing stored under it, is
   * uncovered for some atom; past the budget whatever is left counts as uncovered (an upper bound).
   */
  private querySwapped(node: number, nl: number, nr: number, ql: number, qr: number, rest: Flat, deferred: Flat[], found: number[]): void {
    if ((this.reach[node] as number) === 0 || --this.budget < 0) {
      appendFlat(found, deferred.length === 0 ? rest : minusAll(rest, deferred));
      return;
    }
    const step = this.narrow(node, rest, deferred);
    if (step === undefined) return;
    const { left, pushed } = step;
    if (nl === nr) appendFlat(found, deferred.length === 0 ? left : minusAll(left, deferred));
    else {
      const mid = (nl + nr) >> 1;
      if (ql <= mid) this.querySwapped(2 * node, nl, mid, ql, qr, left, deferred, found);
      if (qr > mid) this.querySwapped(2 * node + 1, mid + 1, nr, ql, qr, left, deferred, found);
    }
    deferred.length -= pushed;
  }

  /**
   * Takes the node's piece lists off a query's rest: a list spanning it covers it (undefined), a long list that would
   * cut it into many parts is pushed onto `deferred` (the caller pops `pushed` of them when done), any other is
   * subtracted now (undefined when nothing is left).
   */
  private narrow(node: number, rest: Flat, deferred: Flat[]): { left: Flat; pushed: number } | undefined {
    let left = rest;
    let pushed = 0;
    for (let which = 0; which < 2; which++) {
      const p = which === 0 ? this.perm[node] : this.scoped[node];
      if (p === undefined || p.length === 0) continue;
      if (!spans(p, left)) {
        if (p.length > DEFER_PIECES && piecesWithin(p, left) > DEFER_PIECES) {
          deferred.push(p);
          pushed++;
          continue;
        }
        left = subtract(left, p);
        if (left.length > 0) continue;
      }
      deferred.length -= pushed;
      return undefined;
    }
    return { left, pushed };
  }
}

/** A piece list that would cut a query's atoms into more than this many parts is subtracted only at a leaf. */
const DEFER_PIECES = 64;

/** How many intervals of `p` lie within the span of `f` (binary searches, no scan). */
function piecesWithin(p: Flat, f: Flat): number {
  return firstEndingAtOrAfter(p, (f[f.length - 1] as number) + 1) - firstEndingAtOrAfter(p, f[0] as number);
}


/** `f` without the values of every list (empty as soon as one list spans what is left). */
function minusAll(f: Flat, lists: readonly Flat[]): Flat {
  let left = f;
  for (const p of lists) {
    if (left.length === 0 || spans(p, left)) return [];
    left = subtract(left, p);
  }
  return left;
}

function appendFlat(out: number[], f: Flat): void {
  for (let i = 0; i < f.length; i++) out.push(f[i] as number);
}

/** Sorts and merges flat pairs. */
export function merge(pairs: readonly number[]): number[] {
  const list: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) list.push([pairs[i] as number, pairs[i + 1] as number]);
  list.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of list) {
    const n = out.length;
    if (n > 0 && lo <= (out[n - 1] as number) + 1) out[n - 1] = Math.max(out[n - 1] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}


/** Whether one interval of `p` spans all of `f` (a cheap, common sufficient test for "covers"). */
function spans(p: Flat, f: Flat): boolean {
  const k = 2 * firstEndingAtOrAfter(p, f[0] as number);
  return k < p.length && (p[k] as number) <= (f[0] as number) && (p[k + 1] as number) >= (f[f.length - 1] as number);
}

function countOf(f: Flat): number {
  let n = 0;
  for (let i = 0; i < f.length; i += 2) n += (f[i + 1] as number) - (f[i] as number) + 1;
  return n;
}

/** Appends [lo, hi] to a flat list built in ascending order, merging with a touching last interval. */
function push(out: number[], lo: number, hi: number): void {
  const n = out.length;
  if (n > 0 && (out[n - 1] as number) + 1 >= lo) out[n - 1] = Math.max(out[n - 1] as number, hi);
  else out.push(lo, hi);
}

/** Inserts [lo, hi], which overlaps nothing in `list`, merging with touching neighbours. */
function addDisjoint(list: number[], lo: number, hi: number): void {
  const k = 2 * firstEndingAtOrAfter(list, lo);
  const joinsPrev = k > 0 && (list[k - 1] as number) + 1 === lo;
  const joinsNext = k < list.length && (list[k] as number) === hi + 1;
  if (joinsPrev && joinsNext) {
    list[k - 1] = list[k + 1] as number;
    list.splice(k, 2);
  } else if (joinsPrev) list[k - 1] = hi;
  else if (joinsNext) list[k] = lo;
  else list.splice(k, 0, lo, hi);
}
