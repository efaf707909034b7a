/**
 * @fileoverview HTML report: the requirement and finding tables (sortable, filterable) with rule details
 * (name and file:line, conditions on demand). Rows carry data-* attributes the script filters on.
 */
import { formatPorts } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import { findingKind, type Finding } from '../src/findings/finding.js';
import { statusLabel } from '../src/findings/messages.js';
import { findingText } from './finding-text.js';
import type { AuditResult, Citation, RequirementResult } from '../src/findings/result.js';
import { SEVERITIES, severityRank } from '../src/findings/severity.js';
import type { WaiverNote } from '../src/waivers/types.js';
import { breakable, html, joinHtml, type SafeHtml } from './html-escape.js';
import { STATUSES } from './summary.js';

/** A header row of sort buttons. */
function sortableHead(columns: readonly string[]): SafeHtml {
  const cells = columns.map((c) => html`<th scope="col" aria-sort="none"><button type="button" class="sort">${c}</button></th>`);
  return html`<thead><tr>${joinHtml(cells)}</tr></thead>`;
}

/** Text box, one select on a row attribute, and a count; hidden until the script wires it up. */
function toolbar(tableId: string, attr: string, label: string, values: readonly { value: string; text: string }[]): SafeHtml {
  const options = values.map((v) => html`<option value="${v.value}">${v.text}</option>`);
  return html`<div class="toolbar" data-table="${tableId}" hidden>
<label>Filter <input type="search" placeholder="text in any column" aria-controls="${tableId}"></label>
<label>${label} <select data-attr="${attr}" aria-controls="${tableId}"><option value="">all</option>${joinHtml(options)}</select></label>
<output aria-live="polite"></output><span class="muted">Click a column header to sort. Printing always includes every row.</span>
</div>`;
}

/** `Rule name` + `file:line`, with the conditions folded in a <details> when there are any. */
function citation(c: Citation, conditional: boolean): SafeHtml {
  const reasons = c.reasons ?? [];
  const details =
    reasons.length === 0
      ? html``
      : html`<details><summary>${reasons.length === 1 ? '1 condition' : `${reasons.length} conditions`}</summary><ul>${joinHtml(reasons.map((r) => html`<li>${r}</li>`))}</ul></details>`;
  return html`<li>${c.name} <code>${breakable(formatRef(c.ref))}</code>${conditional ? html` <span class="muted">(conditional)</span>` : ''}${details}</li>`;
}

function citations(list: readonly Citation[], conditional: readonly Citation[] = []): SafeHtml {
  if (list.length === 0 && conditional.length === 0) return html``;
  return html`<ul class="cites">${joinHtml([...list.map((c) => citation(c, false)), ...conditional.map((c) => citation(c, true))])}</ul>`;
}

function waiverNote(w: WaiverNote): SafeHtml {
  return html`<div class="waived-note">waived until ${w.expires} by ${w.approver} (ticket ${w.ticket}): ${w.reason}</div>`;
}

function statusCell(r: RequirementResult): SafeHtml {
  const was = r.originalStatus === undefined ? '' : ` (was ${statusLabel(r.originalStatus)})`;
  return html`<td data-sort="${STATUSES.indexOf(r.status)}"><span class="badge s-${r.status}">${statusLabel(r.status)}</span>${was}${r.waiver === undefined ? '' : waiverNote(r.waiver)}</td>`;
}

/** Conditions that make the result uncertain, and why an unknown requirement is unknown. */
function conditionsCell(r: RequirementResult): SafeHtml {
  const items = r.conditionalBy.flatMap((c) => (c.reasons ?? []).map((reason) => `${c.name}: ${reason}`));
  if (r.reason !== undefined) items.push(r.reason);
  return html`<td>${items.length === 0 ? '' : html`<ul class="cites">${joinHtml(items.map((t) => html`<li>${t}</li>`))}</ul>`}</td>`;
}

/** Whether the per-family statuses say more than the overall status (they disagree with it). */
function familiesDiffer(r: RequirementResult): boolean {
  return (r.families ?? []).some((f) => f.status !== r.status);
}

function familiesCell(r: RequirementResult): SafeHtml {
  const fams = familiesDiffer(r) ? (r.families ?? []) : [];
  const items = fams.map((f) => html`<li>${f.family}: <span class="badge s-${f.status}">${statusLabel(f.status)}</span>${f.missing.isEmpty() ? '' : ` missing ${formatPorts(f.missing)}`}</li>`);
  return html`<td>${fams.length === 0 ? '' : html`<ul class="cites">${joinHtml(items)}</ul>`}</td>`;
}

function seedText(r: RequirementResult): string {
  const req = r.requirement;
  if (req.seed !== undefined) return `${req.seed.document}:${req.seed.line}`;
  if (req.source !== undefined) return formatRef(req.source);
  return '';
}

function requirementRow(r: RequirementResult, i: number, withFamilies: boolean): SafeHtml {
  const req = r.requirement;
  const portText = req.ports === undefined ? `unresolved: ${req.unresolved ?? 'ports unknown'}` : formatPorts(req.ports);
  const missing = req.ports === undefined ? 'unknown' : formatPorts(r.missing);
  return html`<tr data-row="${i}" data-status="${r.status}">${statusCell(r)}<td><code>${req.id}</code></td><td>${req.direction}</td><td>${req.protocol}</td><td data-sort="${req.ports?.first() ?? -1}">${portText}</td><td>${missing}</td><td>${req.component}</td><td>${citations(r.allowedBy, r.conditionalBy)}</td><td>${citations(r.blockedBy)}</td>${conditionsCell(r)}${withFamilies ? familiesCell(r) : ''}<td>${seedText(r) === '' ? '' : html`<code>${breakable(seedText(r))}</code>`}</td></tr>`;
}

/** The requirement table with its toolbar; rows in the engine's order. */
export function requirementTable(result: AuditResult): SafeHtml {
  if (result.requirements.length === 0) return html`<p>No requirements were checked.</p>`;
  const withFamilies = result.requirements.some(familiesDiffer);
  const columns = ['Status', 'Id', 'Direction', 'Protocol', 'Ports', 'Missing', 'Component', 'Allowed by', 'Blocked by', 'Conditions', ...(withFamilies ? ['Families'] : []), 'Seed'];
  const rows = result.requirements.map((r, i) => requirementRow(r, i, withFamilies));
  const statuses = STATUSES.map((s) => ({ value: s, text: statusLabel(s) }));
  return html`${toolbar('requirements-table', 'status', 'Status', statuses)}
<div class="table-wrap"><table id="requirements-table" class="sortable">${sortableHead(columns)}<tbody>
${joinHtml(rows, '\n')}
</tbody></table></div>`;
}

function findingRow(f: Finding, i: number): SafeHtml {
  const refs = f.refs.map((r) => html`<li><code>${breakable(formatRef(r))}</code></li>`);
  const kind = findingKind(f.code);
  return html`<tr data-row="${i}" data-severity="${f.severity}" data-kind="${kind}"><td data-sort="${4 - severityRank(f.severity)}"><span class="badge sev-${f.severity}">${f.severity}</span></td><td><code>${breakable(f.id)}</code></td><td>${kind}</td><td>${findingText(f)}${f.waiver === undefined ? '' : waiverNote(f.waiver)}</td><td>${f.requirementId === undefined ? '' : html`<code>${f.requirementId}</code>`}</td><td>${refs.length === 0 ? '' : html`<ul class="cites">${joinHtml(refs)}</ul>`}</td><td>${(f.exposes ?? []).join(', ')}</td></tr>`;
}

/** The findings table with its toolbar; rows in the result's order (severity, then id). */
export function findingTable(result: AuditResult): SafeHtml {
  if (result.findings.length === 0) return html`<p>No findings.</p>`;
  const columns = ['Severity', 'Id', 'Kind', 'Finding', 'Requirement', 'Rules', 'Exposes'];
  const rows = result.findings.map(findingRow);
  const severities = SEVERITIES.map((s) => ({ value: s, text: s }));
  return html`${toolbar('findings-table', 'severity', 'Severity', severities)}
<div class="table-wrap"><table id="findings-table" class="sortable">${sortableHead(columns)}<tbody>
${joinHtml(rows, '\n')}
</tbody></table></div>`;
}
