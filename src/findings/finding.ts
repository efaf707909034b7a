/**
 * @fileoverview Findings as a discriminated union on `code`. Analyses build these as data;
 * the wording lives only in messages.ts.
 */
import type { PortSet } from '../model/port-set.js';
import type { FirewallProfile, Direction } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Severity } from './severity.js';

interface FindingBase<C extends string, A> {
  /** Stable fingerprint: the same input and options always give the same id. */
  readonly id: string;
  readonly code: C;
  readonly severity: Severity;
  readonly args: A;
  /** Rules (or settings) involved, with their positions. */
  readonly refs: readonly SourceRef[];
  readonly direction?: Direction;
  /** Transport protocol name (`tcp`, `udp`) where the finding is about ports. */
  readonly protocol?: string;
  readonly ports?: PortSet;
  readonly requirementId?: string;
  /** Catalog services exposed (`Remote Desktop 3389/tcp`). */
  readonly exposes?: readonly string[];
}

interface GapArgs {
  readonly requirementId: string;
  readonly component: string;
}

export type Finding =
  | FindingBase<'REQUIREMENT_BLOCKED', GapArgs>
  | FindingBase<'REQUIREMENT_PARTIAL', GapArgs & { readonly missing: string; readonly scopedTo: string }>
  | FindingBase<'REQUIREMENT_CONDITIONAL', GapArgs & { readonly conditions: readonly string[] }>
  | FindingBase<'REQUIREMENT_UNKNOWN', GapArgs & { readonly reason: string }>
  | FindingBase<'FIREWALL_OFF', { readonly profile: FirewallProfile }>
  | FindingBase<'RETURN_TRAFFIC_BLOCKED', { readonly chain: string; readonly family: string }>;

export type FindingCode = Finding['code'];

/** The `kind` of the JSON contract for each code. */
export function findingKind(code: FindingCode): string {
  switch (code) {
    case 'REQUIREMENT_BLOCKED':
    case 'REQUIREMENT_PARTIAL':
    case 'REQUIREMENT_CONDITIONAL':
    case 'REQUIREMENT_UNKNOWN':
      return 'gap';
    case 'FIREWALL_OFF':
      return 'firewall-off';
    case 'RETURN_TRAFFIC_BLOCKED':
      return 'return-traffic';
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
