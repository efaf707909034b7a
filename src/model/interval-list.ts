/**
 * @fileoverview A mutable interval set for long walks: removing, adding or reading a small range costs
 * O(log n + CHUNK) instead of the O(n) copy an immutable IntervalSet operation makes. A first-match walk over tens of
 * thousands of rules with scattered addresses carves that many holes into the addresses still undecided; with
 * immutable sets every rule would copy them all.
 *
 * The intervals (sorted, disjoint, non-adjacent, inclusive) are kept in chunks of flat bounds [lo0, hi0, lo1, …],
 * each non-empty and at most 2·CHUNK intervals long; the chunks are sorted, so a binary search over their last bounds
 * finds where a value belongs.
 */
import { firstEndingAtOrAfter as firstIntervalEndingAtOrAfter } from './flat-search.js';
import { IntervalSet, type Domain } from './interval-set.js';

/** Intervals per chunk when a set is split; a chunk is split again once it reaches twice as many. */
const CHUNK = 32;

export class IntervalList<T extends number | bigint> {
  private chunks: T[][] = [];

  constructor(
    readonly domain: Domain<T>,
    initial?: IntervalSet<T>,
  ) {
    const b = initial?.bounds ?? [];
    for (let i = 0; i < b.length; i += 2 * CHUNK) this.chunks.push(b.slice(i, i + 2 * CHUNK));
  }

  isEmpty(): boolean {
    return this.chunks.length === 0;
  }

  /** The current intervals as an immutable set. */
  toSet(): IntervalSet<T> {
    if (this.chunks.length === 0) return IntervalSet.empty(this.domain);
    return IntervalSet.fromBounds(this.domain, this.chunks.length === 1 ? (this.chunks[0] as T[]).slice() : this.chunks.flat() as T[]);
  }

  /** Appends to `out` (flat bounds) the part of [lo, hi] that is in the set, in order. */
  intersectRange(lo: T, hi: T, out: T[]): void {
    for (let c = this.chunkEndingAtOrAfter(lo); c < this.chunks.length; c++) {
      const b = this.chunks[c] as T[];
      if ((b[0] as T) > hi) return;
      for (let i = (b[0] as T) < lo ? firstEndingAtOrAfter(b, lo) : 0; i < b.length; i += 2) {
        const a = b[i] as T;
        if (a > hi) return;
        const z = b[i + 1] as T;
        out.push(a > lo ? a : lo, z < hi ? z : hi);
      }
    }
  }

  /** Removes [lo, hi] from the set. */
  removeRange(lo: T, hi: T): void {
    let c = this.chunkEndingAtOrAfter(lo);
    while (c < this.chunks.length) {
      const b = this.chunks[c] as T[];
      if ((b[0] as T) > hi) return;
      const kept: T[] = [];
      for (let i = 0; i < b.length; i += 2) {
        const a = b[i] as T;
        const z = b[i + 1] as T;
        if (z < lo || a > hi) {
          kept.push(a, z);
          continue;
        }
        if (a < lo) kept.push(a, this.domain.pred(lo));
        if (z > hi) kept.push(this.domain.succ(hi), z);
      }
      const past = (b[b.length - 1] as T) >= hi;
      if (kept.length === 0) this.chunks.splice(c, 1);
      else this.replaceChunk(c++, kept);
      if (past) return;
    }
  }

  /** Adds [lo, hi] to the set, merging it with the intervals it overlaps or touches. */
  addRange(lo: T, hi: T): void {
    const { min, max, pred, succ } = this.domain;
    const reach = this.extentTouching(lo > min ? pred(lo) : lo, hi < max ? succ(hi) : hi);
    const from = reach !== undefined && reach[0] < lo ? reach[0] : lo;
    const to = reach !== undefined && reach[1] > hi ? reach[1] : hi;
    if (reach !== undefined) this.removeRange(from, to);
    const c = this.chunkEndingAtOrAfter(from);
    if (c === this.chunks.length) {
      if (c === 0) this.chunks.push([from, to]);
      else this.replaceChunk(c - 1, [...(this.chunks[c - 1] as T[]), from, to]);
      return;
    }
    const b = this.chunks[c] as T[];
    const at = firstEndingAtOrAfter(b, from);
    this.replaceChunk(c, [...b.slice(0, at), from, to, ...b.slice(at)]);
  }

  /** The first start and last end of the intervals that overlap [lo, hi], if any. */
  private extentTouching(lo: T, hi: T): [T, T] | undefined {
    const c = this.chunkEndingAtOrAfter(lo);
    const b = this.chunks[c];
    if (b === undefined) return undefined;
    const i = firstEndingAtOrAfter(b, lo);
    const first = b[i] as T;
    if (first > hi) return undefined;
    // The last interval starting at or before hi: in the first chunk reaching hi, or else the last of the chunk
    // before it (which then ends before hi, so only the extent's start matters).
    let d = this.chunkEndingAtOrAfter(hi);
    let e = d < this.chunks.length ? lastStartingAtOrBefore(this.chunks[d] as T[], hi) : -2;
    if (e < 0) {
      d -= 1;
      const prev = this.chunks[d] as T[];
      e = prev.length - 2;
    }
    return [first, (this.chunks[d] as T[])[e + 1] as T];
  }

  /** Index of the first chunk whose last bound is ≥ x (chunks.length when none). */
  private chunkEndingAtOrAfter(x: T): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.chunks[mid] as T[];
      if ((b[b.length - 1] as T) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private replaceChunk(c: number, bounds: T[]): void {
    if (bounds.length <= 4 * CHUNK) {
      this.chunks[c] = bounds;
      return;
    }
    this.chunks.splice(c, 1, bounds.slice(0, 2 * CHUNK), bounds.slice(2 * CHUNK));
  }
}

/** Index (into flat bounds, even) of the last interval of `b` whose start is ≤ x; -2 when none. */
function lastStartingAtOrBefore<T extends number | bigint>(b: readonly T[], x: T): number {
  let lo = 0;
  let hi = b.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((b[2 * mid] as T) <= x) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo - 2;
}

/** Index (into flat bounds, even) of the first interval of `b` whose end is ≥ x. */
function firstEndingAtOrAfter<T extends number | bigint>(b: readonly T[], x: T): number {
  return 2 * firstIntervalEndingAtOrAfter(b, x);
}
