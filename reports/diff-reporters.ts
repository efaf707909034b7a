/**
 * @fileoverview Registry of the `k2audit diff` report formats (the diff counterpart of formats.ts): each reporter's
 * module is loaded only when its format is asked for.
 */
import type { DiffResult } from '../src/analyses/diff/types.js';
import type { ReportOptions } from './types.js';

/** A diff reporter returns the whole report; it never prints, reads files or looks at the clock. */
export type DiffReporter = (result: DiffResult, options: ReportOptions) => string;

/** Imports each diff format's module and yields its reporter, by `--format` value. */
const DIFF_REPORTER_MODULES = {
  md: async () => (await import('./diff-markdown.js')).diffMarkdownReport,
  html: async () => (await import('./diff-html.js')).diffHtmlReport,
  json: async () => (await import('./diff-json.js')).diffJsonReport,
} as const satisfies Readonly<Record<string, () => Promise<DiffReporter>>>;

export type DiffReportFormat = keyof typeof DIFF_REPORTER_MODULES;

/** File extension (with the dot) used when `--out` names a directory. */
export const DIFF_REPORT_EXTENSIONS: Readonly<Record<DiffReportFormat, string>> = { md: '.md', html: '.html', json: '.json' };

/** The diff formats, in registry order. */
export const DIFF_REPORT_FORMATS = Object.keys(DIFF_REPORTER_MODULES) as DiffReportFormat[];

/** Whether a `--format` value names a diff reporter. */
export function isDiffReportFormat(name: string): name is DiffReportFormat {
  return Object.hasOwn(DIFF_REPORTER_MODULES, name);
}

/** The diff reporter of a format, its module imported on first use. */
export function loadDiffReporter(format: DiffReportFormat): Promise<DiffReporter> {
  return DIFF_REPORTER_MODULES[format]();
}
