/**
 * @fileoverview Types of the requirement set (seed 000), the service catalog (seed 002) and resolved requirements.
 */
import type { AddressSet } from '../model/address-set.js';
import type { PortSet } from '../model/port-set.js';
import type { TransportProtocol } from '../model/protocol.js';
import type { Direction } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';

/** A reference back to one row of a seed document. `line` is the 1-based line where the row starts. */
export interface SeedRef {
  /** Seed file name, e.g. `000_9cde9e52c73b87e5.txt`. */
  readonly document: string;
  readonly line: number;
  /** The row text verbatim (multi-line rows joined with `\n`). */
  readonly text: string;
}

/** One requirement after profile, features and port overrides are applied. */
export interface Requirement {
  /** Stable id, e.g. `k2-host-server-in-tcp`; unchanged by port overrides. */
  readonly id: string;
  readonly category: string;
  readonly component: string;
  /** Direction as seen from the audited host. */
  readonly direction: Direction;
  readonly protocol: TransportProtocol;
  /** Required ports (inbound: local port; outbound: remote port); undefined when they cannot be known. */
  readonly ports: PortSet | undefined;
  /** Why `ports` is undefined (e.g. `set --feature sap=NN`). */
  readonly unresolved?: string;
  /** Remote peers that must be able to connect (inbound) or be reached (outbound). */
  readonly remote: AddressSet;
  /** `remote` as written (`any`, `10.0.0.0/8`). */
  readonly remoteText: string;
  /** The seed's note for the row. */
  readonly note?: string;
  /** Human text of the condition under which the row applies (`feature email=smtp`). */
  readonly condition?: string;
  /** Override key for `--port name=N` (`sql`, `web-https`, …). */
  readonly portName?: string;
  /** Seed row (K2 requirements) … */
  readonly seed?: SeedRef;
  /** … or position in a custom requirement file. */
  readonly source?: SourceRef;
}

/** The requirements an audit checks, with what selected them. */
export interface RequirementSet {
  /** Profile name, or null for a custom file used alone. */
  readonly profile: string | null;
  /** Version of the built-in requirement data. */
  readonly version: string;
  /** Effective features as `name` or `name=value`, sorted. */
  readonly features: readonly string[];
  readonly requirements: readonly Requirement[];
}

/** One row of the Windows service port table (seed 002). */
export interface CatalogEntry {
  /** Ports, or undefined for port-less protocols (GRE, ESP, AH: "n/a"). */
  readonly ports: PortSet | undefined;
  /** IP protocol number (6, 17, 47, 50, 51). */
  readonly protocol: number;
  /** Protocol as written in the seed (`TCP`, `UPD`). */
  readonly protocolText: string;
  readonly appProtocol: string;
  readonly service: string;
  readonly seed: SeedRef;
  /** Normalization note, e.g. `seed says "UPD"; read as UDP`. */
  readonly note?: string;
}
