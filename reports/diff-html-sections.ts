/**
 * @fileoverview HTML diff report, body sections: rule changes, default policies, flow changes, requirement
 * transitions, exposures and the unified diff (coloured lines, folded when long).
 */
import type { DiffResult, FlowChange, ProtocolChanges, RuleRef } from '../src/analyses/diff/types.js';
import type { Finding } from '../src/findings/finding.js';
import { findingText } from './finding-text.js';
import { formatPorts } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import { changeText, directionText, plural, portsText, protocolHeading, refText, responsibleText, transitionFlow, transitionText } from './diff-view.js';
import { breakable, html, joinHtml, type HtmlValue, type SafeHtml } from './html-escape.js';

const FOLD_LINES = 40;

/** A table with a header row; cells are escaped unless already markup. */
function table(id: string, head: readonly string[], rows: readonly (readonly HtmlValue[])[]): SafeHtml {
  const th = head.map((h) => html`<th scope="col">${h}</th>`);
  const tr = rows.map((r) => html`<tr>${joinHtml(r.map((c) => html`<td>${c}</td>`))}</tr>`);
  return html`<div class="table-wrap"><table id="${id}"><thead><tr>${joinHtml(th)}</tr></thead><tbody>
${joinHtml(tr, '\n')}
</tbody></table></div>`;
}

const code = (text: string): SafeHtml => html`<code>${breakable(text)}</code>`;

/** Added, removed, changed and moved rules. */
export function ruleHtml(r: DiffResult): SafeHtml {
  const c = r.rules;
  const parts: SafeHtml[] = [];
  const refRows = (list: readonly RuleRef[]) => list.map((x) => [code(refText(x)), x.name, directionText(x.direction), html`<code>${x.text}</code>`]);
  if (c.added.length > 0) parts.push(html`<h3>Added (${c.added.length})</h3>`, table('rules-added', ['After', 'Rule', 'Direction', 'Normalized rule'], refRows(c.added)));
  if (c.removed.length > 0) parts.push(html`<h3>Removed (${c.removed.length})</h3>`, table('rules-removed', ['Before', 'Rule', 'Direction', 'Normalized rule'], refRows(c.removed)));
  if (c.changed.length > 0) {
    const rows = c.changed.flatMap((ch) => ch.fields.map((f) => [ch.name, code(refText(ch.before)), code(refText(ch.after)), f.field, html`<code>${f.before}</code>`, html`<code>${f.after}</code>`]));
    parts.push(html`<h3>Changed (${c.changed.length})</h3>`, table('rules-changed', ['Rule', 'Before', 'After', 'Field', 'Was', 'Is'], rows));
  }
  if (c.moved.length > 0) {
    const rows = c.moved.map((m) => [m.chain, m.after.name, code(refText(m.before)), code(refText(m.after)), html`<code>${m.after.text}</code>`]);
    parts.push(html`<h3>Moved (${c.moved.length})</h3>`, table('rules-moved', ['Chain', 'Rule', 'Before', 'After', 'Normalized rule'], rows));
  }
  const tail = parts.length === 0 ? `No rule was added, removed, changed or moved (${plural(c.unchanged, 'rule', 'rules')} unchanged).` : `${plural(c.unchanged, 'rule', 'rules')} unchanged.`;
  return joinHtml([...parts, html`<p>${tail}</p>`], '\n');
}

/** Changed profile settings and chain policies. */
export function policyHtml(r: DiffResult): SafeHtml {
  if (r.policies.length === 0) return html`<p>None.</p>`;
  const rows = r.policies.map((p) => [p.subject, p.field, p.before, p.after, code(p.beforeRef ?? ''), code(p.afterRef ?? '')]);
  return table('policy-changes', ['Subject', 'Setting', 'Was', 'Is', 'Before', 'After'], rows);
}

/** One table per direction × protocol with a change. */
export function flowHtml(r: DiffResult): SafeHtml {
  const s = r.semantic;
  const scope = html`<p>Compared: ${s.directions.map(directionText).join(' and ') || 'nothing'}; address families: ${s.families.join(', ') || 'none'}.</p>`;
  const notes = s.notCompared.map((n) => html`<p class="muted">Not compared: ${directionText(n.direction)}: ${n.reason}.</p>`);
  if (s.changes.length === 0) return joinHtml([scope, ...notes, html`<p>No flow is newly allowed or newly blocked.</p>`], '\n');
  const tables = s.changes.map((c, i) => html`<h3>${protocolHeading(c)}</h3>
${table(`flows-${i + 1}`, ['Change', 'Ports', c.direction === 'in' ? 'From' : 'To', 'Certainty', 'Because of'], flowRows(c))}`);
  return joinHtml([scope, ...notes, ...tables], '\n');
}

function flowRows(c: ProtocolChanges): HtmlValue[][] {
  const row = (kind: 'newly-allowed' | 'newly-blocked', f: FlowChange): HtmlValue[] => [
    html`<span class="badge c-${kind}">${kind.replace('-', ' ')}</span>`,
    portsText(f),
    f.remote,
    f.certainty,
    html`<ul class="cites">${joinHtml(f.responsible.map((x) => html`<li>${responsibleText(x)}</li>`))}</ul>`,
  ];
  return [...c.newlyAllowed.map((f) => row('newly-allowed', f)), ...c.newlyBlocked.map((f) => row('newly-blocked', f))];
}

/** Requirements whose status or missing ports changed. */
export function requirementHtml(r: DiffResult): SafeHtml {
  const q = r.requirements;
  const head = html`<p>${plural(q.total, 'requirement', 'requirements')} compared, ${q.unchanged} unchanged.</p>`;
  if (q.transitions.length === 0) return head;
  const rows = q.transitions.map((t) => [
    t.id,
    t.component,
    transitionFlow(t),
    html`<span class="badge s-${t.before}">${t.before}</span> → <span class="badge s-${t.after}">${t.after}</span>`,
    html`<span class="badge c-${t.change}" title="${transitionText(t)}">${changeText(t)}</span>`,
    formatPorts(t.afterMissing),
    html`${joinHtml(t.rules.map(code), ' ')}`,
  ]);
  return html`${head}
${table('requirement-transitions', ['Requirement', 'Component', 'Flow', 'Status', 'Change', 'Missing now', 'Rules now'], rows)}`;
}

/** New and resolved over-permissive and firewall-off findings. */
export function exposureHtml(r: DiffResult): SafeHtml {
  const e = r.exposures;
  const skipped = e.skipped === undefined ? html`` : html`<p class="muted">Over-permissive rules not compared: ${e.skipped}.</p>`;
  return html`${skipped}
<h3>New (${e.new.length})</h3>
${findingTable('exposures-new', e.new)}
<h3>Resolved (${e.resolved.length})</h3>
${findingTable('exposures-resolved', e.resolved)}`;
}

function findingTable(id: string, list: readonly Finding[]): SafeHtml {
  if (list.length === 0) return html`<p>None.</p>`;
  const rows = list.map((f) => [
    html`<span class="badge sev-${f.severity}">${f.severity}</span>${f.waiver === undefined ? '' : ' (waived)'}`,
    findingText(f),
    html`${joinHtml(f.refs.map((x) => code(formatRef(x))), ' ')}`,
    (f.exposes ?? []).join('; '),
  ]);
  return table(id, ['Severity', 'Finding', 'Rules', 'Exposes'], rows);
}

/** The unified diff with added, removed and hunk lines marked; folded in <details> when long. */
export function unifiedDiffHtml(r: DiffResult): SafeHtml {
  if (r.unifiedDiff === '') return html`<p>The normalized rule listings are identical.</p>`;
  const lines = r.unifiedDiff.replace(/\n$/, '').split('\n');
  const marked = lines.map((l) => {
    const cls = l.startsWith('@@') ? 'hunk' : /^\+(?!\+\+ )/.test(l) ? 'add' : /^-(?!-- )/.test(l) ? 'del' : undefined;
    return cls === undefined ? html`${l}` : html`<span class="${cls}">${l}</span>`;
  });
  const pre = html`<pre class="diff">${joinHtml(marked, '\n')}</pre>`;
  if (lines.length <= FOLD_LINES) return pre;
  return html`<details><summary>${plural(lines.length, 'line', 'lines')} of diff</summary>
${pre}
</details>`;
}
