/**
 * @fileoverview The decision for one flow segment: which remote addresses are certainly / possibly allowed,
 * and which rules or policies are responsible.
 */
import type { AddressSet } from '../model/address-set.js';
import type { Rule } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Citation } from '../findings/result.js';

/** A rule or policy that decided part of the flow, with the remote addresses it decided. */
export interface Contribution {
  readonly citation: Citation;
  readonly addresses: AddressSet;
  /** Why the contribution is uncertain, when it is. */
  readonly reasons?: readonly string[];
}

export interface SegmentDecision {
  /** Remote addresses certainly allowed. */
  readonly low: AddressSet;
  /** Remote addresses possibly allowed (⊇ low). */
  readonly high: AddressSet;
  readonly allowedBy: readonly Contribution[];
  readonly blockedBy: readonly Contribution[];
  /** Rules whose uncertain match makes low and high differ. */
  readonly conditionalBy: readonly Contribution[];
}

const ruleCitations = new WeakMap<Rule, Citation>();

/** Citation of a rule: one shared object per rule (a rule is cited once per port segment it decides). */
export function citeRule(rule: Rule): Citation {
  let c = ruleCitations.get(rule);
  if (c === undefined) ruleCitations.set(rule, (c = { kind: 'rule', ruleId: rule.id, name: rule.name, ref: rule.source }));
  return c;
}

/** Citation of a default policy or setting. */
export function citePolicy(name: string, ref: SourceRef, kind: Citation['kind'] = 'default-policy'): Citation {
  return { kind, name, ref };
}

/** One step of an explanation: a rule or policy that took part in deciding a flow. */
export interface TraceStep {
  /** Chain key for first-match; `windows` for precedence. */
  readonly chain: string;
  readonly depth: number;
  readonly event: 'match' | 'may-match' | 'jump' | 'goto' | 'return' | 'policy' | 'end-of-chain' | 'firewall-off';
  readonly rule?: Rule;
  /** Policy or setting text for non-rule steps. */
  readonly text?: string;
  /** Why a match is uncertain. */
  readonly reasons?: readonly string[];
  /** Remote addresses this step concerns. */
  readonly addresses: AddressSet;
}
