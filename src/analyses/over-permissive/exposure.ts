/**
 * @fileoverview From what a rule opens to what it exposes: excess over the requirements, the traits, the catalog
 * services in the opened range (most risky first, required ones marked) and the severity facts.
 */
import { ALL_PORTS, NO_PORTS, portCount, type PortSet } from '../../model/port-set.js';
import type { OverPermissiveTrait } from '../../findings/finding.js';
import { highRiskRank, highRiskServiceRank, WIDE_RANGE_THRESHOLD, type ServiceRisk } from '../../findings/severity-model.js';
import { describeService, servicesIn } from '../../requirements/catalog.js';
import type { CatalogEntry } from '../../requirements/types.js';
import type { OpenedPorts } from './opened.js';

/** Catalog protocols without ports (GRE, ESP, AH): exposed by a rule that matches every protocol. */
const PORTLESS_PROTOCOLS: readonly number[] = [47, 50, 51];

/** What is known about one opening source (a rule or a default policy). */
export interface OpeningFacts {
  readonly opened: OpenedPorts;
  readonly required: (protocol: number) => PortSet;
  readonly anyProtocol: boolean;
  readonly anyPort: boolean;
  readonly anyRemote: boolean;
  readonly keep: OpenedPorts;
}

export interface Exposure {
  readonly excess: OpenedPorts;
  readonly excessCount: number;
  readonly traits: OverPermissiveTrait[];
  readonly exposes: string[];
  readonly risk: ServiceRisk;
}

/** Excess, traits, exposed services and risk; undefined when the source opens nothing beyond the requirements. */
export function exposureOf(f: OpeningFacts): Exposure | undefined {
  const excess: OpenedPorts = new Map();
  let excessCount = 0;
  for (const [p, set] of f.opened) {
    const extra = set.subtract(f.required(p));
    if (extra.isEmpty()) continue;
    excess.set(p, extra);
    excessCount += portCount(extra);
  }
  if (excessCount === 0 && !f.anyProtocol) return undefined;
  const traits: OverPermissiveTrait[] = [];
  if (f.anyPort) traits.push('any-port');
  if (f.anyProtocol) traits.push('any-protocol');
  if (excessCount >= WIDE_RANGE_THRESHOLD) traits.push('wide-range');
  if (f.anyRemote) traits.push('any-remote');
  if (f.keep.size === 0) traits.push('not-required');
  return { excess, excessCount, traits, exposes: exposedServices(f), risk: riskOf(excess, f.anyProtocol) };
}

/** The worst service kind in the excess. */
function riskOf(excess: OpenedPorts, anyProtocol: boolean): ServiceRisk {
  let risk: ServiceRisk = anyProtocol ? 'catalog' : 'none';
  for (const [p, set] of excess) {
    if (highRiskRank(p, set) >= 0) return 'high';
    if (servicesIn(p, set).length > 0) risk = 'catalog';
  }
  return risk;
}

interface Group {
  readonly first: CatalogEntry;
  ports: PortSet | undefined;
  /** Whether the group holds only `first` (its label and rank are then the entry's, computed once). */
  single: boolean;
}

/** Catalog services in the whole opened range, one label per service and protocol, most risky first. */
function exposedServices(f: OpeningFacts): string[] {
  const groups = new Map<string, Group>();
  const entries = [...f.opened].flatMap(([p, set]) => servicesIn(p, set));
  if (f.anyProtocol) entries.push(...PORTLESS_PROTOCOLS.flatMap((p) => servicesIn(p, ALL_PORTS)));
  for (const e of entries) {
    const key = `${e.service}\u0000${e.protocol}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { first: e, ports: e.ports, single: true });
    else if (e.ports !== undefined) {
      g.ports = g.ports === undefined ? e.ports : g.ports.union(e.ports);
      g.single = false;
    }
  }
  const ranked = [...groups.values()].map((g) => ({ g, rank: rankOf(g) }));
  ranked.sort((a, b) => a.rank - b.rank || firstPort(a.g) - firstPort(b.g) || (a.g.first.service < b.g.first.service ? -1 : a.g.first.service > b.g.first.service ? 1 : 0));
  return ranked.map(({ g }) => label(g, f.required(g.first.protocol)));
}

/** Text and rank of single-entry groups, per catalog entry (tens of thousands of findings list the same services). */
const entryFacts = new WeakMap<CatalogEntry, { readonly text: string; readonly rank: number }>();

function factsOf(g: Group): { readonly text: string; readonly rank: number } {
  const cached = g.single ? entryFacts.get(g.first) : undefined;
  if (cached !== undefined) return cached;
  const r = g.ports === undefined ? -1 : highRiskServiceRank(g.first.protocol, g.ports);
  const facts = { text: describeService({ ...g.first, ports: g.ports }), rank: r < 0 ? Number.MAX_SAFE_INTEGER : r };
  if (g.single) entryFacts.set(g.first, facts);
  return facts;
}

/** High-risk services first in HIGH_RISK_SERVICES order, then everything else. */
function rankOf(g: Group): number {
  return factsOf(g).rank;
}

function firstPort(g: Group): number {
  return g.ports?.first() ?? -1;
}

function label(g: Group, required: PortSet): string {
  const text = factsOf(g).text;
  const isRequired = g.ports !== undefined && !required.isEmpty() && required.contains(g.ports);
  return isRequired ? `${text} (required)` : text;
}

/** The union of the per-protocol sets (the finding's `ports`). */
export function unionPorts(sets: OpenedPorts): PortSet {
  let out = NO_PORTS;
  for (const set of sets.values()) out = out.union(set);
  return out;
}
