/**
 * @fileoverview The shape of one K2 port reference row (seed 000) as embedded data, and its seed reference helper.
 */
import type { PortSet } from '../model/port-set.js';
import type { TransportProtocol } from '../model/protocol.js';
import type { Direction } from '../model/rule.js';
import type { FeatureName } from './feature-names.js';
import type { SeedRef } from './types.js';

/** File name of the K2 port reference seed. */
export const K2_SEED_DOCUMENT = '000_9cde9e52c73b87e5.txt';

/** Ports that only the user can supply: SAP system numbers (`--feature sap=NN`) or a custom broker (`--port`). */
export type PortsNeedingInput = 'needs-sap' | 'needs-custom-broker';

/**
 * When a row applies. Without `values` the feature only has to be on; with `values` its value must be one of them.
 */
export interface FeatureCondition {
  readonly feature: FeatureName;
  readonly values?: readonly string[];
}

/** One row (or one port variant of a row) of the K2 port reference. */
export interface K2Row {
  /** Stable slug, unique across rows; requirement ids are `${key}-${direction}-${protocol}`. */
  readonly key: string;
  readonly category: string;
  /** The port column as written (`1025-5000`, `32xx\n33xx`, `443 (WinRM 1.1)`). */
  readonly portsText: string;
  readonly ports: PortSet | PortsNeedingInput;
  /** Directions as seen from the K2 server ("Inbound + Outbound" → both). */
  readonly directions: readonly Direction[];
  readonly protocols: readonly TransportProtocol[];
  /** The protocol column as written (`TCP + UDP`, `RPC/UDP`, `HTTPS`). */
  readonly protocolText: string;
  /** Short component name for tables. */
  readonly component: string;
  /** The seed's "Component/Usage and notes" text (continuation lines joined). */
  readonly note: string;
  /** Key for `--port name=N` overrides. */
  readonly portName?: string;
  /** Absent: the row always applies in the profiles that select it. */
  readonly condition?: FeatureCondition;
  readonly seed: SeedRef;
}

/** A seed reference into the K2 port reference. */
export function k2Seed(line: number, text: string): SeedRef {
  return { document: K2_SEED_DOCUMENT, line, text };
}
