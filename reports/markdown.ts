/**
 * @fileoverview The Markdown report for change tickets (GitHub, Jira, Azure DevOps): verdict, sign-off
 * header, summary, requirements, findings by severity, remediation, input diagnostics and a sign-off block.
 * Every input-derived string goes through markdown-escape.ts; the only time shown is result.generatedAt.
 */
import type { AuditResult } from '../src/findings/result.js';
import { diagnosticSections, findingSections } from './markdown-findings.js';
import { inputsTable, signOffHeader, verdictLine } from './markdown-header.js';
import { remediationSection } from './markdown-remediation.js';
import { requirementTable, summaryTables } from './markdown-requirements.js';
import type { ReportOptions } from './types.js';

const BLANK = '________________________';

/** Renders the whole report; ends with a single newline. */
export function markdownReport(result: AuditResult, options: ReportOptions): string {
  const blocks = [
    '# k2audit report',
    verdictLine(result),
    '## Sign-off header',
    signOffHeader(result, options),
    '### Inputs',
    inputsTable(result),
    '## Summary',
    summaryTables(result),
    '## Requirements',
    requirementTable(result),
    '## Findings',
    findingSections(result),
    '## Remediation',
    remediationSection(result),
    '## Input diagnostics',
    diagnosticSections(result),
    '## Sign-off',
    signOffBlock(),
  ];
  return `${blocks.join('\n\n')}\n`;
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
