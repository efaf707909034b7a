import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Item } from '../../../src/analyses/anomalies/geometry.js';
import { PairHeap } from '../../../src/analyses/anomalies/pair-heap.js';
import { prng } from './random-shapes.js';

const item = (index: number) => ({ index }) as unknown as Item;

test('keeps the smallest pairs by (later, earlier) whatever the order they come in', () => {
  const rnd = prng(7);
  const pairs: [number, number][] = [];
  for (let later = 1; later < 30; later++) for (let earlier = 0; earlier < later; earlier++) if (rnd() < 0.3) pairs.push([earlier, later]);
  const shuffled = [...pairs].sort(() => rnd() - 0.5);
  for (const cap of [0, 1, 7, pairs.length + 5]) {
    const heap = new PairHeap(cap);
    for (const [e, l] of shuffled) heap.offer(item(e), item(l));
    const expected = [...pairs].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, cap);
    assert.equal(heap.sorted().map(([e, l]) => [e.index, l.index]), expected, `capacity ${cap}`);
  }
});

test.run();
