/**
 * @fileoverview Markdown diff report, body sections: rule changes, default policies, flow changes, requirement
 * transitions, exposures and the unified diff (fenced, folded in <details> when long).
 */
import type { DiffResult, ProtocolChanges, RuleRef } from '../src/analyses/diff/types.js';
import type { Finding } from '../src/findings/finding.js';
import { findingText } from './finding-text.js';
import { formatPorts } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import { changeText, directionText, plural, portsText, protocolHeading, refText, responsibleText, transitionFlow, transitionText } from './diff-view.js';
import { htmlText, mdTable, mdText } from './markdown-escape.js';

/** Diffs longer than this many lines are folded. */
const FOLD_LINES = 40;

/** Added, removed, changed and moved rules. */
export function ruleSections(r: DiffResult): string {
  const c = r.rules;
  if (c.added.length + c.removed.length + c.changed.length + c.moved.length === 0) {
    return `No rule was added, removed, changed or moved (${plural(c.unchanged, 'rule', 'rules')} unchanged).`;
  }
  const out: string[] = [];
  if (c.added.length > 0) out.push(`### Added (${c.added.length})`, refTable('After', c.added));
  if (c.removed.length > 0) out.push(`### Removed (${c.removed.length})`, refTable('Before', c.removed));
  if (c.changed.length > 0) {
    const rows = c.changed.flatMap((ch) => ch.fields.map((f) => [ch.name, refText(ch.before), refText(ch.after), f.field, f.before, f.after]));
    out.push(`### Changed (${c.changed.length})`, mdTable(['Rule', 'Before', 'After', 'Field', 'Was', 'Is'], rows));
  }
  if (c.moved.length > 0) {
    const rows = c.moved.map((m) => [m.chain, m.after.name, refText(m.before), refText(m.after), m.after.text]);
    out.push(`### Moved (${c.moved.length})`, mdTable(['Chain', 'Rule', 'Before', 'After', 'Normalized rule'], rows));
  }
  out.push(`${plural(c.unchanged, 'rule', 'rules')} unchanged.`);
  return out.join('\n\n');
}

function refTable(side: string, refs: readonly RuleRef[]): string {
  return mdTable([side, 'Rule', 'Direction', 'Normalized rule'], refs.map((x) => [refText(x), x.name, directionText(x.direction), x.text]));
}

/** Changed profile settings and chain policies. */
export function policySection(r: DiffResult): string {
  if (r.policies.length === 0) return 'None.';
  const rows = r.policies.map((p) => [p.subject, p.field, p.before, p.after, p.beforeRef ?? '', p.afterRef ?? '']);
  return mdTable(['Subject', 'Setting', 'Was', 'Is', 'Before', 'After'], rows);
}

/** One table per direction × protocol with a change. */
export function flowSections(r: DiffResult): string {
  const s = r.semantic;
  const notes = s.notCompared.map((n) => `- Not compared: ${mdText(directionText(n.direction))}: ${mdText(n.reason)}.`);
  const scope = `Compared: ${s.directions.map(directionText).join(' and ') || 'nothing'}; address families: ${s.families.join(', ') || 'none'}.`;
  if (s.changes.length === 0) return [scope, ...notes, 'No flow is newly allowed or newly blocked.'].join('\n\n');
  return [scope, ...notes, ...s.changes.flatMap((c) => [`### ${mdText(protocolHeading(c))}`, flowTable(c)])].join('\n\n');
}

function flowTable(c: ProtocolChanges): string {
  const rows = [
    ...c.newlyAllowed.map((f) => ['newly allowed', portsText(f), f.remote, f.certainty, f.responsible.map(responsibleText).join('; ')]),
    ...c.newlyBlocked.map((f) => ['newly blocked', portsText(f), f.remote, f.certainty, f.responsible.map(responsibleText).join('; ')]),
  ];
  return mdTable(['Change', 'Ports', c.direction === 'in' ? 'From' : 'To', 'Certainty', 'Because of'], rows);
}

/** Requirements whose status or missing ports changed. */
export function requirementSection(r: DiffResult): string {
  const q = r.requirements;
  const head = `${plural(q.total, 'requirement', 'requirements')} compared, ${q.unchanged} unchanged.`;
  if (q.transitions.length === 0) return head;
  const rows = q.transitions.map((t) => [t.id, t.component, transitionFlow(t), transitionText(t), changeText(t), formatPorts(t.afterMissing), t.rules.join(', ')]);
  return `${head}\n\n${mdTable(['Requirement', 'Component', 'Flow', 'Status', 'Change', 'Missing now', 'Rules now'], rows)}`;
}

/** New and resolved over-permissive and firewall-off findings. */
export function exposureSections(r: DiffResult): string {
  const e = r.exposures;
  const out: string[] = [];
  if (e.skipped !== undefined) out.push(`Over-permissive rules not compared: ${mdText(e.skipped)}.`);
  out.push(`### New (${e.new.length})`, findingTable(e.new), `### Resolved (${e.resolved.length})`, findingTable(e.resolved));
  return out.join('\n\n');
}

function findingTable(list: readonly Finding[]): string {
  if (list.length === 0) return 'None.';
  const rows = list.map((f) => [f.severity + (f.waiver === undefined ? '' : ' (waived)'), findingText(f), f.refs.map(formatRef).join(', '), (f.exposes ?? []).join('; ')]);
  return mdTable(['Severity', 'Finding', 'Rules', 'Exposes'], rows);
}

/** The unified diff in a ```diff block (a longer fence when the text holds backticks), folded when long. */
export function unifiedDiffSection(r: DiffResult): string {
  if (r.unifiedDiff === '') return 'The normalized rule listings are identical.';
  const text = r.unifiedDiff.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd').replace(/\n$/, '');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const block = `${fence}diff\n${text}\n${fence}`;
  const lines = text.split('\n').length;
  if (lines <= FOLD_LINES) return block;
  const changed = text.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
  return `<details>\n<summary>${htmlText(`${plural(changed, 'changed line', 'changed lines')} (${lines} lines of diff)`)}</summary>\n\n${block}\n\n</details>`;
}
