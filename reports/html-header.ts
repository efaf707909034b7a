/**
 * @fileoverview HTML report, top part: verdict banner, sign-off header, inputs (with line accounting)
 * and summary counts. Every input-derived value goes through the `html` tag, which escapes it.
 */
import { statusLabel } from '../src/findings/messages.js';
import type { AuditResult, InputSummary } from '../src/findings/result.js';
import { SEVERITIES } from '../src/findings/severity.js';
import { failingFindings } from '../src/findings/verdict.js';
import { breakable, html, joinHtml, type SafeHtml } from './html-escape.js';
import { diagnosticsText } from './markdown-header.js';
import { requirementCounts, severityCounts, signOffRows, STATUSES } from './summary.js';
import type { ReportOptions } from './types.js';

/** `PASS`/`FAIL` banner with the number of (unwaived) findings at or above the threshold. */
export function verdictBanner(result: AuditResult): SafeHtml {
  const pass = result.verdict === 'pass';
  const word = pass ? 'PASS' : 'FAIL';
  let detail: string;
  if (result.failOn === 'none') {
    detail = 'fail-on threshold: none (the exit code never fails)';
  } else {
    const n = failingFindings(result.findings, result.failOn).length;
    detail = `${n === 1 ? '1 finding' : `${n} findings`} at or above the fail-on threshold (${result.failOn})`;
  }
  return html`<section class="verdict verdict-${pass ? 'pass' : 'fail'}" id="verdict" role="status" aria-label="Verdict: ${word}">
<strong>${word}</strong><span>${detail}</span>
</section>`;
}

/** The sign-off header: what was audited, against what, with which tool, when. */
export function signOffHeader(result: AuditResult, options: ReportOptions): SafeHtml {
  const rows = signOffRows(result, options);
  const body = rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`);
  return html`<table class="kv" id="signoff-header"><tbody>
${joinHtml(body, '\n')}
</tbody></table>`;
}

/** One row per input: path, format, encoding, SHA-256, rules, line accounting, diagnostics. */
export function inputsTable(result: AuditResult): SafeHtml {
  if (result.inputs.length === 0) return html`<p>No inputs.</p>`;
  const rows = result.inputs.map(
    (input, i) => html`<tr><td class="num">${i + 1}</td><td><code>${breakable(input.path)}</code></td><td>${input.format}</td><td>${input.encoding}</td><td><code>${hashText(input.sha256)}</code></td><td class="num">${input.ruleCount}</td><td>${linesCell(input)}</td><td>${diagnosticsText(input.diagnostics)}</td></tr>`,
  );
  return html`<div class="table-wrap"><table id="inputs"><thead><tr><th class="num">#</th><th>Path</th><th>Format</th><th>Encoding</th><th>SHA-256</th><th class="num">Rules</th><th>Lines</th><th>Diagnostics</th></tr></thead><tbody>
${joinHtml(rows, '\n')}
</tbody></table></div>`;
}

/** The hash with a line-break opportunity in the middle (copying still gives the 64 characters). */
function hashText(sha: string): SafeHtml {
  return html`${sha.slice(0, 32)}<wbr>${sha.slice(32)}`;
}

/** `120 lines: 100 parsed, 18 ignored (blank 10, separator 8), 2 unsupported`; reasons sorted. */
function linesCell(input: InputSummary): string {
  const a = input.accounting;
  const reasons = Object.entries(a.ignored).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const ignored = reasons.reduce((s, [, n]) => s + n, 0);
  const detail = reasons.length === 0 ? '' : ` (${reasons.map(([k, n]) => `${k} ${n}`).join(', ')})`;
  return `${a.total} lines: ${a.parsed} parsed, ${ignored} ignored${detail}, ${a.unsupported} unsupported`;
}

/** Requirements per status and findings per severity, zeros included. */
export function summaryTables(result: AuditResult): SafeHtml {
  const req = requirementCounts(result);
  const sev = severityCounts(result);
  const statusRows = STATUSES.map((s) => html`<tr><td><span class="badge s-${s}">${statusLabel(s)}</span></td><td class="num">${req[s]}</td></tr>`);
  const severityRows = SEVERITIES.map((s) => html`<tr><td><span class="badge sev-${s}">${s}</span></td><td class="num">${sev[s]}</td></tr>`);
  return html`<div class="summary">
<table class="kv" id="summary-requirements"><thead><tr><th>Requirement status</th><th class="num">Count</th></tr></thead><tbody>${joinHtml(statusRows)}</tbody></table>
<table class="kv" id="summary-findings"><thead><tr><th>Finding severity</th><th class="num">Count</th></tr></thead><tbody>${joinHtml(severityRows)}</tbody></table>
</div>`;
}
