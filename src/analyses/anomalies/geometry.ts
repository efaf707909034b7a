/**
 * @fileoverview Coordinate compression of a group's boxes: key boundaries become elementary key segments and address
 * boundaries (IPv4 numbers, IPv6 bigints) become address atoms, both plain small integers. Set relations between
 * boxes (overlap, containment, coverage by a union) are unchanged by the compression.
 */
import type { AddressSet } from '../../model/address-set.js';
import type { Rule } from '../../model/rule.js';
import { actionClass, type ActionClass, type RawBox } from './box.js';
import { contains as containsFlat, type Flat } from './flat.js';

/** A box in compressed coordinates. */
export interface Shape {
  /** Flat key-segment index intervals. */
  readonly keys: Flat;
  /** Flat address-atom index intervals. */
  readonly atoms: Flat;
}

/** One analysed rule of a group. */
export interface Item extends Shape {
  readonly rule: Rule;
  /** Position in the group (chain order for first-match, rule-set order for Windows). */
  readonly index: number;
  readonly cls: ActionClass;
  readonly certain: boolean;
  readonly size: number;
  /** Matches everything the group can see (box.ts). */
  readonly universal: boolean;
}

/** The items of a group, the number of key segments and the number of address atoms. */
export interface Geometry {
  readonly items: readonly Item[];
  readonly segments: number;
  readonly atoms: number;
}

/** Compresses the raw boxes (in group order) into items. */
export function compress(boxes: readonly RawBox[]): Geometry {
  const keyCuts = cutsOf(boxes.map((b) => b.keys));
  const v4Cuts = cutsOf(boxes.map((b) => b.addrs.v4.bounds));
  const v6Cuts = bigCutsOf(boxes.map((b) => b.addrs.v6.bounds));
  const v6Offset = Math.max(0, v4Cuts.length - 1);
  const atoms = atomMapper(v4Cuts, v6Cuts, v6Offset);
  const items = boxes.map((b, index): Item => ({
    rule: b.rule,
    index,
    cls: actionClass(b.rule.action),
    certain: b.certain,
    size: b.size,
    universal: b.universal,
    keys: mapFlat(b.keys, keyCuts),
    atoms: atoms(b.addrs),
  }));
  return { items, segments: Math.max(1, keyCuts.length - 1), atoms: Math.max(1, v6Offset + Math.max(0, v6Cuts.length - 1)) };
}

/**
 * Sorted distinct cut points (every lo and hi + 1) of flat interval lists. A list object met again adds nothing new
 * (rules share address sets: every "any" rule has the same bounds), so each list object is read once.
 */
export function cutsOf(lists: readonly (readonly number[])[]): Float64Array {
  const distinct = new Set(lists);
  let n = 0;
  for (const l of distinct) n += l.length;
  const arr = new Float64Array(n);
  let w = 0;
  for (const l of distinct) {
    for (let i = 0; i < l.length; i += 2) {
      arr[w++] = l[i] as number;
      arr[w++] = (l[i + 1] as number) + 1;
    }
  }
  arr.sort();
  let u = 0;
  for (let i = 0; i < arr.length; i++) if (u === 0 || arr[i] !== arr[u - 1]) arr[u++] = arr[i] as number;
  return arr.subarray(0, u);
}

/** Sorted distinct cut points of flat bigint interval lists. */
export function bigCutsOf(lists: readonly (readonly bigint[])[]): bigint[] {
  const values: bigint[] = [];
  for (const l of new Set(lists)) for (let i = 0; i < l.length; i += 2) values.push(l[i] as bigint, (l[i + 1] as bigint) + 1n);
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

/** Maps a normalized flat list onto cut indices (monotone, so the result stays normalized). */
export function mapFlat(flat: readonly number[], cutList: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(search(cutList, flat[i] as number), search(cutList, (flat[i + 1] as number) + 1) - 1);
  return out;
}

/**
 * Address sets as flat atom-index intervals (IPv6 atoms follow the IPv4 ones at `v6Offset`), each distinct set
 * object mapped once: rules share sets (every "any" rule has the same one, whose IPv6 half is searched with bigints).
 */
export function atomMapper(v4: Float64Array, v6: readonly bigint[], v6Offset: number): (a: AddressSet) => Flat {
  const known = new Map<AddressSet, Flat>();
  return (a) => {
    let f = known.get(a);
    if (f === undefined) known.set(a, (f = atomsOf(a, v4, v6, v6Offset)));
    return f;
  };
}

function atomsOf(a: AddressSet, v4: Float64Array, v6: readonly bigint[], v6Offset: number): number[] {
  const out = mapFlat(a.v4.bounds, v4);
  const b6 = a.v6.bounds;
  for (let i = 0; i < b6.length; i += 2) {
    const lo = v6Offset + searchBig(v6, b6[i] as bigint);
    const hi = v6Offset + searchBig(v6, (b6[i + 1] as bigint) + 1n) - 1;
    if (out.length > 0 && lo === (out[out.length - 1] as number) + 1) out[out.length - 1] = hi;
    else out.push(lo, hi);
  }
  return out;
}

/** Index of `x` in the sorted list (x is always present). */
function search(list: Float64Array, x: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function searchBig(list: readonly bigint[], x: bigint): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as bigint) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether item `a`'s box contains item `b`'s box. */
export function shapeContains(a: Shape, b: Shape): boolean {
  return containsFlat(a.keys, b.keys) && containsFlat(a.atoms, b.atoms);
}
