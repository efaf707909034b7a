/**
 * @fileoverview Sorted, disjoint, inclusive interval sets over a bounded integer domain.
 * Used for ports and protocols (number) and for IPv4 (number) / IPv6 (bigint) addresses.
 * All operations are linear merges over the flat bound arrays; no per-element work.
 */
import { boundsOverlap, firstEndingAtOrAfter } from './flat-search.js';

/** The bounded domain an interval set lives in. */
export interface Domain<T extends number | bigint> {
  readonly min: T;
  readonly max: T;
  readonly succ: (x: T) => T;
  readonly pred: (x: T) => T;
}

/** unionAll folds pairwise unions while the result has at most this many bounds (64 intervals). */
const FOLD_WHILE = 128;

/** Bound-array length up to which an operand counts as small (4 intervals). */
const SMALL = 8;

export const NUMBER_OPS = { succ: (x: number) => x + 1, pred: (x: number) => x - 1 };
export const BIGINT_OPS = { succ: (x: bigint) => x + 1n, pred: (x: bigint) => x - 1n };

/**
 * Immutable set of inclusive intervals. `bounds` is flat: [lo0, hi0, lo1, hi1, ...],
 * sorted, disjoint and non-adjacent (adjacent intervals are merged).
 */
export class IntervalSet<T extends number | bigint> {
  private constructor(
    readonly domain: Domain<T>,
    readonly bounds: readonly T[],
  ) {}

  /** The empty set of a domain. */
  static empty<T extends number | bigint>(domain: Domain<T>): IntervalSet<T> {
    return new IntervalSet(domain, []);
  }

  /** The whole domain. */
  static full<T extends number | bigint>(domain: Domain<T>): IntervalSet<T> {
    return new IntervalSet(domain, [domain.min, domain.max]);
  }

  /**
   * A set from flat bounds that already satisfy the invariant (sorted, disjoint, non-adjacent, inside the domain);
   * for builders that produce them in order (IntervalList, unionAll). The array is taken over, not copied.
   */
  static fromBounds<T extends number | bigint>(domain: Domain<T>, bounds: T[]): IntervalSet<T> {
    return new IntervalSet(domain, bounds);
  }

  /** The union of many sets in one sort-and-merge (a fold of `union` would copy the growing result every time). */
  static unionAll<T extends number | bigint>(domain: Domain<T>, sets: readonly IntervalSet<T>[]): IntervalSet<T> {
    // Pairwise while the result stays small (the common case: a few sets, or one that is already full), then the
    // rest in one sort-and-merge.
    let acc = IntervalSet.empty(domain);
    let k = 0;
    for (; k < sets.length && acc.bounds.length <= FOLD_WHILE; k++) acc = acc.union(sets[k] as IntervalSet<T>);
    if (k === sets.length) return acc;
    const pairs: [T, T][] = [];
    for (const s of [acc, ...sets.slice(k)]) for (let i = 0; i < s.bounds.length; i += 2) pairs.push([s.bounds[i] as T, s.bounds[i + 1] as T]);
    return IntervalSet.of(domain, pairs);
  }

  /** The set of one interval [lo, hi] (lo ≤ hi, inside the domain): no sorting, and a two-slot bound array. */
  static range<T extends number | bigint>(domain: Domain<T>, lo: T, hi: T): IntervalSet<T> {
    if (lo > hi || lo < domain.min || hi > domain.max) {
      throw new RangeError(`interval ${String(lo)}-${String(hi)} outside ${String(domain.min)}-${String(domain.max)}`);
    }
    return new IntervalSet(domain, [lo, hi]);
  }

  /** Builds a set from arbitrary (unsorted, overlapping) inclusive pairs; pairs must lie in the domain. */
  static of<T extends number | bigint>(domain: Domain<T>, pairs: Iterable<readonly [T, T]>): IntervalSet<T> {
    const list: [T, T][] = [];
    for (const [lo, hi] of pairs) {
      if (lo > hi || lo < domain.min || hi > domain.max) {
        throw new RangeError(`interval ${String(lo)}-${String(hi)} outside ${String(domain.min)}-${String(domain.max)}`);
      }
      list.push([lo, hi]);
    }
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: T[] = [];
    for (const [lo, hi] of list) {
      const n = out.length;
      if (n > 0 && lo <= domain.succ(out[n - 1] as T)) {
        if (hi > (out[n - 1] as T)) out[n - 1] = hi;
      } else {
        out.push(lo, hi);
      }
    }
    return new IntervalSet(domain, out);
  }

  /** Number of intervals. */
  get count(): number {
    return this.bounds.length / 2;
  }

  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  isFull(): boolean {
    return this.bounds.length === 2 && this.bounds[0] === this.domain.min && this.bounds[1] === this.domain.max;
  }

  /** The intervals as [lo, hi] pairs. */
  intervals(): [T, T][] {
    const out: [T, T][] = [];
    for (let i = 0; i < this.bounds.length; i += 2) out.push([this.bounds[i] as T, this.bounds[i + 1] as T]);
    return out;
  }

  /** Whether the value lies in the set (binary search). */
  has(x: T): boolean {
    const b = this.bounds;
    let lo = 0;
    let hi = (b.length >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (x < (b[2 * mid] as T)) hi = mid - 1;
      else if (x > (b[2 * mid + 1] as T)) lo = mid + 1;
      else return true;
    }
    return false;
  }

  union(other: IntervalSet<T>): IntervalSet<T> {
    if (other.isEmpty() || this.isFull()) return this;
    if (this.isEmpty() || other.isFull()) return other;
    const a = this.bounds;
    const b = other.bounds;
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      let lo: T;
      let hi: T;
      if (j >= b.length || (i < a.length && (a[i] as T) <= (b[j] as T))) {
        lo = a[i] as T;
        hi = a[i + 1] as T;
        i += 2;
      } else {
        lo = b[j] as T;
        hi = b[j + 1] as T;
        j += 2;
      }
      const n = out.length;
      if (n > 0 && lo <= this.domain.succ(out[n - 1] as T)) {
        if (hi > (out[n - 1] as T)) out[n - 1] = hi;
      } else {
        out.push(lo, hi);
      }
    }
    return new IntervalSet(this.domain, out);
  }

  intersect(other: IntervalSet<T>): IntervalSet<T> {
    if (this.isEmpty() || other.isFull()) return this;
    if (other.isEmpty() || this.isFull()) return other;
    // A small operand against a large one: binary search instead of a full merge (first-match walks do this per rule).
    if (other.bounds.length <= SMALL && this.bounds.length > 4 * SMALL) return this.intersectSmall(other);
    if (this.bounds.length <= SMALL && other.bounds.length > 4 * SMALL) return other.intersectSmall(this);
    const a = this.bounds;
    const b = other.bounds;
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = (a[i] as T) > (b[j] as T) ? (a[i] as T) : (b[j] as T);
      const hi = (a[i + 1] as T) < (b[j + 1] as T) ? (a[i + 1] as T) : (b[j + 1] as T);
      if (lo <= hi) out.push(lo, hi);
      if ((a[i + 1] as T) < (b[j + 1] as T)) i += 2;
      else j += 2;
    }
    return new IntervalSet(this.domain, out);
  }

  /** `this ∩ small` in O(|small| · log |this| + output), for a small `small`. */
  private intersectSmall(small: IntervalSet<T>): IntervalSet<T> {
    const out: T[] = [];
    for (let j = 0; j < small.bounds.length; j += 2) {
      const lo = small.bounds[j] as T;
      const hi = small.bounds[j + 1] as T;
      for (let i = 2 * this.firstEndingAtOrAfter(lo); i < this.bounds.length && (this.bounds[i] as T) <= hi; i += 2) {
        const a = this.bounds[i] as T;
        const b = this.bounds[i + 1] as T;
        out.push(a > lo ? a : lo, b < hi ? b : hi);
      }
    }
    return new IntervalSet(this.domain, out);
  }

  /** Index (in intervals) of the first interval whose end is ≥ x. */
  private firstEndingAtOrAfter(x: T): number {
    return firstEndingAtOrAfter(this.bounds, x);
  }

  complement(): IntervalSet<T> {
    const out: T[] = [];
    let next: T | undefined = this.domain.min;
    for (let i = 0; i < this.bounds.length; i += 2) {
      const lo = this.bounds[i] as T;
      const hi = this.bounds[i + 1] as T;
      if (next !== undefined && lo > next) out.push(next, this.domain.pred(lo));
      next = hi < this.domain.max ? this.domain.succ(hi) : undefined;
    }
    if (next !== undefined) out.push(next, this.domain.max);
    return new IntervalSet(this.domain, out);
  }

  subtract(other: IntervalSet<T>): IntervalSet<T> {
    if (this.isEmpty() || other.isEmpty()) return this;
    return this.subtractMerge(other);
  }

  /**
   * `this − other` in one merge of the two bound lists, without building `other`'s complement first. Linear in the
   * two lists, like any subtraction that copies the untouched intervals, so a small `other` needs no path of its own.
   */
  private subtractMerge(other: IntervalSet<T>): IntervalSet<T> {
    const a = this.bounds;
    const b = other.bounds;
    const out: T[] = [];
    let j = 0;
    for (let i = 0; i < a.length; i += 2) {
      const hi = a[i + 1] as T;
      let lo = a[i] as T;
      let left = true;
      // Cuts that end before this interval cannot touch the later ones either.
      while (j < b.length && (b[j + 1] as T) < lo) j += 2;
      for (let k = j; k < b.length && (b[k] as T) <= hi; k += 2) {
        const cutLo = b[k] as T;
        const cutHi = b[k + 1] as T;
        if (cutLo > lo) out.push(lo, this.domain.pred(cutLo));
        if (cutHi >= hi) {
          left = false;
          break;
        }
        lo = this.domain.succ(cutHi);
      }
      if (left) out.push(lo, hi);
    }
    return new IntervalSet(this.domain, out);
  }

  contains(other: IntervalSet<T>): boolean {
    return other.subtract(this).isEmpty();
  }

  /** Whether the two sets share at least one value (no intersection is built). */
  overlaps(other: IntervalSet<T>): boolean {
    return boundsOverlap(this.bounds, other.bounds);
  }

  equals(other: IntervalSet<T>): boolean {
    if (this.bounds.length !== other.bounds.length) return false;
    for (let i = 0; i < this.bounds.length; i++) if (this.bounds[i] !== other.bounds[i]) return false;
    return true;
  }

  /** Smallest value, if any. */
  first(): T | undefined {
    return this.bounds[0];
  }

  /** Largest value, if any. */
  last(): T | undefined {
    return this.bounds[this.bounds.length - 1];
  }
}
