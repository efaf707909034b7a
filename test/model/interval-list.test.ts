/**
 * @fileoverview The mutable IntervalList and the AddressList/AddressUnion built on it agree with the immutable
 * IntervalSet/AddressSet algebra after every operation of random sequences: removals, additions (touching and
 * overlapping neighbours, domain ends), range reads. Starting sets of up to 300 intervals force chunk splits and
 * removals of whole chunks (a chunk holds 32–128 intervals).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { AddressList, AddressUnion } from '../../src/model/address-list.js';
import { AddressSet, V4_DOMAIN } from '../../src/model/address-set.js';
import { IntervalList } from '../../src/model/interval-list.js';
import { BIGINT_OPS, IntervalSet, NUMBER_OPS, type Domain } from '../../src/model/interval-set.js';

const SMALL: Domain<number> = { min: 0, max: 2000, ...NUMBER_OPS };
const BIG: Domain<bigint> = { min: 0n, max: 2000n, ...BIGINT_OPS };

const range = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 })).map(([lo, w]) => [lo, Math.min(2000, lo + w)] as const);
const op = fc.tuple(fc.constantFrom('remove', 'add', 'read'), range);
const startSet = fc.array(range, { maxLength: 300 }).map((pairs) => IntervalSet.of(SMALL, pairs));
/** Many single points two apart: the most intervals a set of this domain can hold, so chunks split and empty. */
const comb = fc.integer({ min: 0, max: 1 }).map((off) => IntervalSet.of(SMALL, Array.from({ length: 900 }, (_, i) => [2 * i + off, 2 * i + off] as const)));

function replay<T extends number | bigint>(domain: Domain<T>, start: IntervalSet<T>, ops: readonly (readonly [string, readonly [T, T]])[]): void {
  const list = new IntervalList(domain, start);
  let ref = start;
  for (const [kind, [lo, hi]] of ops) {
    const r = IntervalSet.of(domain, [[lo, hi]]);
    if (kind === 'remove') {
      list.removeRange(lo, hi);
      ref = ref.subtract(r);
    } else if (kind === 'add') {
      list.addRange(lo, hi);
      ref = ref.union(r);
    } else {
      const out: T[] = [];
      list.intersectRange(lo, hi, out);
      assert.equal(out, [...ref.intersect(r).bounds], `read ${lo}-${hi}`);
    }
    assert.equal([...list.toSet().bounds], [...ref.bounds], `${kind} ${lo}-${hi}`);
    assert.is(list.isEmpty(), ref.isEmpty());
  }
}

test('IntervalList follows IntervalSet through random operation sequences (number domain)', () => {
  fc.assert(fc.property(fc.oneof(startSet, comb), fc.array(op, { maxLength: 80 }), (start, ops) => replay(SMALL, start, ops)), { numRuns: 400 });
});

test('IntervalList follows IntervalSet with bigint bounds', () => {
  const big = (s: IntervalSet<number>) => IntervalSet.of(BIG, s.intervals().map(([a, b]) => [BigInt(a), BigInt(b)] as const));
  fc.assert(
    fc.property(fc.oneof(startSet, comb), fc.array(op, { maxLength: 60 }), (start, ops) =>
      replay(BIG, big(start), ops.map(([k, [lo, hi]]) => [k, [BigInt(lo), BigInt(hi)]] as const)),
    ),
    { numRuns: 150 },
  );
});

test('IntervalList handles the domain ends (add next to 0 and max, remove everything)', () => {
  const list = new IntervalList(V4_DOMAIN, IntervalSet.of(V4_DOMAIN, [[0, 0], [0xffffffff, 0xffffffff]]));
  list.addRange(1, 5);
  list.addRange(0xfffffff0, 0xfffffffe);
  assert.equal([...list.toSet().bounds], [0, 5, 0xfffffff0, 0xffffffff]);
  list.removeRange(0, 0xffffffff);
  assert.ok(list.isEmpty());
  assert.ok(list.toSet().isEmpty());
});

const v4set = fc.array(range, { maxLength: 40 }).map((pairs) => new AddressSet(IntervalSet.of(V4_DOMAIN, pairs), AddressSet.NONE.v6));

test('AddressList and AddressUnion agree with AddressSet algebra', () => {
  fc.assert(
    fc.property(v4set, fc.array(fc.tuple(fc.constantFrom('subtract', 'add', 'intersect'), v4set), { maxLength: 40 }), (start, ops) => {
      const list = new AddressList(start);
      const union = new AddressUnion();
      let ref = start;
      let refUnion = AddressSet.NONE;
      for (const [kind, s] of ops) {
        if (kind === 'subtract') {
          list.subtract(s);
          ref = ref.subtract(s);
        } else if (kind === 'add') {
          list.add(s);
          ref = ref.union(s);
        } else {
          assert.ok(list.intersect(s).equals(ref.intersect(s)), 'intersect');
        }
        union.add(s);
        refUnion = refUnion.union(s);
        assert.ok(list.toSet().equals(ref), kind);
      }
      assert.ok(union.toSet().equals(refUnion), 'union');
      assert.is(union.isEmpty(), refUnion.isEmpty());
    }),
    { numRuns: 300 },
  );
});

test.run();
