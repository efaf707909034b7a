/**
 * @fileoverview Applies waivers: a valid waiver marks the findings (and the requirement) it selects as waived; an
 * expired one leaves them counting and adds WAIVER_EXPIRED (high) naming it; one that selects nothing adds
 * WAIVER_UNUSED (low). A waiver holds through its `expires` day (UTC) of the report time.
 */
import type { Finding } from '../findings/finding.js';
import type { RequirementResult, WaiverSummary } from '../findings/result.js';
import type { Waiver, WaiverNote } from '../waivers/types.js';

export interface WaiverOutcome {
  readonly requirements: RequirementResult[];
  readonly findings: Finding[];
  readonly summary: WaiverSummary;
}

/** Applies `waivers` as of `generatedAt` (ISO time). */
export function applyWaivers(
  requirements: readonly RequirementResult[],
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  files: readonly string[],
  generatedAt: string,
): WaiverOutcome {
  const today = generatedAt.slice(0, 10);
  const valid = (w: Waiver): boolean => w.expires >= today;
  const used = new Set<Waiver>();
  const selects = (w: Waiver, f: Finding): boolean => w.finding === f.id || (w.requirement !== undefined && w.requirement === f.requirementId);
  const outFindings = findings.map((f) => {
    const matching = waivers.filter((w) => selects(w, f));
    matching.forEach((w) => used.add(w));
    const w = matching.find(valid);
    return w === undefined ? f : { ...f, waiver: note(w) };
  });
  const outRequirements = requirements.map((r) => {
    if (r.status === 'allowed') return r;
    const w = waivers.find((x) => valid(x) && (x.requirement === r.requirement.id || x.finding === `gap:${r.requirement.id}`));
    return w === undefined ? r : { ...r, status: 'waived' as const, originalStatus: r.status, waiver: note(w) };
  });
  const extra: Finding[] = [];
  for (const w of waivers) {
    const target = w.finding !== undefined ? `finding ${w.finding}` : `requirement ${w.requirement ?? ''}`;
    if (!used.has(w)) {
      extra.push({ id: `waiver-unused:${w.id}`, code: 'WAIVER_UNUSED', severity: 'low', args: { waiverId: w.id, target }, refs: [w.source] });
    } else if (!valid(w)) {
      extra.push({ id: `waiver-expired:${w.id}`, code: 'WAIVER_EXPIRED', severity: 'high', args: { waiverId: w.id, ticket: w.ticket, expires: w.expires, target }, refs: [w.source] });
    }
  }
  const expired = waivers.filter((w) => used.has(w) && !valid(w)).length;
  return {
    requirements: outRequirements,
    findings: [...outFindings, ...extra],
    summary: { files, applied: outFindings.filter((f) => f.waiver !== undefined).length, expired, unused: waivers.length - used.size },
  };
}

function note(w: Waiver): WaiverNote {
  return { id: w.id, reason: w.reason, approver: w.approver, ticket: w.ticket, expires: w.expires };
}
