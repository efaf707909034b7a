/**
 * @fileoverview Requirement status transitions between two audits of one host. Statuses are ordered
 * allowed > partial > conditional > unknown > blocked (a waiver does not change the order: the status it
 * waived counts); a lower status, or the same status with newly missing ports, is a regression.
 */
import type { RequirementResult, RequirementStatus } from '../../findings/result.js';
import type { Severity } from '../../findings/severity.js';
import { formatRef } from '../../model/source-ref.js';
import type { RequirementChanges, RequirementTransition, TransitionKind } from './types.js';

const RANK: Readonly<Record<RequirementStatus, number>> = { allowed: 4, partial: 3, conditional: 2, unknown: 1, blocked: 0, waived: 4 };

/** The status a requirement really has (the waived status for a waived one). */
export function underlyingStatus(r: RequirementResult): RequirementStatus {
  return r.status === 'waived' ? (r.originalStatus ?? 'waived') : r.status;
}

/** Rank of a status: higher is better. */
export function statusRank(s: RequirementStatus): number {
  return RANK[s];
}

/** Transitions of the requirements both audits evaluated, in the after audit's order. */
export function diffRequirements(before: readonly RequirementResult[], after: readonly RequirementResult[]): RequirementChanges {
  const byId = new Map(before.map((r) => [r.requirement.id, r]));
  const transitions: RequirementTransition[] = [];
  let total = 0;
  for (const a of after) {
    const b = byId.get(a.requirement.id);
    if (b === undefined) continue;
    total++;
    if (b.status === a.status && b.missing.equals(a.missing)) continue;
    transitions.push(transition(b, a));
  }
  return { total, unchanged: total - transitions.length, transitions };
}

function transition(b: RequirementResult, a: RequirementResult): RequirementTransition {
  const req = a.requirement;
  const change = kindOf(b, a);
  const severity = change === 'regressed' ? regressionSeverity(b, a) : undefined;
  const cited = change === 'regressed' ? a.blockedBy : a.allowedBy;
  return {
    id: req.id,
    component: req.component,
    direction: req.direction,
    protocol: req.protocol,
    ports: req.ports,
    before: b.status,
    after: a.status,
    beforeMissing: b.missing,
    afterMissing: a.missing,
    change,
    ...(severity === undefined ? {} : { severity }),
    rules: [...new Set(cited.map((c) => formatRef(c.ref)))],
  };
}

function kindOf(b: RequirementResult, a: RequirementResult): TransitionKind {
  const rb = statusRank(underlyingStatus(b));
  const ra = statusRank(underlyingStatus(a));
  if (ra < rb) return 'regressed';
  if (ra > rb) return 'improved';
  if (!b.missing.contains(a.missing)) return 'regressed';
  if (!a.missing.contains(b.missing)) return 'improved';
  return 'changed';
}

/** High when a working flow broke or the flow is now blocked or undecidable; medium when a gap got worse. */
function regressionSeverity(b: RequirementResult, a: RequirementResult): Severity {
  const after = underlyingStatus(a);
  if (underlyingStatus(b) === 'allowed' || after === 'blocked' || after === 'unknown') return 'high';
  return 'medium';
}
