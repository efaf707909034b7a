/**
 * @fileoverview Address sets as command arguments: CIDR blocks (iptables/nft need prefixes) or Windows
 * tokens (CIDR blocks and `a-b` ranges), per address family.
 */
import { AddressSet, type Family } from '../../model/address-set.js';
import { formatIPv4, formatIPv6 } from '../../model/ip.js';

/** The set restricted to the families, as CIDR blocks (ranges split into aligned blocks). */
export function cidrBlocks(set: AddressSet, families: readonly Family[]): string[] {
  const out: string[] = [];
  if (families.includes('ipv4')) for (const [lo, hi] of set.v4.intervals()) out.push(...v4Blocks(lo, hi));
  if (families.includes('ipv6')) for (const [lo, hi] of set.v6.intervals()) out.push(...v6Blocks(lo, hi));
  return out;
}

/** Windows remote address tokens: aligned intervals as CIDR, others as `a-b` ranges. */
export function windowsTokens(set: AddressSet): string[] {
  const out: string[] = [];
  for (const [lo, hi] of set.v4.intervals()) {
    const blocks = v4Blocks(lo, hi);
    out.push(blocks.length === 1 ? (blocks[0] as string) : `${formatIPv4(lo)}-${formatIPv4(hi)}`);
  }
  for (const [lo, hi] of set.v6.intervals()) {
    const blocks = v6Blocks(lo, hi);
    out.push(blocks.length === 1 ? (blocks[0] as string) : `${formatIPv6(lo)}-${formatIPv6(hi)}`);
  }
  return out;
}

/** Whether the set covers every address of the families. */
export function coversFamilies(set: AddressSet, families: readonly Family[]): boolean {
  return set.contains(AddressSet.anyOf(families));
}

function v4Blocks(lo: number, hi: number): string[] {
  const out: string[] = [];
  let cur = lo;
  while (cur <= hi) {
    let size = 1;
    // Grow the block while it stays aligned and inside the interval.
    while (size < 2 ** 32 && cur % (size * 2) === 0 && cur + size * 2 - 1 <= hi) size *= 2;
    const prefix = 32 - Math.log2(size);
    out.push(prefix === 32 ? formatIPv4(cur) : `${formatIPv4(cur)}/${prefix}`);
    cur += size;
  }
  return out;
}

function v6Blocks(lo: bigint, hi: bigint): string[] {
  const out: string[] = [];
  let cur = lo;
  while (cur <= hi) {
    let bits = 0n;
    while (bits < 128n && cur % (1n << (bits + 1n)) === 0n && cur + (1n << (bits + 1n)) - 1n <= hi) bits += 1n;
    const prefix = 128n - bits;
    out.push(prefix === 128n ? formatIPv6(cur) : `${formatIPv6(cur)}/${prefix}`);
    cur += 1n << bits;
  }
  return out;
}
