/**
 * @fileoverview Markdown report, middle part: summary counts and the requirement table.
 */
import { formatPorts } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import { statusLabel } from '../src/findings/messages.js';
import type { AuditResult, Citation, RequirementResult } from '../src/findings/result.js';
import { SEVERITIES } from '../src/findings/severity.js';
import { mdTable } from './markdown-escape.js';
import { requirementCounts, severityCounts, STATUSES } from './summary.js';

/** Two count tables: requirements per status and findings per severity (zeros included). */
export function summaryTables(result: AuditResult): string {
  const req = requirementCounts(result);
  const sev = severityCounts(result);
  const statusRows = STATUSES.map((s) => [statusLabel(s), String(req[s])]);
  const severityRows = SEVERITIES.map((s) => [s, String(sev[s])]);
  return [
    mdTable(['Requirement status', 'Count'], statusRows, ['left', 'right']),
    mdTable(['Finding severity', 'Count'], severityRows, ['left', 'right']),
  ].join('\n\n');
}

/** One row per requirement, in the engine's order. */
export function requirementTable(result: AuditResult): string {
  if (result.requirements.length === 0) return 'No requirements were checked.';
  const header = ['Status', 'Id', 'Direction', 'Protocol', 'Ports', 'Missing', 'Component', 'Allowed by', 'Blocked by', 'Seed'];
  return mdTable(header, result.requirements.map(requirementRow));
}

function requirementRow(r: RequirementResult): string[] {
  const req = r.requirement;
  const allowed = [...r.allowedBy.map(cite), ...r.conditionalBy.map((c) => `${cite(c)}, conditional`)];
  return [
    statusText(r),
    req.id,
    req.direction,
    req.protocol,
    req.ports === undefined ? `unresolved: ${req.unresolved ?? 'ports unknown'}` : formatPorts(req.ports),
    req.ports === undefined ? 'unknown' : formatPorts(r.missing),
    req.component,
    allowed.join('; '),
    r.blockedBy.map(cite).join('; '),
    seedText(r),
  ];
}

/** The status, with the per-family split when the families disagree (`partly allowed (ipv4: allowed, ipv6: blocked)`). */
function statusText(r: RequirementResult): string {
  if (r.waiver !== undefined && r.originalStatus !== undefined) return `${statusLabel(r.status)} (was ${statusLabel(r.originalStatus)}; until ${r.waiver.expires}, ${r.waiver.ticket})`;
  const fams = r.families ?? [];
  if (fams.every((f) => f.status === r.status)) return statusLabel(r.status);
  return `${statusLabel(r.status)} (${fams.map((f) => `${f.family}: ${statusLabel(f.status)}`).join(', ')})`;
}

/** `Rule name (file:line)`. */
export function cite(c: Citation): string {
  return `${c.name} (${formatRef(c.ref)})`;
}

/** `000_….txt:48` for seed rows, `file:line` for custom requirement files. */
function seedText(r: RequirementResult): string {
  const req = r.requirement;
  if (req.seed !== undefined) return `${req.seed.document}:${req.seed.line}`;
  if (req.source !== undefined) return formatRef(req.source);
  return '';
}
