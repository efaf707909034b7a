/**
 * @fileoverview Binary search over flat interval bounds [lo0, hi0, lo1, hi1, …] (sorted, disjoint): the one search
 * every interval structure here needs (IntervalSet, IntervalList, the occlusion tree, the anomaly flats), and the
 * overlap test built on it.
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

/** Whether two flat bound lists share a value: each interval of the shorter list is looked up in the longer one. */
export function boundsOverlap<T extends number | bigint>(a: readonly T[], b: readonly T[]): boolean {
  const small = a.length <= b.length ? a : b;
  const large = small === a ? b : a;
  for (let j = 0; j < small.length; j += 2) {
    const k = 2 * firstEndingAtOrAfter(large, small[j] as T);
    if (k < large.length && (large[k] as T) <= (small[j + 1] as T)) return true;
  }
  return false;
}
