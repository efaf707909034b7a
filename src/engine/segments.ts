/**
 * @fileoverview Elementary port segments: splits a required port range at every boundary of the rules touching
 * it, so that within one segment each rule either covers every port or none.
 */
import type { PortSet } from '../model/port-set.js';

/** Segments [lo, hi] of [from, to] cut at the boundaries of `covers`. */
export function segmentsOf(from: number, to: number, covers: readonly PortSet[]): [number, number][] {
  const cuts = new Set<number>([from]);
  for (const cover of covers) {
    for (const [lo, hi] of cover.intervals()) {
      if (hi < from || lo > to) continue;
      if (lo > from) cuts.add(lo);
      if (hi < to) cuts.add(hi + 1);
    }
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((s, i) => [s, i + 1 < starts.length ? (starts[i + 1] as number) - 1 : to]);
}
