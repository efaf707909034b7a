/**
 * @fileoverview Turns requirement results that are not `allowed` into gap findings.
 * Severity: blocked → high; partial and conditional → medium; unknown → high when the export does not cover the
 * flow (nothing can be signed off), medium when the ports need user input (e.g. `--feature sap=NN`).
 */
import { formatAddressSet } from '../model/ip.js';
import { formatPorts } from '../model/port-set.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Finding } from '../findings/finding.js';
import type { Citation, RequirementResult } from '../findings/result.js';

/** One finding per requirement that is not fully allowed. */
export function gapFindings(results: readonly RequirementResult[]): Finding[] {
  const out: Finding[] = [];
  for (const r of results) {
    const f = gapFinding(r);
    if (f !== undefined) out.push(f);
  }
  return out;
}

function gapFinding(r: RequirementResult): Finding | undefined {
  const req = r.requirement;
  const common = {
    id: `gap:${req.id}`,
    direction: req.direction,
    protocol: req.protocol,
    requirementId: req.id,
    ...(req.ports === undefined ? {} : { ports: r.missing.isEmpty() ? req.ports : r.missing }),
  };
  const args = { requirementId: req.id, component: req.component };
  switch (r.status) {
    case 'blocked':
      return { ...common, code: 'REQUIREMENT_BLOCKED', severity: 'high', args, refs: refs(r.blockedBy) };
    case 'partial': {
      const scopedTo = r.allowedFrom === undefined || r.allowedFrom.isEmpty() ? 'nowhere' : formatAddressSet(r.allowedFrom);
      const missing = formatPorts(r.missing);
      return { ...common, code: 'REQUIREMENT_PARTIAL', severity: 'medium', args: { ...args, missing, scopedTo }, refs: refs([...r.allowedBy, ...r.blockedBy]) };
    }
    case 'conditional': {
      const conditions = r.conditionalBy.map((c) => `${c.name} (${(c.reasons ?? []).join('; ')})`);
      return { ...common, code: 'REQUIREMENT_CONDITIONAL', severity: 'medium', args: { ...args, conditions }, refs: refs(r.conditionalBy) };
    }
    case 'unknown':
      return { ...common, code: 'REQUIREMENT_UNKNOWN', severity: req.ports === undefined ? 'medium' : 'high', args: { ...args, reason: r.reason ?? '' }, refs: [] };
    default:
      return undefined;
  }
}

function refs(cs: readonly Citation[]): SourceRef[] {
  return cs.map((c) => c.ref);
}
