/**
 * @fileoverview Findings as a discriminated union on `code`. Analyses build these as data;
 * the wording lives only in messages.ts.
 */
import type { PortSet } from '../model/port-set.js';
import type { FirewallProfile, Direction } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Severity } from './severity.js';
import type { WaiverNote } from '../waivers/types.js';

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
  /** A valid waiver accepts this finding: it is shown as waived and does not fail the run. */
  readonly waiver?: WaiverNote;
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
  | FindingBase<'RETURN_TRAFFIC_BLOCKED', { readonly chain: string; readonly family: string }>
  | FindingBase<'RULE_OVER_PERMISSIVE', OverPermissiveArgs>
  | FindingBase<'RULE_SHADOWED', RuleArgs & { readonly by: readonly string[]; readonly conflicting: boolean }>
  | FindingBase<'RULE_REDUNDANT', RuleArgs & { readonly by: readonly string[] }>
  | FindingBase<'RULES_CORRELATED', RuleArgs & { readonly other: string; readonly otherName: string }>
  | FindingBase<'RULE_GENERALIZATION', RuleArgs & { readonly generalizes: readonly string[] }>
  | FindingBase<'ALLOW_OVERRIDDEN', RuleArgs & { readonly by: readonly string[] }>
  | FindingBase<'BLOCK_CUTS_REQUIREMENT', RuleArgs & GapArgs>
  | FindingBase<'DISABLED_RULE_WOULD_CLOSE_GAP', RuleArgs & GapArgs>
  | FindingBase<'WAIVER_EXPIRED', { readonly waiverId: string; readonly ticket: string; readonly expires: string; readonly target: string }>
  | FindingBase<'WAIVER_UNUSED', { readonly waiverId: string; readonly target: string }>
  | FindingBase<'ANOMALY_PAIRS_CAPPED', { readonly kind: 'correlated' | 'generalization'; readonly total: number; readonly shown: number }>;

/** The rule a finding is about: its id (`file:line`) and name. */
interface RuleArgs {
  readonly ruleId: string;
  readonly ruleName: string;
}

/** What an over-permissive rule opens beyond the requirements. */
export type OverPermissiveTrait = 'any-port' | 'any-protocol' | 'wide-range' | 'any-remote' | 'not-required';

interface OverPermissiveArgs extends RuleArgs {
  readonly traits: readonly OverPermissiveTrait[];
  /** Opened beyond the requirements, e.g. `1024-1432,1434-5251,…/tcp`. */
  readonly excess: string;
  /** Required ports inside the rule's range (what a narrower rule would keep), e.g. `5252,5555/tcp`; '' when none. */
  readonly keep: string;
  /** `excess` is an upper bound: earlier rules already decide too many scattered parts of the range to list. */
  readonly upperBound?: true;
}

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
    case 'RULE_OVER_PERMISSIVE':
      return 'over-permissive';
    case 'RULE_SHADOWED':
      return 'shadowed';
    case 'RULE_REDUNDANT':
      return 'redundant';
    case 'RULES_CORRELATED':
      return 'correlated';
    case 'RULE_GENERALIZATION':
      return 'generalization';
    case 'ALLOW_OVERRIDDEN':
      return 'overridden';
    case 'BLOCK_CUTS_REQUIREMENT':
      return 'block-cuts-requirement';
    case 'DISABLED_RULE_WOULD_CLOSE_GAP':
      return 'disabled-would-close-gap';
    case 'ANOMALY_PAIRS_CAPPED':
      return 'pairs-capped';
    case 'WAIVER_EXPIRED':
      return 'waiver-expired';
    case 'WAIVER_UNUSED':
      return 'waiver-unused';
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
