/**
 * @fileoverview HTML report, lower part: remediation items (summary + commands), input diagnostics in
 * <details>, and the reviewer sign-off lines.
 */
import { formatRef } from '../src/model/source-ref.js';
import type { AuditResult, InputSummary } from '../src/findings/result.js';
import type { RemediationItem } from '../src/findings/remediation.js';
import { breakable, html, joinHtml, type SafeHtml } from './html-escape.js';
import { severityBreakdown } from './markdown-header.js';
import { DIAGNOSTICS_EXPANDED_MAX } from './markdown-findings.js';

function remediationItem(item: RemediationItem): SafeHtml {
  const about = item.requirementId ?? item.findingId;
  const commands = item.commands.map(
    (c) => html`<div class="command"><span class="muted">${c.dialect}</span><pre><code>${c.text}</code></pre></div>`,
  );
  return html`<li id="${item.id}" data-action="${item.action}"><strong>${item.action}</strong>${about === undefined ? '' : html` <code>${about}</code>`}: ${item.summary}${joinHtml(commands)}</li>`;
}

/** One entry per remediation item, in the result's order; commands are shown verbatim in <pre>. */
export function remediationSection(result: AuditResult): SafeHtml {
  if (result.remediation.length === 0) return html`<p>No remediation items.</p>`;
  return html`<ol class="remediation">
${joinHtml(result.remediation.map(remediationItem), '\n')}
</ol>`;
}

function inputDiagnostics(input: InputSummary, n: number): SafeHtml {
  const total = input.diagnostics.length;
  const rows = input.diagnostics.map(
    (d) => html`<tr><td><code>${breakable(formatRef(d.ref))}</code></td><td>${d.severity}</td><td><code>${d.code}</code></td><td>${d.message}</td></tr>`,
  );
  const open = total <= DIAGNOSTICS_EXPANDED_MAX ? html` open` : html``;
  return html`<details class="diagnostics"${open}><summary>Input ${n}: <code>${input.path}</code>: ${total} diagnostic${total === 1 ? '' : 's'} (${severityBreakdown(input.diagnostics)})</summary>
<table><thead><tr><th>Location</th><th>Severity</th><th>Code</th><th>Message</th></tr></thead><tbody>
${joinHtml(rows, '\n')}
</tbody></table>
</details>`;
}

/** Per input with diagnostics, a <details> block (open when short). */
export function diagnosticsSection(result: AuditResult): SafeHtml {
  const blocks = result.inputs.flatMap((input, i) => (input.diagnostics.length === 0 ? [] : [inputDiagnostics(input, i + 1)]));
  return blocks.length === 0 ? html`<p>No input diagnostics.</p>` : joinHtml(blocks, '\n');
}

/** Lines for the reviewer to fill in on paper or in the PDF. */
export function signOffLines(): SafeHtml {
  const fields = ['Reviewer', 'Date', 'Decision (approve / approve with conditions / reject)', 'Comments'];
  return html`<div class="signoff">
${joinHtml(
  fields.map((f) => html`<p>${f}: <span class="line">&nbsp;</span></p>`),
  '\n',
)}
</div>`;
}
