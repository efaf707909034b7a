/**
 * @fileoverview Turns the K2 rows selected by a profile into requirements, applying features and port overrides.
 */
import { AddressSet } from '../model/address-set.js';
import { ports, type PortSet } from '../model/port-set.js';
import type { TransportProtocol } from '../model/protocol.js';
import type { Direction } from '../model/rule.js';
import { conditionHolds, conditionText, sapSystemNumbers, type FeatureState } from './features.js';
import type { K2Row } from './k2-row.js';
import { K2_ROWS } from './k2-rows.js';
import type { PortOverrides } from './port-overrides.js';
import { hostDirection, type Profile } from './profiles.js';
import type { Requirement } from './types.js';

/** Why SAP ports are unknown without `--feature sap=NN`. */
export const SAP_UNRESOLVED = 'set --feature sap=NN (SAP system number)';
/** Why custom broker ports are unknown without `--port custom-broker=N`. */
export const CUSTOM_BROKER_UNRESOLVED = 'set --port custom-broker=N (custom service broker port)';

/** The requirements of a profile under the given features and overrides (unsorted). */
export function profileRequirements(profile: Profile, state: FeatureState, overrides: PortOverrides): Requirement[] {
  const out: Requirement[] = [];
  for (const row of K2_ROWS) {
    if (row.condition !== undefined && !conditionHolds(row.condition, state)) continue;
    const resolved = rowPorts(row, state, overrides);
    for (const k2Direction of profile.select(row)) {
      const direction = hostDirection(profile, k2Direction);
      for (const protocol of row.protocols) out.push(requirement(row, direction, protocol, resolved));
    }
  }
  return out;
}

interface ResolvedPorts {
  readonly ports: PortSet | undefined;
  readonly unresolved?: string;
}

/** Ports of a row: override first, then the row's own ports, then what features supply. */
function rowPorts(row: K2Row, state: FeatureState, overrides: PortOverrides): ResolvedPorts {
  const override = row.portName === undefined ? undefined : overrides.get(row.portName);
  if (override !== undefined) return { ports: override };
  if (row.ports === 'needs-custom-broker') return { ports: undefined, unresolved: CUSTOM_BROKER_UNRESOLVED };
  if (row.ports !== 'needs-sap') return { ports: row.ports };
  const systems = sapSystemNumbers(state);
  if (systems === undefined) return { ports: undefined, unresolved: SAP_UNRESOLVED };
  return { ports: ports(...systems.flatMap((nn) => [3200 + nn, 3300 + nn])) };
}

function requirement(row: K2Row, direction: Direction, protocol: TransportProtocol, r: ResolvedPorts): Requirement {
  return {
    id: `${row.key}-${direction}-${protocol}`,
    category: row.category,
    component: row.component,
    direction,
    protocol,
    ports: r.ports,
    ...(r.unresolved === undefined ? {} : { unresolved: r.unresolved }),
    remote: AddressSet.ANY,
    remoteText: 'any',
    note: row.note,
    ...(row.condition === undefined ? {} : { condition: conditionText(row.condition) }),
    ...(row.portName === undefined ? {} : { portName: row.portName }),
    seed: row.seed,
  };
}

/** Why an override matched nothing: the feature its rows need, or that the profile does not use them. */
export function unusedOverrideHint(name: string, profile: Profile): string {
  const rows = K2_ROWS.filter((r) => r.portName === name && profile.select(r).length > 0);
  const conditions = [...new Set(rows.flatMap((r) => (r.condition === undefined ? [] : [conditionText(r.condition)])))];
  if (rows.length === 0) return `not used by profile ${profile.name}`;
  return `needs ${conditions.join(' or ')}`;
}
