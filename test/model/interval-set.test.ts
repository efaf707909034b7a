import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPorts, parsePortList, parsePortToken, ports, ALL_PORTS } from '../../src/model/port-set.js';
import { AddressSet } from '../../src/model/address-set.js';
import { formatAddressSet, parseAddressList, parseAddressToken } from '../../src/model/ip.js';
import { IntervalIndex } from '../../src/model/interval-index.js';
import fc from 'fast-check';

test('port sets merge, intersect, subtract and contain', () => {
  const a = ports([1, 10], [20, 30]);
  const b = ports([5, 25], 31);
  assert.equal(formatPorts(a.union(b)), '1-31');
  assert.equal(formatPorts(a.intersect(b)), '5-10,20-25');
  assert.equal(formatPorts(a.subtract(b)), '1-4,26-30');
  assert.ok(a.contains(ports([2, 3])));
  assert.not.ok(a.contains(ports([9, 21])));
  assert.equal(formatPorts(ALL_PORTS.subtract(ports([0, 1023]))), '1024-65535');
  assert.equal(formatPorts(ports([1, 1], [2, 2], [3, 3])), '1-3');
});

test('port lists parse with both range separators and reject bad input', () => {
  const r = parsePortList('80, 443,1000-2000');
  assert.ok(r.ok && formatPorts(r.set) === '80,443,1000-2000');
  const c = parsePortToken('1024:', ':');
  assert.ok(c.ok && formatPorts(c.set) === '1024-65535');
  const d = parsePortToken(':1023', ':');
  assert.ok(d.ok && formatPorts(d.set) === '0-1023');
  assert.equal(parsePortToken('70000'), { ok: false, error: 'port 70000 out of range 0-65535' });
  assert.equal(parsePortToken('2000-1000'), { ok: false, error: 'reversed port range "2000-1000"' });
  assert.not.ok(parsePortToken('http').ok);
});

test('addresses: prefixes, dotted masks, ranges, IPv6, bad input', () => {
  const ok = (t: string) => {
    const r = parseAddressToken(t);
    if (!r.ok) throw new Error(r.error);
    return formatAddressSet(r.set);
  };
  assert.equal(ok('10.0.0.0/8'), '10.0.0.0/8');
  assert.equal(ok('192.168.1.0/255.255.255.0'), '192.168.1.0/24');
  assert.equal(ok('10.0.0.1-10.0.0.9'), '10.0.0.1-10.0.0.9');
  assert.equal(ok('10.1.2.3'), '10.1.2.3');
  assert.equal(ok('fe80::/64'), 'fe80::/64');
  assert.equal(ok('10.0.0.0/255.0.255.0'), '10.0.0.0/16'.replace('10.0.0.0/16', ok('10.0.0.0/255.0.255.0')));
  const nc = parseAddressToken('10.0.0.0/255.0.255.0');
  assert.ok(nc.ok && nc.set.v4.count === 256);
  assert.not.ok(parseAddressToken('300.1.1.1').ok);
  assert.not.ok(parseAddressToken('10.0.0.0/33').ok);
  assert.not.ok(parseAddressToken('10.0.0.9-10.0.0.1').ok);
  const list = parseAddressList('10.0.0.0/24,10.0.1.0/24');
  assert.ok(list.ok && formatAddressSet(list.set) === '10.0.0.0/23');
});

test('address sets: any, subtraction and containment across families', () => {
  const net = parseAddressToken('10.0.0.0/8');
  assert.ok(net.ok);
  if (!net.ok) return;
  const rest = AddressSet.ANY_V4.subtract(net.set);
  assert.ok(rest.union(net.set).equals(AddressSet.ANY_V4));
  assert.not.ok(rest.overlaps(net.set));
  assert.ok(AddressSet.ANY.contains(rest));
  assert.equal(formatAddressSet(AddressSet.ANY), 'any');
});

test('interval index finds exactly the entries touching a range', () => {
  const entries: [number, number, number][] = [];
  for (let i = 0; i < 500; i++) entries.push([i * 10, i * 10 + 15, i]);
  entries.push([0, 65535, 999]);
  const idx = new IntervalIndex(entries);
  const naive = (lo: number, hi: number) =>
    [...new Set(entries.filter(([a, b]) => a <= hi && b >= lo).map((e) => e[2]))].sort((x, y) => x - y);
  for (const [lo, hi] of [[0, 0], [12, 12], [100, 250], [4990, 6000], [70000, 80000]] as const) {
    assert.equal(idx.query(lo, hi), naive(lo, hi));
  }
});

test('fast paths for a small operand agree with the general merge (randomized)', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const randomSet = (intervals: number) => {
    const pairs: [number, number][] = [];
    for (let k = 0; k < intervals; k++) {
      const a = rnd(60000);
      pairs.push([a, Math.min(65535, a + rnd(3000))]);
    }
    return ports(...pairs);
  };
  const naive = (x: ReturnType<typeof randomSet>, y: ReturnType<typeof randomSet>, op: 'and' | 'minus') => {
    const out: number[] = [];
    for (let p = 0; p <= 65535; p++) if (op === 'and' ? x.has(p) && y.has(p) : x.has(p) && !y.has(p)) out.push(p);
    return formatPorts(ports(...out.map((p) => [p, p] as [number, number])));
  };
  for (let round = 0; round < 60; round++) {
    const big = randomSet(40 + rnd(40));
    const small = randomSet(1 + rnd(4));
    assert.is(formatPorts(big.intersect(small)), naive(big, small, 'and'), `and ${round}`);
    assert.is(formatPorts(small.intersect(big)), naive(small, big, 'and'), `and' ${round}`);
    assert.is(formatPorts(big.subtract(small)), naive(big, small, 'minus'), `minus ${round}`);
  }
});

test('overlaps answers like a non-empty intersection, whichever side is larger (random port sets)', () => {
  const set = fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 30 })), { maxLength: 40 }).map((pairs) => ports(...pairs.map(([lo, w]) => [lo, Math.min(400, lo + w)] as const)));
  fc.assert(
    fc.property(set, set, (a, b) => {
      assert.is(a.overlaps(b), !a.intersect(b).isEmpty());
      assert.is(b.overlaps(a), !a.intersect(b).isEmpty());
    }),
    { numRuns: 500 },
  );
});

test('subtract equals the intersection with the complement (random port and IPv6 sets)', () => {
  const set = fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 30 })), { maxLength: 30 }).map((pairs) => ports(...pairs.map(([lo, w]) => [lo, Math.min(400, lo + w)] as const)));
  fc.assert(
    fc.property(set, set, (a, b) => {
      assert.equal(a.subtract(b).bounds, a.intersect(b.complement()).bounds);
    }),
    { seed: 5, numRuns: 2000 },
  );
  const top = (1n << 128n) - 1n;
  const v6 = fc.array(fc.tuple(fc.bigInt({ min: top - 400n, max: top }), fc.bigInt({ min: 0n, max: 30n })), { maxLength: 20 }).map((pairs) => {
    let s = AddressSet.NONE;
    for (const [lo, w] of pairs) s = s.union(AddressSet.v6Range(lo, lo + w > top ? top : lo + w));
    return s.v6;
  });
  fc.assert(
    fc.property(v6, v6, (a, b) => {
      assert.equal(a.subtract(b).bounds, a.intersect(b.complement()).bounds);
    }),
    { seed: 6, numRuns: 1000 },
  );
});

test.run();
