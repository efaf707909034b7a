/**
 * @fileoverview Mutable address-set helpers for long walks over many rules: AddressList (carve ranges out of a set
 * and read what is left of a range, O(log n) each) and AddressUnion (collect sets, union them once at the end).
 * Both hand out immutable AddressSets; nothing mutable leaves the walk that made it.
 */
import { AddressSet, V4_DOMAIN, V6_DOMAIN } from './address-set.js';
import { IntervalList } from './interval-list.js';
import { IntervalSet } from './interval-set.js';

/** A mutable set of addresses, for sets that lose or gain a small range at a time. */
export class AddressList {
  private readonly v4: IntervalList<number>;
  private readonly v6: IntervalList<bigint>;

  constructor(initial: AddressSet) {
    this.v4 = new IntervalList(V4_DOMAIN, initial.v4);
    this.v6 = new IntervalList(V6_DOMAIN, initial.v6);
  }

  isEmpty(): boolean {
    return this.v4.isEmpty() && this.v6.isEmpty();
  }

  /** The addresses of `s` still in the list (cost grows with the intervals of `s`, not of the list). */
  intersect(s: AddressSet): AddressSet {
    if (s.isEmpty()) return s;
    return new AddressSet(part(this.v4, s.v4), part(this.v6, s.v6));
  }

  /** Removes the addresses of `s`. */
  subtract(s: AddressSet): void {
    forEach(s.v4, (lo, hi) => this.v4.removeRange(lo, hi));
    forEach(s.v6, (lo, hi) => this.v6.removeRange(lo, hi));
  }

  /** Adds the addresses of `s`. */
  add(s: AddressSet): void {
    forEach(s.v4, (lo, hi) => this.v4.addRange(lo, hi));
    forEach(s.v6, (lo, hi) => this.v6.addRange(lo, hi));
  }

  toSet(): AddressSet {
    return new AddressSet(this.v4.toSet(), this.v6.toSet());
  }
}

function part<T extends number | bigint>(list: IntervalList<T>, s: IntervalSet<T>): IntervalSet<T> {
  if (s.isEmpty() || list.isEmpty()) return IntervalSet.empty(s.domain);
  const out: T[] = [];
  forEach(s, (lo, hi) => list.intersectRange(lo, hi, out));
  // Pieces of consecutive ranges of `s` are never adjacent (`s` itself has gaps between its intervals).
  return IntervalSet.fromBounds(s.domain, out);
}

function forEach<T extends number | bigint>(s: IntervalSet<T>, f: (lo: T, hi: T) => void): void {
  const b = s.bounds;
  for (let i = 0; i < b.length; i += 2) f(b[i] as T, b[i + 1] as T);
}

/** Collects address sets and unions them in one sort-and-merge per family. */
export class AddressUnion {
  private readonly v4: IntervalSet<number>[] = [];
  private readonly v6: IntervalSet<bigint>[] = [];

  add(s: AddressSet): void {
    if (!s.v4.isEmpty()) this.v4.push(s.v4);
    if (!s.v6.isEmpty()) this.v6.push(s.v6);
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  toSet(): AddressSet {
    if (this.isEmpty()) return AddressSet.NONE;
    return new AddressSet(IntervalSet.unionAll(V4_DOMAIN, this.v4), IntervalSet.unionAll(V6_DOMAIN, this.v6));
  }
}
