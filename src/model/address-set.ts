/**
 * @fileoverview Address sets over IPv4 (numbers) and IPv6 (bigints) as interval sets.
 * Text parsing and printing live in ip.ts; this file only does set algebra.
 */
import { BIGINT_OPS, IntervalSet, NUMBER_OPS, type Domain } from './interval-set.js';

export type Family = 'ipv4' | 'ipv6';

export const V4_DOMAIN: Domain<number> = { min: 0, max: 0xffffffff, ...NUMBER_OPS };
export const V6_DOMAIN: Domain<bigint> = { min: 0n, max: (1n << 128n) - 1n, ...BIGINT_OPS };

/** Immutable set of IPv4 and IPv6 addresses. */
export class AddressSet {
  constructor(
    readonly v4: IntervalSet<number>,
    readonly v6: IntervalSet<bigint>,
  ) {}

  static readonly NONE = new AddressSet(IntervalSet.empty(V4_DOMAIN), IntervalSet.empty(V6_DOMAIN));
  static readonly ANY = new AddressSet(IntervalSet.full(V4_DOMAIN), IntervalSet.full(V6_DOMAIN));
  static readonly ANY_V4 = new AddressSet(IntervalSet.full(V4_DOMAIN), IntervalSet.empty(V6_DOMAIN));
  static readonly ANY_V6 = new AddressSet(IntervalSet.empty(V4_DOMAIN), IntervalSet.full(V6_DOMAIN));

  /** Every address of the given families. */
  static anyOf(families: readonly Family[]): AddressSet {
    const v4 = families.includes('ipv4');
    const v6 = families.includes('ipv6');
    if (v4 && v6) return AddressSet.ANY;
    if (v4) return AddressSet.ANY_V4;
    if (v6) return AddressSet.ANY_V6;
    return AddressSet.NONE;
  }

  static v4Range(lo: number, hi: number): AddressSet {
    return new AddressSet(IntervalSet.range(V4_DOMAIN, lo, hi), IntervalSet.empty(V6_DOMAIN));
  }

  static v6Range(lo: bigint, hi: bigint): AddressSet {
    return new AddressSet(IntervalSet.empty(V4_DOMAIN), IntervalSet.range(V6_DOMAIN, lo, hi));
  }

  isEmpty(): boolean {
    return this.v4.isEmpty() && this.v6.isEmpty();
  }

  /** Whether both families are complete. */
  isAny(): boolean {
    return this.v4.isFull() && this.v6.isFull();
  }

  union(o: AddressSet): AddressSet {
    if (o.isEmpty()) return this;
    if (this.isEmpty()) return o;
    return new AddressSet(this.v4.union(o.v4), this.v6.union(o.v6));
  }

  intersect(o: AddressSet): AddressSet {
    return new AddressSet(this.v4.intersect(o.v4), this.v6.intersect(o.v6));
  }

  subtract(o: AddressSet): AddressSet {
    if (o.isEmpty() || this.isEmpty()) return this;
    return new AddressSet(this.v4.subtract(o.v4), this.v6.subtract(o.v6));
  }

  /** Complement within both families. */
  complement(): AddressSet {
    return new AddressSet(this.v4.complement(), this.v6.complement());
  }

  /** Whether `o` is a subset of this set. */
  contains(o: AddressSet): boolean {
    return this.v4.contains(o.v4) && this.v6.contains(o.v6);
  }

  overlaps(o: AddressSet): boolean {
    return this.v4.overlaps(o.v4) || this.v6.overlaps(o.v6);
  }

  equals(o: AddressSet): boolean {
    return this.v4.equals(o.v4) && this.v6.equals(o.v6);
  }

  /** Restricts the set to the given families. */
  only(families: readonly Family[]): AddressSet {
    return this.intersect(AddressSet.anyOf(families));
  }
}
