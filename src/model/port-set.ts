/**
 * @fileoverview Port sets (0–65535) and the one shared parser/printer for port lists and ranges.
 */
import { IntervalSet, NUMBER_OPS, type Domain } from './interval-set.js';

export type PortSet = IntervalSet<number>;

export const PORT_DOMAIN: Domain<number> = { min: 0, max: 65535, ...NUMBER_OPS };
export const ALL_PORTS: PortSet = IntervalSet.full(PORT_DOMAIN);
export const NO_PORTS: PortSet = IntervalSet.empty(PORT_DOMAIN);

/** A port set from single ports and [lo, hi] ranges. */
export function ports(...items: (number | readonly [number, number])[]): PortSet {
  const only = items.length === 1 ? items[0] : undefined;
  if (only !== undefined) return typeof only === 'number' ? IntervalSet.range(PORT_DOMAIN, only, only) : IntervalSet.range(PORT_DOMAIN, only[0], only[1]);
  return IntervalSet.of(
    PORT_DOMAIN,
    items.map((it) => (typeof it === 'number' ? ([it, it] as const) : it)),
  );
}

export type PortParseResult = { ok: true; set: PortSet } | { ok: false; error: string };

/**
 * Parses one port or range token: `80`, `1000-2000`; with `rangeSep` ':' also iptables forms `P:Q`, `P:`, `:Q`, `:`.
 */
export function parsePortToken(token: string, rangeSep: '-' | ':' = '-'): PortParseResult {
  const t = token.trim();
  const idx = t.indexOf(rangeSep);
  if (idx < 0) {
    const p = toPort(t);
    return p === undefined ? bad(t) : { ok: true, set: ports(p) };
  }
  const loText = t.slice(0, idx).trim();
  const hiText = t.slice(idx + 1).trim();
  const lo = loText === '' && rangeSep === ':' ? 0 : toPort(loText);
  const hi = hiText === '' && rangeSep === ':' ? 65535 : toPort(hiText);
  if (lo === undefined || hi === undefined) return bad(t);
  if (lo > hi) return { ok: false, error: `reversed port range "${t}"` };
  return { ok: true, set: ports([lo, hi]) };
}

/** Parses a list such as `80,443,1000-2000` (separators: comma, optional spaces). */
export function parsePortList(text: string, rangeSep: '-' | ':' = '-'): PortParseResult {
  let set = NO_PORTS;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const r = parsePortToken(part, rangeSep);
    if (!r.ok) return r;
    set = set.union(r.set);
  }
  if (set.isEmpty()) return { ok: false, error: `empty port list "${text}"` };
  return { ok: true, set };
}

/** Prints a port set as `80,443,1000-2000`, or `any` for the full range. */
export function formatPorts(set: PortSet): string {
  if (set.isFull()) return 'any';
  if (set.isEmpty()) return 'none';
  return set
    .intervals()
    .map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`))
    .join(',');
}

/** The set as JSON-friendly [lo, hi] pairs. */
export function portPairs(set: PortSet): [number, number][] {
  return set.intervals();
}

/** Number of ports in the set. */
export function portCount(set: PortSet): number {
  let n = 0;
  for (const [lo, hi] of set.intervals()) n += hi - lo + 1;
  return n;
}

function toPort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : undefined;
}

function bad(token: string): PortParseResult {
  if (/^\d+$/.test(token)) return { ok: false, error: `port ${token} out of range 0-65535` };
  return { ok: false, error: `invalid port "${token}"` };
}
