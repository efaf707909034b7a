/**
 * @fileoverview The `capacity` smallest pairs seen, ordered by (later rule position, earlier rule position): a binary
 * max-heap, so a stream of any length is reduced to its first pairs in O(log capacity) each.
 */
import type { Item } from './geometry.js';

type Pair = [Item, Item];

function less(a: Pair, b: Pair): boolean {
  return a[1].index < b[1].index || (a[1].index === b[1].index && a[0].index < b[0].index);
}

export class PairHeap {
  private readonly heap: Pair[] = [];

  constructor(private readonly capacity: number) {}

  /** Whether no pair whose later rule is at position `later` or beyond can be kept any more. */
  closedFrom(later: number): boolean {
    if (this.heap.length < this.capacity) return false;
    const top = this.heap[0];
    return top === undefined || later > top[1].index;
  }

  /** Keeps the pair if it is among the `capacity` smallest so far. */
  offer(earlier: Item, later: Item): void {
    if (this.capacity <= 0) return;
    const pair: Pair = [earlier, later];
    if (this.heap.length < this.capacity) {
      this.heap.push(pair);
      this.up(this.heap.length - 1);
    } else if (less(pair, this.heap[0] as Pair)) {
      this.heap[0] = pair;
      this.down(0);
    }
  }

  /** The kept pairs, smallest first. */
  sorted(): Pair[] {
    return [...this.heap].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(this.heap[parent] as Pair, this.heap[i] as Pair)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      let top = i;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < this.heap.length && less(this.heap[top] as Pair, this.heap[c] as Pair)) top = c;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as Pair;
    this.heap[i] = this.heap[j] as Pair;
    this.heap[j] = t;
  }
}
