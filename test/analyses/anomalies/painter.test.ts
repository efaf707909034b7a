import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Painter } from '../../../src/analyses/anomalies/painter.js';
import { ATOMS, KEYS, cells, inside, prng, shapes } from './random-shapes.js';

/** Owner of a cell after painting boxes last..from (reverse order): the smallest index containing it. */
function firstOwner(list: ReturnType<typeof shapes>, from: number, k: number, a: number): number | undefined {
  for (let i = from; i < list.length; i++) if (inside(list[i] as (typeof list)[number], k, a)) return i;
  return undefined;
}

for (const swap of [false, true]) {
  test(`painting from last to first: owners are the first matchers, per cell (swap=${swap})`, () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = prng(seed);
      const list = shapes(rnd, 25);
      const p = new Painter(swap ? ATOMS : KEYS, swap);
      for (let i = list.length - 1; i >= 0; i--) {
        const q = list[i] as (typeof list)[number];
        const seen = new Set<number>();
        const complete = p.owners(q, (o) => (seen.add(o), true)) === 'complete';
        const expected = cells(q).map(([k, a]) => firstOwner(list, i + 1, k, a));
        assert.is(complete, expected.every((o) => o !== undefined), `seed ${seed} box ${i} completeness`);
        if (complete) assert.equal([...seen].sort((x, y) => x - y), [...new Set(expected as number[])].sort((x, y) => x - y), `seed ${seed} box ${i} owners`);
        p.paint(i, q);
      }
    }
  });
}

for (const swap of [false, true]) {
  test(`union mode, any paint order: complete exactly when every cell is painted (swap=${swap})`, () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = prng(500 + seed);
      const list = shapes(rnd, 25);
      const p = new Painter(swap ? ATOMS : KEYS, swap, true);
      list.forEach((q, i) => {
        const seen = new Set<number>();
        const complete = p.owners(q, (o) => (seen.add(o), true)) === 'complete';
        const painted = list.slice(0, i);
        assert.is(complete, cells(q).every(([k, a]) => painted.some((s) => inside(s, k, a))), `seed ${seed} box ${i}`);
        for (const o of seen) assert.ok(o < i && cells(q).some(([k, a]) => inside(list[o] as typeof q, k, a)), `seed ${seed} owner ${o}`);
        p.paint(i, q);
      });
    }
  });
}

test('a visit returning false stops the query; an unpainted point too; the node budget ends it as exhausted', () => {
  const p = new Painter(KEYS);
  p.paint(1, { keys: [0, 5], atoms: [0, 5] });
  p.paint(0, { keys: [0, 2], atoms: [0, 5] });
  const seen: number[] = [];
  assert.is(p.owners({ keys: [0, 5], atoms: [0, 5] }, (o) => (seen.push(o), o !== 0)), 'stopped');
  assert.equal(seen, [0]);
  assert.is(p.owners({ keys: [0, 6], atoms: [0, 5] }, () => true), 'stopped');
  assert.is(p.owners({ keys: [0, 5], atoms: [0, 5] }, () => true), 'complete');
  assert.is(p.owners({ keys: [0, 5], atoms: [0, 5] }, () => true, 2), 'exhausted');
});

test.run();
