import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OwnerSet } from '../../../src/analyses/anomalies/owner-set.js';
import { Painter } from '../../../src/analyses/anomalies/painter.js';
import { addPieces, forOverlappingPieces, minusPieces } from '../../../src/analyses/anomalies/pieces.js';
import * as ref from './reference-painter.js';
import { ATOMS, KEYS, prng, shapes } from './random-shapes.js';

/** Random disjoint sorted intervals over [0, size) with gaps, `n` at most; `adjacent` lets neighbours touch. */
function flat(rnd: () => number, size: number, n: number, adjacent = false): number[] {
  const out: number[] = [];
  let cur = Math.floor(rnd() * 3);
  for (let i = 0; i < n && cur < size; i++) {
    const hi = Math.min(size - 1, cur + Math.floor(rnd() * 4));
    out.push(cur, hi);
    cur = hi + (adjacent && rnd() < 0.3 ? 1 : 2 + Math.floor(rnd() * 4));
  }
  return out;
}

/** A piece list (disjoint, sorted) with owners from a small range, so that same-owner neighbours occur. */
function pieceList(rnd: () => number, size: number, n: number): number[] {
  const f = flat(rnd, size, n, true);
  const out: number[] = [];
  for (let i = 0; i < f.length; i += 2) out.push(f[i] as number, f[i + 1] as number, Math.floor(rnd() * 4));
  return out;
}

test('minusPieces and forOverlappingPieces agree with the reference, few and many pieces', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const rnd = prng(seed);
    const p = pieceList(rnd, 200, 1 + Math.floor(rnd() * 40));
    const atoms = flat(rnd, 200, 1 + Math.floor(rnd() * 40));
    assert.equal([...minusPieces(p, atoms)], [...ref.minusPieces(p, atoms)], `seed ${seed} minus`);
    const seen: number[] = [];
    forOverlappingPieces(p, atoms, (o) => void seen.push(o));
    const expected: number[] = [];
    for (let k = 0; k < p.length; k += 3) {
      const touches = atoms.some((_, i) => i % 2 === 0 && (atoms[i] as number) <= (p[k + 1] as number) && (atoms[i + 1] as number) >= (p[k] as number));
      if (touches) expected.push(p[k + 2] as number);
    }
    assert.equal(seen, expected, `seed ${seed} overlapping pieces, once each, in piece order`);
  }
});

test('addPieces (merge pass for many atoms) builds the same list as inserting one by one', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const rnd = prng(1000 + seed);
    const p = pieceList(rnd, 300, Math.floor(rnd() * 30));
    const free = ref.minusPieces(p, [0, 299]);
    // Atoms that no piece overlaps: a random subset of the free intervals, possibly touching pieces of the owner.
    const atoms: number[] = [];
    for (let i = 0; i < free.length; i += 2) if (rnd() < 0.7) atoms.push(free[i] as number, free[i + 1] as number);
    const owner = Math.floor(rnd() * 4);
    assert.equal(addPieces([...p], atoms, owner), ref.addPieces([...p], atoms, owner), `seed ${seed}`);
  }
});

/** Every visit of a query, the outcome, with a stop rule and a node budget. */
function trace(owners: (visit: (o: number) => boolean, budget: number) => string, stopAt: number, budget: number): string {
  const seen: number[] = [];
  const outcome = owners((o) => (seen.push(o), seen.length < stopAt), budget);
  return `${outcome} ${seen.join(',')}`;
}

for (const swap of [false, true]) {
  for (const union of [false, true]) {
    test(`painter: the same owners in the same order and the same outcome as the reference (swap=${swap}, union=${union})`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const rnd = prng(2000 + seed);
        const list = shapes(rnd, 40);
        const size = swap ? ATOMS : KEYS;
        const p = new Painter(size, swap, union);
        const r = new ref.ReferencePainter(size, swap, union);
        const order = union ? list.map((_, i) => i) : list.map((_, i) => list.length - 1 - i);
        for (const i of order) {
          const q = list[i] as (typeof list)[number];
          for (const [stopAt, budget] of [[Infinity, Infinity], [3, Infinity], [Infinity, 6], [5, 12]] as const) {
            const got = trace((v, b) => p.owners(q, v, b), stopAt, budget);
            const want = trace((v, b) => r.owners(q, v, b), stopAt, budget);
            assert.is(got, want, `seed ${seed} box ${i} stop ${stopAt} budget ${budget}`);
          }
          p.paint(i, q);
          r.paint(i, q);
        }
      }
    });
  }
}

test('owner set: members once each, ascending, emptied by clear', () => {
  const s = new OwnerSet(10);
  for (const o of [7, 2, 7, 9, 0, 2]) s.add(o);
  assert.equal(s.sorted(), [0, 2, 7, 9]);
  assert.is(s.size, 4);
  s.clear();
  assert.equal(s.sorted(), []);
  s.add(7);
  assert.equal(s.sorted(), [7]);
});

test.run();
