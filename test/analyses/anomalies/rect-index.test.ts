import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { contains, overlaps } from '../../../src/analyses/anomalies/flat.js';
import type { Shape } from '../../../src/analyses/anomalies/geometry.js';
import { RectIndex, type Relation } from '../../../src/analyses/anomalies/rect-index.js';
import { prng, shapes } from './random-shapes.js';

const indexed = (list: Shape[]) => list.map((s, index) => ({ ...s, index }));

for (const swap of [false, true]) {
  test(`reports each overlapping box exactly once (swap=${swap})`, () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = prng(200 + seed);
      const list = shapes(rnd, 60);
      const index = new RectIndex(indexed(list), swap);
      for (const q of shapes(rnd, 20)) {
        const got: number[] = [];
        index.forEach(q, (i) => got.push(i));
        const expected = list.flatMap((s, i) => (overlaps(s.keys, q.keys) && overlaps(s.atoms, q.atoms) ? [i] : []));
        assert.equal(got.sort((a, b) => a - b), expected, `seed ${seed}`);
      }
    }
  });

  test(`counted nodes hold exactly the boxes with that relation (swap=${swap})`, () => {
    const relate = (s: Shape, q: Shape): Relation => (contains(q.keys, s.keys) && contains(q.atoms, s.atoms) ? 'inside' : contains(s.keys, q.keys) && contains(s.atoms, q.atoms) ? 'around' : 'cross');
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = prng(300 + seed);
      const list = shapes(rnd, 200);
      const index = new RectIndex(indexed(list), swap);
      for (const q of shapes(rnd, 20)) {
        const got = { inside: 0, around: 0, cross: 0 };
        index.forEachOrCount(
          q,
          (i) => got[relate(list[i] as Shape, q)]++,
          (r, n) => ((got[r] += n), true),
        );
        const expected = { inside: 0, around: 0, cross: 0 };
        for (const s of list) if (overlaps(s.keys, q.keys) && overlaps(s.atoms, q.atoms)) expected[relate(s, q)]++;
        assert.equal(got, expected, `seed ${seed}`);
      }
    }
  });
}

test('an empty index reports nothing', () => {
  const index = new RectIndex([], false);
  const got: number[] = [];
  index.forEach({ keys: [0, 5], atoms: [0, 5] }, (i) => got.push(i));
  assert.equal(got, []);
});

test.run();
