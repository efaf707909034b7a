/**
 * @fileoverview Parsing and printing of IP addresses, prefixes, masks and ranges.
 * The only module that imports ip-num; everything past this boundary works on numbers.
 */
import { createRequire } from 'node:module';
import type * as IpNum from 'ip-num';
import { AddressSet, V4_DOMAIN } from './address-set.js';
import { IntervalSet } from './interval-set.js';

/**
 * ip-num, loaded on first use: plain dotted IPv4 (what most exports hold) never needs it, and `require` of its
 * CommonJS build costs a fraction of an ESM import of it (start-up is part of every audit's time).
 */
let ipNum: typeof IpNum | undefined;
function lib(): typeof IpNum {
  ipNum ??= createRequire(import.meta.url)('ip-num') as typeof IpNum;
  return ipNum;
}

export type AddressParseResult = { ok: true; set: AddressSet } | { ok: false; error: string };

const v4Cache = new Map<string, number | undefined>();
const v6Cache = new Map<string, bigint | undefined>();

/** The empty IPv6 part shared by every IPv4-only set built here (sets are immutable). */
const NO_V6 = AddressSet.NONE.v6;

/** Parses a dotted IPv4 address to its 32-bit value. */
export function parseIPv4(text: string): number | undefined {
  return plainIPv4(text) ?? ipNumIPv4(text);
}

/** The ip-num route of parseIPv4 (cached), without the fast path; exported so a test can compare the two. */
export function ipNumIPv4(text: string): number | undefined {
  if (v4Cache.has(text)) return v4Cache.get(text);
  let value: number | undefined;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text) && lib().Validator.isValidIPv4String(text)[0]) {
    value = Number(lib().IPv4.fromString(text).getValue());
  }
  if (v4Cache.size > 100_000) v4Cache.clear();
  v4Cache.set(text, value);
  return value;
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * Fast path for the form exports print: four decimal octets 0–255 without leading zeros (`10.0.0.1`). Yields what
 * ip-num yields for such text (test/model/ip-fast-path.test.ts checks this on random input); undefined for anything
 * else, which then goes to ip-num.
 */
export function plainIPv4(text: string): number | undefined {
  const n = text.length;
  if (n < 7 || n > 15) return undefined;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
      continue;
    }
    if (c < ZERO || c > NINE || (digits === 1 && octet === 0)) return undefined;
    octet = octet * 10 + (c - ZERO);
    digits++;
    if (octet > 255) return undefined;
  }
  if (digits === 0 || dots !== 3) return undefined;
  return value * 256 + octet;
}

/** Parses an IPv6 address (any notation ip-num accepts, zone ids rejected) to its 128-bit value. */
export function parseIPv6(text: string): bigint | undefined {
  if (v6Cache.has(text)) return v6Cache.get(text);
  let value: bigint | undefined;
  if (/^[0-9a-fA-F:.]+$/.test(text) && text.includes(':')) {
    try {
      if (lib().Validator.isValidIPv6String(text)[0]) value = lib().IPv6.fromString(text).getValue();
    } catch {
      value = undefined;
    }
  }
  if (v6Cache.size > 100_000) v6Cache.clear();
  v6Cache.set(text, value);
  return value;
}

/**
 * Parses one address token: `10.0.0.1`, `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `10.0.0.1-10.0.0.9`,
 * `fe80::/64`, `fe80::1-fe80::9`. Non-contiguous dotted masks expand to several intervals.
 */
export function parseAddressToken(token: string): AddressParseResult {
  const plain = plainV4Block(token);
  if (plain !== undefined) return { ok: true, set: plain };
  const t = token.trim();
  if (t === '') return { ok: false, error: 'empty address' };
  const dash = t.indexOf('-');
  if (dash > 0) return parseRange(t.slice(0, dash), t.slice(dash + 1), t);
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const mask = slash < 0 ? undefined : t.slice(slash + 1);
  const v4 = parseIPv4(addr);
  if (v4 !== undefined) return v4WithMask(v4, mask, t);
  const v6 = parseIPv6(addr);
  if (v6 !== undefined) return v6WithPrefix(v6, mask, t);
  return { ok: false, error: `invalid address "${t}"` };
}

/**
 * Fast path for `a.b.c.d` and `a.b.c.d/n` (n one or two digits, at most 32) with a plain dotted quad: the block the
 * general path below computes for such text; undefined for anything else, which takes that path.
 */
function plainV4Block(token: string): AddressSet | undefined {
  const slash = token.indexOf('/');
  const addr = plainIPv4(slash < 0 ? token : token.slice(0, slash));
  if (addr === undefined) return undefined;
  if (slash < 0) return v4Range(addr, addr);
  const digits = token.length - slash - 1;
  if (digits < 1 || digits > 2) return undefined;
  let len = 0;
  for (let i = slash + 1; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < ZERO || c > NINE) return undefined;
    len = len * 10 + (c - ZERO);
  }
  if (len > 32) return undefined;
  const lo = len === 0 ? 0 : (addr & (0xffffffff << (32 - len))) >>> 0;
  return v4Range(lo, lo + 2 ** (32 - len) - 1);
}

/** Parses a comma-separated list of address tokens into one set. */
export function parseAddressList(text: string): AddressParseResult {
  // One token (the usual `-s 10.0.0.0/8`): the same result without the split and the union with NONE.
  if (!text.includes(',')) return text.trim() === '' ? { ok: true, set: AddressSet.NONE } : parseAddressToken(text);
  let set = AddressSet.NONE;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const r = parseAddressToken(part);
    if (!r.ok) return r;
    set = set.union(r.set);
  }
  return { ok: true, set };
}

function parseRange(a: string, b: string, whole: string): AddressParseResult {
  const lo4 = parseIPv4(a.trim());
  const hi4 = parseIPv4(b.trim());
  if (lo4 !== undefined && hi4 !== undefined) {
    if (lo4 > hi4) return { ok: false, error: `reversed address range "${whole}"` };
    return { ok: true, set: v4Range(lo4, hi4) };
  }
  const lo6 = parseIPv6(a.trim());
  const hi6 = parseIPv6(b.trim());
  if (lo6 !== undefined && hi6 !== undefined) {
    if (lo6 > hi6) return { ok: false, error: `reversed address range "${whole}"` };
    return { ok: true, set: AddressSet.v6Range(lo6, hi6) };
  }
  return { ok: false, error: `invalid address range "${whole}"` };
}

function v4WithMask(addr: number, mask: string | undefined, whole: string): AddressParseResult {
  if (mask === undefined) return { ok: true, set: v4Range(addr, addr) };
  let bits: number;
  if (/^\d{1,2}$/.test(mask)) {
    const len = Number(mask);
    if (len > 32) return { ok: false, error: `invalid prefix length /${mask} in "${whole}"` };
    bits = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  } else {
    const m = parseIPv4(mask);
    if (m === undefined) return { ok: false, error: `invalid mask "${mask}" in "${whole}"` };
    bits = m;
  }
  return { ok: true, set: v4Masked(addr, bits) };
}

/** Expands address/mask; a non-contiguous mask yields one interval per combination of its holes. */
function v4Masked(addr: number, mask: number): AddressSet {
  const hostBits = ~mask >>> 0;
  // Trailing host bits form a contiguous block; the rest ("holes") are enumerated.
  let trailing = 0;
  while (trailing < 32 && ((hostBits >>> trailing) & 1) === 1) trailing++;
  const block = trailing === 32 ? 0xffffffff : 2 ** trailing - 1;
  const holes: number[] = [];
  for (let b = trailing; b < 32; b++) if (((hostBits >>> b) & 1) === 1) holes.push(b);
  const base = (addr & mask) >>> 0;
  if (holes.length === 0) return v4Range(base, base + block);
  let set = AddressSet.NONE;
  const combos = 2 ** Math.min(holes.length, 16);
  for (let c = 0; c < combos; c++) {
    let lo = base;
    holes.forEach((bit, i) => {
      if ((c >> i) & 1) lo = (lo | (2 ** bit)) >>> 0;
    });
    set = set.union(v4Range(lo, lo + block));
  }
  return set;
}

/** `AddressSet.v4Range` with the shared empty IPv6 part. */
function v4Range(lo: number, hi: number): AddressSet {
  return new AddressSet(IntervalSet.range(V4_DOMAIN, lo, hi), NO_V6);
}

function v6WithPrefix(addr: bigint, prefix: string | undefined, whole: string): AddressParseResult {
  if (prefix === undefined) return { ok: true, set: AddressSet.v6Range(addr, addr) };
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > 128) {
    return { ok: false, error: `invalid prefix length /${prefix} in "${whole}"` };
  }
  const host = 128n - BigInt(prefix);
  const size = 1n << host;
  const lo = (addr >> host) << host;
  return { ok: true, set: AddressSet.v6Range(lo, lo + size - 1n) };
}

/** Prints an IPv4 value as dotted decimal. */
export function formatIPv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Prints an IPv6 value in compressed notation. */
export function formatIPv6(n: bigint): string {
  const { collapseIPv6Number, IPv6 } = lib();
  return collapseIPv6Number(IPv6.fromBigInt(n).toString());
}

/** Prints a set as a list of CIDR blocks and ranges, `any` when complete. */
export function formatAddressSet(set: AddressSet): string {
  if (set.isAny()) return 'any';
  if (set.isEmpty()) return 'none';
  const parts: string[] = [];
  if (set.v4.isFull()) parts.push('any IPv4');
  else for (const [lo, hi] of set.v4.intervals()) parts.push(formatV4Interval(lo, hi));
  if (set.v6.isFull()) parts.push('any IPv6');
  else for (const [lo, hi] of set.v6.intervals()) parts.push(formatV6Interval(lo, hi));
  return parts.join(',');
}

function formatV4Interval(lo: number, hi: number): string {
  if (lo === hi) return formatIPv4(lo);
  const size = hi - lo + 1;
  const len = 32 - Math.log2(size);
  if (Number.isInteger(len) && lo % size === 0) return `${formatIPv4(lo)}/${len}`;
  return `${formatIPv4(lo)}-${formatIPv4(hi)}`;
}

function formatV6Interval(lo: bigint, hi: bigint): string {
  if (lo === hi) return formatIPv6(lo);
  const size = hi - lo + 1n;
  if ((size & (size - 1n)) === 0n && lo % size === 0n) {
    return `${formatIPv6(lo)}/${128 - (size.toString(2).length - 1)}`;
  }
  return `${formatIPv6(lo)}-${formatIPv6(hi)}`;
}
