/**
 * @fileoverview Coordinate compression of a group's boxes: key boundaries become elementary key segments and address
 * boundaries (IPv4 numbers, IPv6 bigints) become address atoms, both plain small integers. Set relations between
 * boxes (overlap, containment, coverage by a union) are unchanged by the compression.
 */
import type { AddressSet } from '../../model/address-set.js';
import type { Rule } from '../../model/rule.js';
import { actionClass, type ActionClass, type RawBox } from './box.js';
import { contains as containsFlat, normalize, type Flat } from './flat.js';

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
}

/** The items of a group and the number of key segments. */
export interface Geometry {
  readonly items: readonly Item[];
  readonly segments: number;
}

/** Compresses the raw boxes (in group order) into items. */
export function compress(boxes: readonly RawBox[]): Geometry {
  const keyCuts = sortedUnique(boxes.flatMap((b) => cuts(b.keys)));
  const v4Cuts = sortedUnique(boxes.flatMap((b) => b.addrs.v4.bounds.flatMap((x, i) => (i % 2 === 0 ? [x] : [x + 1]))));
  const v6Cuts = sortedUniqueBig(boxes.flatMap((b) => b.addrs.v6.bounds.map((x, i) => (i % 2 === 0 ? x : x + 1n))));
  const v6Offset = Math.max(0, v4Cuts.length - 1);
  const items = boxes.map((b, index): Item => ({
    rule: b.rule,
    index,
    cls: actionClass(b.rule.action),
    certain: b.certain,
    size: b.size,
    keys: mapFlat(b.keys, keyCuts),
    atoms: atomsOf(b.addrs, v4Cuts, v6Cuts, v6Offset),
  }));
  return { items, segments: Math.max(1, keyCuts.length - 1) };
}

function cuts(flat: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(flat[i] as number, (flat[i + 1] as number) + 1);
  return out;
}

function mapFlat(flat: readonly number[], cutList: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(search(cutList, flat[i] as number), search(cutList, (flat[i + 1] as number) + 1) - 1);
  return normalize(out);
}

function atomsOf(a: AddressSet, v4: Float64Array, v6: readonly bigint[], v6Offset: number): number[] {
  const out: number[] = [];
  const b4 = a.v4.bounds;
  for (let i = 0; i < b4.length; i += 2) out.push(search(v4, b4[i] as number), search(v4, (b4[i + 1] as number) + 1) - 1);
  const b6 = a.v6.bounds;
  for (let i = 0; i < b6.length; i += 2) out.push(v6Offset + searchBig(v6, b6[i] as bigint), v6Offset + searchBig(v6, (b6[i + 1] as bigint) + 1n) - 1);
  return normalize(out);
}

function sortedUnique(values: number[]): Float64Array {
  const arr = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[n - 1]) arr[n++] = arr[i] as number;
  return arr.subarray(0, n);
}

function sortedUniqueBig(values: bigint[]): bigint[] {
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
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
