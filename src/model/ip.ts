/**
 * @fileoverview Parsing and printing of IP addresses, prefixes, masks and ranges.
 * The only module that imports ip-num; everything past this boundary works on numbers.
 */
import { IPv4, IPv6, Validator, collapseIPv6Number } from 'ip-num';
import { AddressSet } from './address-set.js';

export type AddressParseResult = { ok: true; set: AddressSet } | { ok: false; error: string };

const v4Cache = new Map<string, number | undefined>();
const v6Cache = new Map<string, bigint | undefined>();

/** Parses a dotted IPv4 address to its 32-bit value. */
export function parseIPv4(text: string): number | undefined {
  if (v4Cache.has(text)) return v4Cache.get(text);
  let value: number | undefined;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text) && Validator.isValidIPv4String(text)[0]) {
    value = Number(IPv4.fromString(text).getValue());
  }
  if (v4Cache.size > 100_000) v4Cache.clear();
  v4Cache.set(text, value);
  return value;
}

/** Parses an IPv6 address (any notation ip-num accepts, zone ids rejected) to its 128-bit value. */
export function parseIPv6(text: string): bigint | undefined {
  if (v6Cache.has(text)) return v6Cache.get(text);
  let value: bigint | undefined;
  if (/^[0-9a-fA-F:.]+$/.test(text) && text.includes(':')) {
    try {
      if (Validator.isValidIPv6String(text)[0]) value = IPv6.fromString(text).getValue();
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

/** Parses a comma-separated list of address tokens into one set. */
export function parseAddressList(text: string): AddressParseResult {
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
    return { ok: true, set: AddressSet.v4Range(lo4, hi4) };
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
  if (mask === undefined) return { ok: true, set: AddressSet.v4Range(addr, addr) };
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
  let set = AddressSet.NONE;
  const combos = 2 ** Math.min(holes.length, 16);
  for (let c = 0; c < combos; c++) {
    let lo = base;
    holes.forEach((bit, i) => {
      if ((c >> i) & 1) lo = (lo | (2 ** bit)) >>> 0;
    });
    set = set.union(AddressSet.v4Range(lo, lo + block));
  }
  return set;
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
