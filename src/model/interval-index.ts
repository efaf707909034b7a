/**
 * @fileoverview A static interval tree: which items touch a value range, in O(log n + k).
 * Built once from (lo, hi, item) entries over numbers; stored in typed arrays as an implicit
 * balanced tree over entries sorted by `lo`, each node holding the max `hi` of its subtree.
 */

export class IntervalIndex {
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly item: Int32Array;
  private readonly maxHi: Float64Array;

  /** `entries` are [lo, hi, itemIndex]; an item may have several entries. */
  constructor(entries: readonly (readonly [number, number, number])[]) {
    const sorted = [...entries].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const n = sorted.length;
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.item = new Int32Array(n);
    this.maxHi = new Float64Array(n);
    sorted.forEach(([l, h, i], k) => {
      this.lo[k] = l;
      this.hi[k] = h;
      this.item[k] = i;
    });
    this.build(0, n - 1);
  }

  get size(): number {
    return this.lo.length;
  }

  private build(a: number, b: number): number {
    if (a > b) return -Infinity;
    const m = (a + b) >> 1;
    const left = this.build(a, m - 1);
    const right = this.build(m + 1, b);
    const v = Math.max(this.hi[m] as number, left, right);
    this.maxHi[m] = v;
    return v;
  }

  /**
   * Calls `visit(item)` for every entry overlapping [qlo, qhi] (inclusive). An item with several
   * overlapping entries is visited once per entry; use `query` for a de-duplicated sorted list.
   */
  forEachOverlap(qlo: number, qhi: number, visit: (item: number) => void): void {
    const stack: number[] = [0, this.lo.length - 1];
    while (stack.length > 0) {
      const b = stack.pop() as number;
      const a = stack.pop() as number;
      if (a > b) continue;
      const m = (a + b) >> 1;
      if ((this.maxHi[m] as number) < qlo) continue;
      stack.push(a, m - 1);
      if ((this.lo[m] as number) > qhi) continue;
      if ((this.hi[m] as number) >= qlo) visit(this.item[m] as number);
      stack.push(m + 1, b);
    }
  }

  /** Sorted, de-duplicated items touching [qlo, qhi]. */
  query(qlo: number, qhi: number): number[] {
    const seen = new Set<number>();
    this.forEachOverlap(qlo, qhi, (i) => seen.add(i));
    return [...seen].sort((x, y) => x - y);
  }
}
