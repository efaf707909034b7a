/**
 * @fileoverview The ports the requirement set needs per direction and transport protocol, and which of them a
 * rule's own port range covers (what a narrower replacement keeps).
 */
import { NO_PORTS, formatPorts, type PortSet } from '../../model/port-set.js';
import { TRANSPORT_NUMBER, protocolName } from '../../model/protocol.js';
import type { Direction, Rule } from '../../model/rule.js';
import { portCover, servicePorts, type MatchSettings } from '../../engine/rule-match.js';
import type { Requirement } from '../../requirements/types.js';
import { PORT_PROTOCOLS, type OpenedPorts } from './opened.js';

/** Required ports by direction and protocol number; requirements whose ports are unknown add nothing. */
export class RequiredPorts {
  private readonly byKey = new Map<string, PortSet>();

  constructor(requirements: readonly Requirement[]) {
    for (const r of requirements) {
      if (r.ports === undefined) continue;
      const key = keyOf(r.direction, TRANSPORT_NUMBER[r.protocol]);
      this.byKey.set(key, (this.byKey.get(key) ?? NO_PORTS).union(r.ports));
    }
  }

  /** The union of the required ports of one direction and protocol number. */
  get(direction: Direction, protocol: number): PortSet {
    return this.byKey.get(keyOf(direction, protocol)) ?? NO_PORTS;
  }

  /** Required ports inside the rule's own service-port range, per TCP/UDP protocol the rule matches. */
  keep(rule: Rule, settings: MatchSettings): OpenedPorts {
    const cover = portCover(servicePorts(rule), settings);
    const out: OpenedPorts = new Map();
    for (const p of PORT_PROTOCOLS) {
      if (!rule.protocols.has(p)) continue;
      const kept = cover.intersect(this.get(rule.direction, p));
      if (!kept.isEmpty()) out.set(p, kept);
    }
    return out;
  }
}

function keyOf(direction: Direction, protocol: number): string {
  return `${direction}/${protocol}`;
}

/** `1433,5252/tcp; 389/udp` (protocols in number order, empty sets left out); '' when nothing is left. */
export function formatByProtocol(sets: OpenedPorts): string {
  return [...sets]
    .filter(([, set]) => !set.isEmpty())
    .sort(([a], [b]) => a - b)
    .map(([p, set]) => `${formatPorts(set)}/${protocolName(p)}`)
    .join('; ');
}
