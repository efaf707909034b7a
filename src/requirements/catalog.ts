/**
 * @fileoverview The Windows service catalog (seed 002): which services a port range exposes, via an interval index.
 */
import { IntervalIndex } from '../model/interval-index.js';
import { formatPorts, type PortSet } from '../model/port-set.js';
import { protocolName } from '../model/protocol.js';
import { normalizeCatalogRow } from './catalog-normalize.js';
import { CATALOG_ROWS } from './catalog-rows.js';
import type { CatalogEntry } from './types.js';

/** Every catalog entry, in seed order. */
export const CATALOG: readonly CatalogEntry[] = CATALOG_ROWS.map(normalizeCatalogRow);

interface ProtocolIndex {
  readonly entries: readonly CatalogEntry[];
  readonly index: IntervalIndex;
  /** Entries without ports (GRE, ESP, AH). */
  readonly portless: readonly CatalogEntry[];
  /** Every entry of the protocol in answer order (compareEntries). */
  readonly ordered: readonly CatalogEntry[];
}

const BY_PROTOCOL: ReadonlyMap<number, ProtocolIndex> = buildIndexes(CATALOG);

function buildIndexes(catalog: readonly CatalogEntry[]): Map<number, ProtocolIndex> {
  const out = new Map<number, ProtocolIndex>();
  for (const protocol of new Set(catalog.map((e) => e.protocol))) {
    const all = catalog.filter((e) => e.protocol === protocol);
    const entries = all.filter((e) => e.ports !== undefined);
    const spans = entries.flatMap((e, i) => (e.ports?.intervals() ?? []).map(([lo, hi]) => [lo, hi, i] as const));
    const portless = all.filter((e) => e.ports === undefined);
    out.set(protocol, { entries, index: new IntervalIndex(spans), portless, ordered: [...all].sort(compareEntries) });
  }
  return out;
}

/**
 * Catalog entries of an IP protocol whose ports overlap `set`, sorted by first port, then service.
 * Port-less entries of the protocol (GRE, ESP, AH) are included whenever `set` is not empty.
 */
export function servicesIn(protocol: number, set: PortSet): readonly CatalogEntry[] {
  const idx = BY_PROTOCOL.get(protocol);
  if (idx === undefined || set.isEmpty()) return [];
  // Thousands of over-permissive findings ask about the same few ranges (1024–65535, any port): answers are kept
  // by protocol and range text, and the entries they list are immutable.
  if (set.count > MEMO_MAX_INTERVALS) return lookUp(idx, set);
  const key = `${protocol}:${set.bounds.join(',')}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const found = lookUp(idx, set);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, found);
  return found;
}

const answers = new Map<string, readonly CatalogEntry[]>();
const MAX_ANSWERS = 4096;
/** Fragmented sets are rarely asked about twice, and their key would cost as much as the lookup. */
const MEMO_MAX_INTERVALS = 32;

function lookUp(idx: ProtocolIndex, set: PortSet): readonly CatalogEntry[] {
  // A fragmented set (what a wide rule opens after thousands of scattered earlier decisions) is probed once per entry,
  // in answer order (one binary search each, no sort), instead of once per interval.
  if (set.count > FEW_INTERVALS) return idx.ordered.filter((e) => e.ports === undefined || set.overlaps(e.ports));
  return [...idx.portless, ...viaIndex(idx, set)].sort(compareEntries);
}

/** Sets of up to this many intervals query the interval index; larger ones probe every entry. */
const FEW_INTERVALS = 8;

function viaIndex(idx: ProtocolIndex, set: PortSet): CatalogEntry[] {
  const hits = new Set<number>();
  for (const [lo, hi] of set.intervals()) idx.index.forEachOverlap(lo, hi, (i) => hits.add(i));
  return [...hits].map((i) => idx.entries[i] as CatalogEntry);
}

function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  const pa = a.ports?.first() ?? -1;
  const pb = b.ports?.first() ?? -1;
  if (pa !== pb) return pa - pb;
  if (a.service !== b.service) return a.service < b.service ? -1 : 1;
  return a.seed.line - b.seed.line;
}

/** Short label: `Remote Desktop Services 3389/tcp`, `Routing and Remote Access (gre)`. */
export function describeService(e: CatalogEntry): string {
  const proto = protocolName(e.protocol);
  if (e.ports === undefined) return `${e.service} (${proto})`;
  return `${e.service} ${formatPorts(e.ports)}/${proto}`;
}

/**
 * Labels for a list of entries with each service named once per protocol:
 * `WinRM 2.0 5985-5986/tcp` rather than two labels. Order follows the first port.
 */
export function describeServices(entries: readonly CatalogEntry[]): string[] {
  const groups = new Map<string, { first: CatalogEntry; ports: PortSet | undefined }>();
  for (const e of entries) {
    const key = `${e.service}\u0000${e.protocol}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { first: e, ports: e.ports });
    else if (e.ports !== undefined) g.ports = g.ports === undefined ? e.ports : g.ports.union(e.ports);
  }
  return [...groups.values()]
    .sort((a, b) => compareEntries({ ...a.first, ports: a.ports }, { ...b.first, ports: b.ports }))
    .map((g) => describeService({ ...g.first, ports: g.ports }));
}
