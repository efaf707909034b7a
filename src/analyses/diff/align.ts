/**
 * @fileoverview Common subsequences of two key lists: the minimal edit script of the `diff` package (Myers) when
 * the lists differ in few places, else (so two unrelated 10,000-rule exports do not take minutes) the longest
 * increasing run of k-th-occurrence pairs, which is linearithmic and still deterministic.
 */
import { diffArrays } from 'diff';

/** Above this many edits the minimal diff is given up for the linearithmic alignment. */
export const MAX_EDITS = 2000;

/** Index pairs [i, j] (a[i] === b[j]), increasing in both, of a long common subsequence. */
export function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const changes = diffArrays([...a], [...b], { maxEditLength: MAX_EDITS });
  if (changes === undefined) return increasingPairs(a, b);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const ch of changes) {
    if (!ch.added && !ch.removed) for (let k = 0; k < ch.count; k++) out.push([i + k, j + k]);
    if (!ch.added) i += ch.count;
    if (!ch.removed) j += ch.count;
  }
  return out;
}

/** Pairs the k-th occurrence of each key on both sides, then keeps the longest run increasing on both sides. */
function increasingPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const positions = new Map<string, number[]>();
  b.forEach((key, j) => {
    const list = positions.get(key);
    if (list === undefined) positions.set(key, [j]);
    else list.push(j);
  });
  const pairs: [number, number][] = [];
  a.forEach((key, i) => {
    const j = positions.get(key)?.shift();
    if (j !== undefined) pairs.push([i, j]);
  });
  // Patience sorting on j: tails[k] = index into pairs of the smallest tail of an increasing run of length k+1.
  const tails: number[] = [];
  const prev: number[] = [];
  pairs.forEach(([, j], p) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < j) lo = mid + 1;
      else hi = mid;
    }
    prev[p] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = p;
  });
  const out: [number, number][] = [];
  for (let p = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; p >= 0; p = prev[p] as number) out.push(pairs[p] as [number, number]);
  return out.reverse();
}
