/**
 * @fileoverview The CSV report: one row per finding, RFC 4180 (CRLF line ends, every field quoted, quotes
 * doubled), and safe against formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'` (OWASP "CSV Injection"), so spreadsheets show it as text instead of evaluating it.
 */
import { formatPorts } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import { findingKind, type Finding } from '../src/findings/finding.js';
import { findingText } from './finding-text.js';
import type { AuditResult } from '../src/findings/result.js';
import type { ReportOptions } from './types.js';

/** Column names, in order. */
export const CSV_COLUMNS = ['id', 'severity', 'kind', 'requirement', 'direction', 'protocol', 'ports', 'message', 'rules', 'exposes'] as const;

/** Characters that make a spreadsheet read a cell as a formula (or DDE) when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Defuses a cell a spreadsheet would evaluate: `=1+1` → `'=1+1`. Other text is unchanged. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: formula-defused, quoted, inner quotes doubled (newlines stay inside the quotes). */
export function csvField(value: string): string {
  return `"${defuseFormula(value).replace(/"/g, '""')}"`;
}

function row(cells: readonly string[]): string {
  return cells.map(csvField).join(',');
}

/** The finding's sentence, with the waiver (as in the Markdown report) when one accepts it. */
function messageText(f: Finding): string {
  const w = f.waiver;
  return w === undefined ? findingText(f) : `${findingText(f)} (WAIVED until ${w.expires} by ${w.approver}, ticket ${w.ticket}: ${w.reason})`;
}

function findingCells(f: Finding): string[] {
  return [
    f.id,
    f.severity,
    findingKind(f.code),
    f.requirementId ?? '',
    f.direction ?? '',
    f.protocol ?? '',
    f.ports === undefined ? '' : formatPorts(f.ports),
    messageText(f),
    f.refs.map(formatRef).join('; '),
    (f.exposes ?? []).join('; '),
  ];
}

/** Header plus one row per finding in the result's order; CRLF after every record. */
export function csvReport(result: AuditResult, _options: ReportOptions): string {
  const lines = [row(CSV_COLUMNS), ...result.findings.map((f) => row(findingCells(f)))];
  return `${lines.join('\r\n')}\r\n`;
}
