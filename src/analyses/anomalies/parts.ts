/**
 * @fileoverview The parts of a painter query, `[lo, hi, best owner]` triples, in reusable typed-array buffers: one
 * pair of buffers per tree depth, so a query allocates nothing once the buffers have grown. A list is a buffer and a
 * length in numbers; a list passed down the tree stays valid until the caller's next step at its own depth.
 */

/** Best owner of a part no paint covers. */
export const NONE = Number.POSITIVE_INFINITY;

/** Grows-only scratch buffers, two per depth (`improved` lists and `open` lists). */
export class PartBuffers {
  private readonly improved: Float64Array[] = [];
  private readonly open: Float64Array[] = [];

  /** The improved-list buffer of a depth, with room for at least `n` numbers. */
  improvedAt(depth: number, n: number): Float64Array {
    return grown(this.improved, depth, n);
  }

  /** The open-list buffer of a depth, with room for at least `n` numbers. */
  openAt(depth: number, n: number): Float64Array {
    return grown(this.open, depth, n);
  }
}

function grown(list: Float64Array[], depth: number, n: number): Float64Array {
  const b = list[depth];
  if (b !== undefined && b.length >= n) return b;
  const next = new Float64Array(Math.max(n, 2 * (b?.length ?? 48)));
  list[depth] = next;
  return next;
}

/** Offset of the first triple of `p[0, n)` whose end is ≥ x (n when none). */
export function firstTriple(p: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p[3 * mid + 1] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}

/**
 * Splits the parts `parts[0, n)` where a piece of `own` has a smaller owner than the part's best, writing into `out`
 * (room for n + 2 · own.length numbers). Returns the new length, or -1 when nothing changed (out is then unused).
 */
export function improveInto(parts: Float64Array, n: number, own: readonly number[], out: Float64Array): number {
  let w = -1;
  for (let k = 0; k < n; k += 3) {
    const lo = parts[k] as number;
    const hi = parts[k + 1] as number;
    const best = parts[k + 2] as number;
    let cur = lo;
    for (let j = firstTriple(own, own.length, lo); j < own.length && (own[j] as number) <= hi; j += 3) {
      const owner = own[j + 2] as number;
      if (owner >= best) continue;
      if (w < 0) {
        out.set(parts.subarray(0, k));
        w = k;
      }
      const plo = Math.max(lo, own[j] as number);
      if (plo > cur) {
        out[w++] = cur;
        out[w++] = plo - 1;
        out[w++] = best;
      }
      const phi = Math.min(hi, own[j + 1] as number);
      out[w++] = plo;
      out[w++] = phi;
      out[w++] = owner;
      cur = phi + 1;
    }
    if (w >= 0 && cur <= hi) {
      out[w++] = cur;
      out[w++] = hi;
      out[w++] = best;
    }
  }
  return w;
}

/** Calls `visit` with the best owner of each part in order; false at the first unpainted part or false visit. */
export function reportParts(parts: Float64Array, n: number, visit: (owner: number) => boolean): boolean {
  for (let k = 2; k < n; k += 3) {
    const best = parts[k] as number;
    if (best === NONE || !visit(best)) return false;
  }
  return true;
}

/** Smallest and largest best owner of a list (NONE and -Infinity when it is empty). */
export interface BestRange {
  readonly min: number;
  readonly max: number;
}

/** The best range of `parts[0, n)`. */
export function bestRange(parts: Float64Array, n: number): BestRange {
  let min = NONE;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 2; k < n; k += 3) {
    const b = parts[k] as number;
    if (b < min) min = b;
    if (b > max) max = b;
  }
  return { min, max };
}
