/**
 * @fileoverview Markdown report: findings grouped by severity, and the input diagnostics.
 */
import { formatRef } from '../src/model/source-ref.js';
import { findingKind, type Finding } from '../src/findings/finding.js';
import { findingText } from './finding-text.js';
import type { AuditResult, InputSummary } from '../src/findings/result.js';
import { SEVERITIES, type Severity } from '../src/findings/severity.js';
import { htmlText, mdTable, mdTableChunks, mdText } from './markdown-escape.js';
import { severityBreakdown } from './markdown-header.js';

/** Above this many diagnostics an input's table is collapsed in `<details>`. */
export const DIAGNOSTICS_EXPANDED_MAX = 10;

/**
 * One table per severity that has findings, critical first; findings keep the result's order. In pieces (one per
 * table row), so a large report is written as it is made.
 */
export function* findingSectionChunks(result: AuditResult): Generator<string> {
  if (result.findings.length === 0) {
    yield 'No findings.';
    return;
  }
  const bySeverity = new Map<Severity, Finding[]>(SEVERITIES.map((s) => [s, []]));
  for (const f of result.findings) bySeverity.get(f.severity)?.push(f);
  let first = true;
  for (const sev of SEVERITIES) {
    const group = bySeverity.get(sev) ?? [];
    if (group.length === 0) continue;
    const title = `${sev.charAt(0).toUpperCase()}${sev.slice(1)}`;
    yield `${first ? '' : '\n\n'}### ${title} (${group.length})\n\n`;
    first = false;
    yield* mdTableChunks(['Id', 'Kind', 'Finding', 'Rules', 'Exposes'], mapped(group, findingRow));
  }
}

function* mapped<T, U>(items: readonly T[], f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function findingRow(f: Finding): string[] {
  const w = f.waiver;
  const waived = w === undefined ? '' : ` (WAIVED until ${w.expires} by ${w.approver}, ticket ${w.ticket}: ${w.reason})`;
  return [f.id, findingKind(f.code), `${findingText(f)}${waived}`, f.refs.map(formatRef).join('; '), (f.exposes ?? []).join(', ')];
}

/** Per input, a table of its diagnostics; long tables are collapsed. */
export function diagnosticSections(result: AuditResult): string {
  const blocks = result.inputs.flatMap((input, i) => (input.diagnostics.length === 0 ? [] : [inputDiagnostics(input, i + 1)]));
  return blocks.length === 0 ? 'No input diagnostics.' : blocks.join('\n\n');
}

function inputDiagnostics(input: InputSummary, n: number): string {
  const rows = input.diagnostics.map((d) => [formatRef(d.ref), d.severity, d.code, d.message]);
  const table = mdTable(['Location', 'Severity', 'Code', 'Message'], rows);
  const total = input.diagnostics.length;
  const count = `${total} diagnostic${total === 1 ? '' : 's'} (${severityBreakdown(input.diagnostics)})`;
  if (total <= DIAGNOSTICS_EXPANDED_MAX) {
    return `**Input ${n}**: ${mdText(input.path)}: ${mdText(count)}\n\n${table}`;
  }
  // A blank line after <summary> lets GFM parse the table inside the raw HTML block.
  const summary = `<summary>Input ${n}: ${htmlText(input.path)}: ${htmlText(count)}</summary>`;
  return `<details>\n${summary}\n\n${table}\n\n</details>`;
}
