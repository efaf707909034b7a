/**
 * @fileoverview The Markdown report for change tickets (GitHub, Jira, Azure DevOps): verdict, sign-off
 * header, summary, requirements, findings by severity, remediation, input diagnostics and a sign-off block.
 * Every input-derived string goes through markdown-escape.ts; the only time shown is result.generatedAt.
 */
import type { AuditResult } from '../src/findings/result.js';
import { diagnosticSections, findingSectionChunks } from './markdown-findings.js';
import { inputsTable, signOffHeader, verdictLine } from './markdown-header.js';
import { remediationSection } from './markdown-remediation.js';
import { requirementTable, summaryTables } from './markdown-requirements.js';
import type { ReportOptions } from './types.js';

const BLANK = '________________________';

/** Renders the whole report; ends with a single newline. */
export function markdownReport(result: AuditResult, options: ReportOptions): string {
  return [...markdownReportChunks(result, options)].join('');
}

/** markdownReport's text in pieces (the findings tables row by row), so a large report is written as it is made. */
export function* markdownReportChunks(result: AuditResult, options: ReportOptions): Generator<string> {
  // Headings as they are; the other blocks are made when their turn comes.
  const blocks: (string | (() => string | Iterable<string>))[] = [
    '# k2audit report',
    () => verdictLine(result),
    '## Sign-off header',
    () => signOffHeader(result, options),
    '### Inputs',
    () => inputsTable(result),
    '## Summary',
    () => summaryTables(result),
    '## Requirements',
    () => requirementTable(result),
    '## Findings',
    () => findingSectionChunks(result),
    '## Remediation',
    () => remediationSection(result),
    '## Input diagnostics',
    () => diagnosticSections(result),
    '## Sign-off',
    signOffBlock,
  ];
  let first = true;
  for (const b of blocks) {
    if (!first) yield '\n\n';
    first = false;
    const block = typeof b === 'string' ? b : b();
    if (typeof block === 'string') yield block;
    else yield* block;
  }
  yield '\n';
}

/** Lines for the reviewer to fill in. */
function signOffBlock(): string {
  return [
    `- Reviewer: ${BLANK}`,
    `- Date: ${BLANK}`,
    `- Decision (approve / approve with conditions / reject): ${BLANK}`,
    `- Comments: ${BLANK}`,
  ].join('\n');
}
