/**
 * @fileoverview Markdown report, top part: verdict line, sign-off header and the inputs table.
 */
import type { Diagnostic } from '../src/model/diagnostic.js';
import type { AuditResult, InputSummary } from '../src/findings/result.js';
import { mdTable } from './markdown-escape.js';
import { failingCount, signOffRows } from './summary.js';
import type { ReportOptions } from './types.js';

/** `Verdict: **FAIL**: 2 findings at or above the fail-on threshold (high).` */
export function verdictLine(result: AuditResult): string {
  const word = result.verdict === 'pass' ? 'PASS' : 'FAIL';
  if (result.failOn === 'none') return `Verdict: **${word}** (fail-on threshold: none).`;
  const n = failingCount(result);
  const findings = n === 1 ? '1 finding' : `${n} findings`;
  return `Verdict: **${word}**: ${findings} at or above the fail-on threshold (${result.failOn}).`;
}

/** The sign-off header: what was audited, against what, with which tool. */
export function signOffHeader(result: AuditResult, options: ReportOptions): string {
  const rows = signOffRows(result, options);
  return mdTable(['Field', 'Value'], rows);
}

/** One row per input: path, format, encoding, SHA-256, rules, line accounting, diagnostics. */
export function inputsTable(result: AuditResult): string {
  if (result.inputs.length === 0) return 'No inputs.';
  const rows = result.inputs.map((input, i) => [
    String(i + 1),
    input.path,
    input.format,
    input.encoding,
    input.sha256,
    String(input.ruleCount),
    linesText(input),
    diagnosticsText(input.diagnostics),
  ]);
  const header = ['#', 'Path', 'Format', 'Encoding', 'SHA-256', 'Rules', 'Lines', 'Diagnostics'];
  return mdTable(header, rows, ['right', 'left', 'left', 'left', 'left', 'right', 'left', 'left']);
}

function linesText(input: InputSummary): string {
  const a = input.accounting;
  const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
  return `${a.total}: ${a.parsed} parsed, ${ignored} ignored, ${a.unsupported} unsupported`;
}

/** `3 (1 error, 1 warning, 1 info)` or `0`. */
export function diagnosticsText(diags: readonly Diagnostic[]): string {
  return diags.length === 0 ? '0' : `${diags.length} (${severityBreakdown(diags)})`;
}

/** `1 error, 2 warnings, 1 info`: only the severities present. */
export function severityBreakdown(diags: readonly Diagnostic[]): string {
  const parts: string[] = [];
  for (const sev of ['error', 'warning', 'info'] as const) {
    const n = diags.filter((d) => d.severity === sev).length;
    if (n > 0) parts.push(`${n} ${sev}${n === 1 || sev === 'info' ? '' : 's'}`);
  }
  return parts.join(', ');
}
