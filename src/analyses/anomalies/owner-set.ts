/**
 * @fileoverview A set of item positions (0 ≤ owner < size) that is cleared in O(1) and lists its members in
 * ascending order: for collecting the owners a structure query meets, once per rule, without a Set per rule.
 */

export class OwnerSet {
  private readonly mark: Int32Array;
  private readonly list: Int32Array;
  private stamp = 1;
  private count = 0;

  constructor(size: number) {
    this.mark = new Int32Array(size);
    this.list = new Int32Array(size);
  }

  /** Empties the set. */
  clear(): void {
    this.stamp++;
    this.count = 0;
  }

  add(owner: number): void {
    if (this.mark[owner] === this.stamp) return;
    this.mark[owner] = this.stamp;
    this.list[this.count++] = owner;
  }

  get size(): number {
    return this.count;
  }

  /** The members, ascending. */
  sorted(): number[] {
    return Array.from(this.list.subarray(0, this.count).sort());
  }
}
