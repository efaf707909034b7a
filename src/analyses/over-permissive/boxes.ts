/**
 * @fileoverview What a rule matches of new TCP/UDP connections, as boxes in compressed coordinates for the
 * occlusion tree: key = protocol · 65536 + service port, times remote address atoms. A rule has up to two boxes with
 * their own bounds (engine/rule-match.ts): its concrete ports, and the ports only a keyword (RPC, …) adds, which are
 * never certain. `low` is where the rule certainly matches, `high` where it may.
 */
import type { AddressSet } from '../../model/address-set.js';
import { NO_PORTS, PORT_DOMAIN, type PortSet } from '../../model/port-set.js';
import type { Direction, FirewallProfile, Rule } from '../../model/rule.js';
import { IntervalSet } from '../../model/interval-set.js';
import { matchBounds, portCover, servicePorts, type MatchSettings } from '../../engine/rule-match.js';
import { atomMapper, bigCutsOf, cutsOf, mapFlat } from '../anomalies/geometry.js';
import { spread } from '../anomalies/painter.js';
import type { Flat } from '../anomalies/flat.js';
import { OcclusionTree } from './occlusion-tree.js';
import { PORT_PROTOCOLS, type OpenedPorts } from './opened-types.js';

/** One box of a rule in compressed coordinates. */
export interface Box {
  readonly keys: Flat;
  readonly low: Flat;
  readonly high: Flat;
}

interface RawPart {
  readonly keys: number[];
  readonly low: AddressSet;
  readonly high: AddressSet;
}

/** Whether a rule takes part in deciding new connections of `direction` (profile: Windows only). */
export function decidesNew(rule: Rule, direction: Direction, fwProfile?: FirewallProfile): boolean {
  if (!rule.enabled || rule.direction !== direction || rule.neverNew === true || rule.loopbackOnly === true) return false;
  if (fwProfile !== undefined && !rule.profiles.includes(fwProfile)) return false;
  return PORT_PROTOCOLS.some((p) => rule.protocols.has(p));
}

/** The compressed coordinate space of a set of rules, and each rule's boxes in it. */
export class BoxSpace {
  private readonly keyCuts: Float64Array;
  private readonly boxes = new Map<Rule, readonly Box[]>();
  /** Every TCP and UDP port. */
  readonly allKeys: Flat;
  /** The unit's remote addresses. */
  readonly universe: Flat;
  /** Number of address atoms. */
  readonly atomCount: number;

  constructor(rules: readonly Rule[], universe: AddressSet, settings: MatchSettings) {
    const raw = new Map<Rule, RawPart[]>();
    const keyLists: number[][] = [allKeyList()];
    const sets: AddressSet[] = [universe];
    for (const rule of rules) {
      const parts = rawParts(rule, universe, settings);
      raw.set(rule, parts);
      for (const p of parts) {
        keyLists.push(p.keys);
        sets.push(p.low, p.high);
      }
    }
    this.keyCuts = cutsOf(keyLists);
    const v4 = cutsOf(sets.map((s) => s.v4.bounds));
    const v6 = bigCutsOf(sets.map((s) => s.v6.bounds));
    const v6Offset = Math.max(0, v4.length - 1);
    const atoms = atomMapper(v4, v6, v6Offset);
    for (const [rule, parts] of raw) {
      this.boxes.set(
        rule,
        parts.map((p) => ({ keys: mapFlat(p.keys, this.keyCuts), low: atoms(p.low), high: atoms(p.high) })),
      );
    }
    this.allKeys = mapFlat(allKeyList(), this.keyCuts);
    this.universe = atoms(universe);
    this.atomCount = Math.max(1, v6Offset + Math.max(0, v6.length - 1));
  }

  /**
   * An empty occlusion tree over the dimension in which the boxes are narrower (`orientation` forces one, for tests):
   * a box wide in the tree dimension makes a query visit much of the tree.
   */
  tree(orientation: Orientation = 'auto'): OcclusionTree {
    let swap = orientation === 'atoms';
    if (orientation === 'auto') {
      let keyCost = 0;
      let atomCost = 0;
      const n = this.boxes.size;
      for (const list of this.boxes.values()) {
        for (const b of list) {
          keyCost += spread(b.keys, this.segments, n);
          atomCost += spread(b.high, this.atomCount, n);
        }
      }
      swap = atomCost < keyCost;
    }
    return swap ? new OcclusionTree(this.atomCount, true) : new OcclusionTree(this.segments);
  }

  /** Number of key segments. */
  get segments(): number {
    return Math.max(1, this.keyCuts.length - 1);
  }

  /** The rule's boxes (none when it matches nothing of TCP/UDP in the universe). */
  boxesOf(rule: Rule): readonly Box[] {
    return this.boxes.get(rule) ?? [];
  }

  /** Key segments (sorted, merged) back to ports per protocol. */
  decode(keys: Flat): OpenedPorts {
    const pairs = new Map<number, [number, number][]>();
    for (let i = 0; i < keys.length; i += 2) {
      let lo = this.keyCuts[keys[i] as number] as number;
      const hi = (this.keyCuts[(keys[i + 1] as number) + 1] as number) - 1;
      while (lo <= hi) {
        const protocol = Math.floor(lo / 65536);
        const end = Math.min(hi, protocol * 65536 + 65535);
        let list = pairs.get(protocol);
        if (list === undefined) pairs.set(protocol, (list = []));
        list.push([lo - protocol * 65536, end - protocol * 65536]);
        lo = end + 1;
      }
    }
    const out: OpenedPorts = new Map();
    for (const [protocol, list] of pairs) out.set(protocol, IntervalSet.of(PORT_DOMAIN, list));
    return out;
  }
}

/** Which dimension an occlusion tree runs over. */
export type Orientation = 'auto' | 'keys' | 'atoms';

function allKeyList(): number[] {
  return PORT_PROTOCOLS.flatMap((p) => [p * 65536, p * 65536 + 65535]);
}

/** The rule's concrete-port part and keyword-only part, each with its bounds (empty parts left out). */
function rawParts(rule: Rule, universe: AddressSet, settings: MatchSettings): RawPart[] {
  const svc = servicePorts(rule);
  const keywordOnly = svc.keywords.length === 0 ? NO_PORTS : portCover(svc, settings).subtract(svc.set);
  const out: RawPart[] = [];
  for (const ports of [svc.set, keywordOnly]) {
    const port = ports.first();
    if (port === undefined) continue;
    const m = matchBounds(rule, { direction: rule.direction, protocol: PORT_PROTOCOLS[0] as number, port, universe }, settings);
    if (m === undefined || m.high.isEmpty()) continue;
    const keys = keyList(rule, ports);
    if (keys.length > 0) out.push({ keys, low: m.low, high: m.high });
  }
  return out;
}

function keyList(rule: Rule, ports: PortSet): number[] {
  const out: number[] = [];
  for (const p of PORT_PROTOCOLS) {
    if (!rule.protocols.has(p)) continue;
    const b = ports.bounds;
    for (let i = 0; i < b.length; i += 2) out.push(p * 65536 + (b[i] as number), p * 65536 + (b[i + 1] as number));
  }
  return out;
}
