/**
 * @fileoverview The hand-written IPv4 fast path of ip.ts yields exactly what the ip-num route yields, on random
 * text close to dotted quads (leading zeros, large octets, wrong dot counts, stray characters) and on random
 * canonical addresses; prefixes and masks built on it give the same sets as a direct computation.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { AddressSet } from '../../src/model/address-set.js';
import { ipNumIPv4, parseAddressToken, parseIPv4, plainIPv4 } from '../../src/model/ip.js';

const octetText = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map(String),
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.integer({ min: 0, max: 255 }).map((n) => `0${n}`),
  fc.constantFrom('', '00', '256', '-1', '+1', ' 1', '1 ', 'a', '0x1', '1e2', '١'),
);
const nearIPv4 = fc.oneof(
  fc.array(octetText, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
  fc.tuple(fc.array(octetText, { minLength: 4, maxLength: 4 }), fc.constantFrom('.', '..', ',', ':', '/')).map(([p, sep]) => p.join(sep)),
  fc.string({ maxLength: 16 }),
  fc.stringMatching(/^[0-9.]{0,18}$/),
);
const canonical = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));

test('fast path agrees with ip-num wherever it answers, and defers elsewhere', () => {
  fc.assert(
    fc.property(nearIPv4, (text) => {
      const fast = plainIPv4(text);
      if (fast !== undefined) assert.is(fast, ipNumIPv4(text), text);
      assert.is(parseIPv4(text), ipNumIPv4(text), text);
    }),
    { numRuns: 20_000 },
  );
});

test('fast path answers every canonical dotted quad with the ip-num value', () => {
  fc.assert(
    fc.property(canonical, ([a, b, c, d]) => {
      const text = `${a}.${b}.${c}.${d}`;
      assert.is(plainIPv4(text), ((a * 256 + b) * 256 + c) * 256 + d);
      assert.is(plainIPv4(text), ipNumIPv4(text));
    }),
    { numRuns: 20_000 },
  );
});

test('forms the fast path leaves to ip-num: leading zeros, out-of-range octets, wrong shapes', () => {
  for (const text of ['010.1.1.1', '1.1.1.01', '00.0.0.0', '256.1.1.1', '1.1.1', '1.1.1.1.1', '1..1.1', ' 1.1.1.1', '1.1.1.1 ', '']) {
    assert.is(plainIPv4(text), undefined, text);
    assert.is(parseIPv4(text), ipNumIPv4(text), text);
  }
  assert.is(parseIPv4('0.0.0.0'), 0);
  assert.is(parseIPv4('255.255.255.255'), 0xffffffff);
});

test('prefixes and contiguous masks give the block of the prefix', () => {
  fc.assert(
    fc.property(canonical, fc.integer({ min: 0, max: 32 }), fc.boolean(), ([a, b, c, d], len, dotted) => {
      const addr = ((a * 256 + b) * 256 + c) * 256 + d;
      const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
      const maskText = dotted ? [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.') : String(len);
      const r = parseAddressToken(`${a}.${b}.${c}.${d}/${maskText}`);
      const lo = (addr & mask) >>> 0;
      assert.ok(r.ok);
      if (r.ok) assert.ok(r.set.equals(AddressSet.v4Range(lo, lo + 2 ** (32 - len) - 1)));
    }),
    { numRuns: 5_000 },
  );
});

test('single addresses are one-address blocks; bad prefixes keep the general errors', () => {
  const one = parseAddressToken('192.168.1.7');
  assert.ok(one.ok && one.set.equals(AddressSet.v4Range(0xc0a80107, 0xc0a80107)) && one.set.v6.isEmpty());
  assert.equal(parseAddressToken('10.0.0.0/33'), { ok: false, error: 'invalid prefix length /33 in "10.0.0.0/33"' });
  assert.equal(parseAddressToken('10.0.0.0/'), { ok: false, error: 'invalid mask "" in "10.0.0.0/"' });
  assert.equal(parseAddressToken('010.0.0.0/8'), { ok: false, error: 'invalid address "010.0.0.0/8"' });
  const spaced = parseAddressToken(' 10.1.2.3/16 ');
  assert.ok(spaced.ok && spaced.set.equals(AddressSet.v4Range(0x0a010000, 0x0a01ffff)));
});

test('a non-contiguous mask still expands to one interval per hole combination', () => {
  const r = parseAddressToken('10.0.0.0/255.0.255.0');
  assert.ok(r.ok);
  if (r.ok) assert.is(r.set.v4.count, 256);
});

test.run();
