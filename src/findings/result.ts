/**
 * @fileoverview AuditResult: everything a reporter needs, and nothing vendor-specific.
 */
import type { AddressSet, Family } from '../model/address-set.js';
import type { Diagnostic, LineAccounting } from '../model/diagnostic.js';
import type { PortSet } from '../model/port-set.js';
import type { FirewallProfile } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Requirement } from '../requirements/types.js';
import type { Finding } from './finding.js';
import type { RemediationItem } from './remediation.js';
import type { Severity } from './severity.js';
import type { WaiverNote } from '../waivers/types.js';

export type RequirementStatus = 'allowed' | 'partial' | 'blocked' | 'conditional' | 'unknown' | 'waived';

/** A rule, default policy or setting cited as the reason for a decision. */
export interface Citation {
  readonly kind: 'rule' | 'default-policy' | 'firewall-off';
  /** Rule id for kind `rule`. */
  readonly ruleId?: string;
  /** Rule name, or a description of the policy (`default inbound action of the domain profile: block`). */
  readonly name: string;
  readonly ref: SourceRef;
  /** Why the cited rule matches only conditionally (program, interface, symbolic address, …). */
  readonly reasons?: readonly string[];
}

/** The verdict on one requirement. */
export interface RequirementResult {
  readonly requirement: Requirement;
  readonly status: RequirementStatus;
  /** Required ports not certainly allowed for the whole required remote scope. */
  readonly missing: PortSet;
  readonly allowedBy: readonly Citation[];
  readonly blockedBy: readonly Citation[];
  /** Rules whose conditions make the outcome uncertain. */
  readonly conditionalBy: readonly Citation[];
  /** Remote addresses allowed for at least one required port (shown for `partial`). */
  readonly allowedFrom?: AddressSet;
  /** Why the status is `unknown`. */
  readonly reason?: string;
  /** The waiver that turned the status into `waived`, and the status it had. */
  readonly waiver?: WaiverNote;
  readonly originalStatus?: RequirementStatus;
  /** Per address family, when more than one family is audited (IPv4 and IPv6 are separate rule sets on Linux). */
  readonly families?: readonly { readonly family: Family; readonly status: RequirementStatus; readonly missing: PortSet }[];
}

/** One audited input file. */
export interface InputSummary {
  readonly path: string;
  readonly format: string;
  readonly encoding: string;
  readonly sha256: string;
  readonly ruleCount: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly accounting: LineAccounting;
}

/** What the waiver files did, for the sign-off header. */
export interface WaiverSummary {
  readonly files: readonly string[];
  readonly applied: number;
  readonly expired: number;
  readonly unused: number;
}

export interface AuditResult {
  readonly tool: { readonly name: 'k2audit'; readonly version: string };
  readonly requirementSet: { readonly profile: string | null; readonly version: string; readonly features: readonly string[] };
  readonly firewallProfile: FirewallProfile;
  readonly inputs: readonly InputSummary[];
  readonly verdict: 'pass' | 'fail';
  readonly failOn: Severity | 'none';
  readonly requirements: readonly RequirementResult[];
  /** Sorted by severity, then id. */
  readonly findings: readonly Finding[];
  /** One item per requirement (gap fixes or `none`) and per over-permissive finding, in requirement then finding order. */
  readonly remediation: readonly RemediationItem[];
  /** Waivers given with --waivers, when any. */
  readonly waivers?: WaiverSummary;
  /** Change ticket (--ticket). */
  readonly ticket?: string;
  /** ISO time from --timestamp / SOURCE_DATE_EPOCH, else the run time. */
  readonly generatedAt: string;
}
