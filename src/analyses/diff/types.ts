/**
 * @fileoverview Types of `k2audit diff`: what changed between two exports of one host, at the rule level
 * (added, removed, changed, moved rules; default policies), at the flow level (ports and remote addresses newly
 * allowed or blocked) and at the requirement level (status transitions, new and resolved exposures).
 */
import type { Direction, FirewallProfile } from '../../model/rule.js';
import type { PortSet } from '../../model/port-set.js';
import type { Finding } from '../../findings/finding.js';
import type { AuditResult, Citation, InputSummary, RequirementStatus } from '../../findings/result.js';
import type { Severity } from '../../findings/severity.js';
import type { LoadedInput } from '../../engine/audit.js';
import type { MatchSettings } from '../../engine/rule-match.js';

/** One side of the diff: the loaded exports and their audit. */
export interface DiffSideInput {
  readonly inputs: readonly LoadedInput[];
  readonly result: AuditResult;
}

export interface DiffOptions {
  readonly fwProfile: FirewallProfile;
  readonly settings?: Partial<MatchSettings>;
  /** Regressions and new exposures at or above this severity fail the diff; `none` never fails. */
  readonly failOn: Severity | 'none';
}

export type DiffSide = 'before' | 'after';

/** A rule as the diff cites it. */
export interface RuleRef {
  /** `file:line` (or `file#path` / `file#vendor-id`). */
  readonly ref: string;
  readonly name: string;
  readonly direction: Direction;
  /** First-match: the chain key and the 1-based position in it. */
  readonly chain?: string;
  readonly position?: number;
  /** The normalized one-line listing of the rule (no file:line). */
  readonly text: string;
}

/** Normalized rule fields the diff compares. */
export type RuleField =
  | 'name'
  | 'enabled'
  | 'direction'
  | 'action'
  | 'protocols'
  | 'localPorts'
  | 'remotePorts'
  | 'localAddresses'
  | 'remoteAddresses'
  | 'profiles'
  | 'conditions'
  | 'chain'
  | 'store'
  | 'flags';

export interface FieldChange {
  readonly field: RuleField;
  readonly before: string;
  readonly after: string;
}

/** How a changed pair was matched: same vendor id, same name and direction, same content, or same place in a chain. */
export type MatchedBy = 'vendor-id' | 'name' | 'content' | 'position';

export interface ChangedRule {
  readonly before: RuleRef;
  readonly after: RuleRef;
  /** The after-side name. */
  readonly name: string;
  readonly matchedBy: MatchedBy;
  readonly fields: readonly FieldChange[];
}

/** First-match only: the same rule at another position of its chain. */
export interface MovedRule {
  readonly before: RuleRef;
  readonly after: RuleRef;
  readonly chain: string;
}

export interface RuleChanges {
  /** Sorted by after-side reference. */
  readonly added: readonly RuleRef[];
  /** Sorted by before-side reference. */
  readonly removed: readonly RuleRef[];
  readonly changed: readonly ChangedRule[];
  readonly moved: readonly MovedRule[];
  /** Rules matched with no change (Windows: in any order; first-match: in the same relative order). */
  readonly unchanged: number;
}

/** A changed default: a Windows profile setting or a first-match chain policy. */
export interface PolicyChange {
  /** `profile domain` or `chain filter/INPUT`. */
  readonly subject: string;
  /** `firewall`, `inbound`, `outbound`, `local rules`, `policy`, `present`. */
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly beforeRef?: string;
  readonly afterRef?: string;
}

/** `certain`: blocked ↔ certainly allowed; `possible`: one side is only conditionally allowed. */
export type Certainty = 'certain' | 'possible';

/** A rule or default cited for a flow change, from the side that explains it. */
export interface Responsible {
  readonly side: DiffSide;
  readonly kind: Citation['kind'];
  readonly ref: string;
  readonly name: string;
}

/** Remote addresses whose verdict changed for a set of service ports. */
export interface FlowChange {
  readonly ports: PortSet;
  /** The remote addresses, formatted (`any`, `10.0.0.0/8`, `any IPv4`). */
  readonly remote: string;
  readonly certainty: Certainty;
  /** Newly allowed: after-side allows plus removed or changed before-side blocks; newly blocked: the reverse. */
  readonly responsible: readonly Responsible[];
}

/** `tcp`, `udp`, or `other` (every other IP protocol, e.g. ICMP, GRE, via any-protocol rules). */
export type ProtocolLabel = 'tcp' | 'udp' | 'other';

export interface ProtocolChanges {
  readonly direction: Direction;
  readonly protocol: ProtocolLabel;
  /** The protocols the entry covers (`tcp`, `udp`, `icmp`, `0-5,7-16,18-255`). */
  readonly protocols: string;
  readonly newlyAllowed: readonly FlowChange[];
  readonly newlyBlocked: readonly FlowChange[];
}

export interface SemanticChanges {
  /** Only direction × protocol pairs with a change, inbound first, tcp, udp, other. */
  readonly changes: readonly ProtocolChanges[];
  /** Directions compared (covered by both sides). */
  readonly directions: readonly Direction[];
  /** Why a direction was not compared (one side does not show how it is filtered). */
  readonly notCompared: readonly { readonly direction: Direction; readonly reason: string }[];
  /** Address families both sides speak for. */
  readonly families: readonly string[];
}

export type TransitionKind = 'regressed' | 'improved' | 'changed';

export interface RequirementTransition {
  readonly id: string;
  readonly component: string;
  readonly direction: Direction;
  readonly protocol: string;
  readonly ports: PortSet | undefined;
  readonly before: RequirementStatus;
  readonly after: RequirementStatus;
  readonly beforeMissing: PortSet;
  readonly afterMissing: PortSet;
  readonly change: TransitionKind;
  /** Regressions only: high when a working flow broke or the flow is now blocked, else medium. */
  readonly severity?: Severity;
  /** Cited rules of the after side (blockedBy for a regression, allowedBy otherwise). */
  readonly rules: readonly string[];
}

export interface RequirementChanges {
  readonly total: number;
  readonly unchanged: number;
  /** Requirements whose status or missing ports changed, in requirement order. */
  readonly transitions: readonly RequirementTransition[];
}

export interface ExposureChanges {
  /** Over-permissive and firewall-off findings of the after side that the before side did not have. */
  readonly new: readonly Finding[];
  /** Such findings of the before side that are gone. */
  readonly resolved: readonly Finding[];
  /** Set when over-permissive findings were not compared (no requirement set). */
  readonly skipped?: string;
}

export interface DiffSideSummary {
  readonly inputs: readonly InputSummary[];
  readonly semantics: readonly string[];
  readonly ruleCount: number;
}

export interface DiffResult {
  readonly tool: AuditResult['tool'];
  readonly requirementSet: AuditResult['requirementSet'];
  readonly firewallProfile: FirewallProfile;
  readonly generatedAt: string;
  readonly failOn: Severity | 'none';
  /** Change ticket of the after audit (--ticket). */
  readonly ticket?: string;
  readonly before: DiffSideSummary;
  readonly after: DiffSideSummary;
  readonly rules: RuleChanges;
  readonly policies: readonly PolicyChange[];
  readonly semantic: SemanticChanges;
  readonly requirements: RequirementChanges;
  readonly exposures: ExposureChanges;
  /** Unified diff of the normalized rule listings; '' when they are equal. */
  readonly unifiedDiff: string;
  /** Requirement transitions of kind `regressed`. */
  readonly regressions: readonly RequirementTransition[];
  /** Unwaived new exposures. */
  readonly newExposures: readonly Finding[];
  /** Regressions and new exposures at or above failOn. */
  readonly failing: { readonly regressions: number; readonly exposures: number };
  readonly verdict: 'pass' | 'fail';
}
