/**
 * @fileoverview The Markdown diff report for change tickets: verdict, sign-off header, summary, rule changes,
 * default policy changes, flow changes per direction and protocol, requirement transitions, new and resolved
 * exposures, and the unified diff of the normalized rule listings. Every input-derived string is escaped
 * (markdown-escape.ts); the only time shown is result.generatedAt.
 */
import { signOffRows } from './summary.js';
import type { DiffResult } from '../src/analyses/diff/types.js';
import { exposureSections, flowSections, policySection, requirementSection, ruleSections, unifiedDiffSection } from './diff-markdown-sections.js';
import { summaryRows, verdictSentence } from './diff-view.js';
import { mdTable, mdText } from './markdown-escape.js';
import type { ReportOptions } from './types.js';

/** Renders the whole diff report; ends with a single newline. */
export function diffMarkdownReport(result: DiffResult, options: ReportOptions): string {
  const blocks = [
    '# k2audit diff',
    `Verdict: **${result.verdict === 'pass' ? 'PASS' : 'FAIL'}**: ${mdText(verdictSentence(result))}.`,
    '## Sign-off header',
    signOffHeader(result, options),
    '### Inputs',
    inputsTable(result),
    '## Summary',
    mdTable(['Change', 'Count'], summaryRows(result).map(([k, v]) => [k, String(v)]), ['left', 'right']),
    '## Rule changes',
    ruleSections(result),
    '## Default policy changes',
    policySection(result),
    '## Flow changes',
    flowSections(result),
    '## Requirement transitions',
    requirementSection(result),
    '## Exposures',
    exposureSections(result),
    '## Unified diff of the normalized rule listings',
    unifiedDiffSection(result),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function signOffHeader(r: DiffResult, options: ReportOptions): string {
  const rows = signOffRows(r, options);
  return mdTable(['Field', 'Value'], rows);
}

function inputsTable(r: DiffResult): string {
  const rows = (['before', 'after'] as const).flatMap((side) =>
    r[side].inputs.map((i) => [side, i.path, i.format, i.encoding, i.sha256, String(i.ruleCount)]),
  );
  if (rows.length === 0) return 'No inputs.';
  return mdTable(['Side', 'Path', 'Format', 'Encoding', 'SHA-256', 'Rules'], rows, ['left', 'left', 'left', 'left', 'left', 'right']);
}
