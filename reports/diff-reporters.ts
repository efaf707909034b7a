/**
 * @fileoverview Registry of the `k2audit diff` report formats (the diff counterpart of index.ts).
 */
import type { DiffResult } from '../src/analyses/diff/types.js';
import { diffHtmlReport } from './diff-html.js';
import { diffJsonReport } from './diff-json.js';
import { diffMarkdownReport } from './diff-markdown.js';
import type { ReportOptions } from './types.js';

/** A diff reporter returns the whole report; it never prints, reads files or looks at the clock. */
export type DiffReporter = (result: DiffResult, options: ReportOptions) => string;

/** Diff reporters by `--format` value. */
export const diffReporters = { md: diffMarkdownReport, html: diffHtmlReport, json: diffJsonReport } as const satisfies Readonly<Record<string, DiffReporter>>;

export type DiffReportFormat = keyof typeof diffReporters;

/** File extension (with the dot) used when `--out` names a directory. */
export const DIFF_REPORT_EXTENSIONS: Readonly<Record<DiffReportFormat, string>> = { md: '.md', html: '.html', json: '.json' };

/** Whether a `--format` value names a diff reporter. */
export function isDiffReportFormat(name: string): name is DiffReportFormat {
  return Object.hasOwn(diffReporters, name);
}
