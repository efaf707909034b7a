import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CoverTree } from '../../../src/analyses/anomalies/cover-tree.js';
import { cells, geometry, inside, prng, shapes } from './random-shapes.js';

for (const swap of [false, true]) {
  test(`covered exactly when every cell lies in an inserted box; owners are inserted boxes touching it (swap=${swap})`, () => {
    for (let seed = 1; seed <= 30; seed++) {
      const list = shapes(prng(100 + seed), 25);
      const tree = new CoverTree(geometry(list), swap);
      list.forEach((q, i) => {
        const owners = new Set<number>();
        const covered = tree.covers(q, owners);
        const expected = cells(q).every(([k, a]) => list.slice(0, i).some((s) => inside(s, k, a)));
        assert.is(covered, expected, `seed ${seed} box ${i}`);
        if (covered) {
          for (const o of owners) assert.ok(o < i && cells(q).some(([k, a]) => inside(list[o] as typeof q, k, a)), `seed ${seed} box ${i} owner ${o}`);
          // The owners alone cover the box.
          assert.ok(cells(q).every(([k, a]) => [...owners].some((o) => inside(list[o] as typeof q, k, a))), `seed ${seed} box ${i} owners cover`);
        }
        tree.insert(i, q);
      });
    }
  });
}

test.run();
