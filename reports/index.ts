/**
 * @fileoverview Registry of report formats: adding a format is one file plus one line here.
 */
import { jsonReport } from './json.js';
import { markdownReport } from './markdown.js';
import { htmlReport } from './html.js';
import { sarifReport } from './sarif.js';
import { csvReport } from './csv.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportOptions } from './types.js';

/** Reporters by `--format` value. */
export const reporters = { json: jsonReport, md: markdownReport, html: htmlReport, sarif: sarifReport, csv: csvReport } as const satisfies Readonly<Record<string, Reporter>>;

export type ReportFormat = keyof typeof reporters;

/** File extension (with the dot) used when `--out` names a directory. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: '.json', md: '.md', html: '.html', sarif: '.sarif', csv: '.csv' };

/** The registered formats, in registry order. */
export const REPORT_FORMATS = Object.keys(reporters) as ReportFormat[];

/** Whether a `--format` value names a registered reporter. */
export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(reporters, name);
}
