/**
 * @fileoverview Binary search over flat interval bounds [lo0, hi0, lo1, hi1, …] (sorted, disjoint): the one search
 * every interval structure here needs (IntervalSet, IntervalList, the occlusion tree, the anomaly flats).
 */

/** Index (in intervals, not bounds) of the first interval whose end is ≥ x; the interval count when there is none. */
export function firstEndingAtOrAfter<T extends number | bigint>(bounds: readonly T[], x: T): number {
  let lo = 0;
  let hi = bounds.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bounds[2 * mid + 1] as T) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
