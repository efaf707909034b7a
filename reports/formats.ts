/**
 * @fileoverview The lazy reporter registry: format ids and file extensions, and each reporter's module loaded only
 * when its format is asked for. Adding a format = one file plus one line in REPORTER_MODULES.
 */
import type { ChunkedReporter, Reporter } from './types.js';

/** Imports each format's module and yields its reporter, by `--format` value (registry order). */
const REPORTER_MODULES = {
  json: async () => (await import('./json.js')).jsonReport,
  md: async () => (await import('./markdown.js')).markdownReport,
  html: async () => (await import('./html.js')).htmlReport,
  sarif: async () => (await import('./sarif.js')).sarifReport,
  csv: async () => (await import('./csv.js')).csvReport,
} as const satisfies Readonly<Record<string, () => Promise<Reporter>>>;

export type ReportFormat = keyof typeof REPORTER_MODULES;

/** File extension (with the dot) used when `--out` names a directory. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: '.json', md: '.md', html: '.html', sarif: '.sarif', csv: '.csv' };

/** The registered formats, in registry order. */
export const REPORT_FORMATS = Object.keys(REPORTER_MODULES) as ReportFormat[];

/** Whether a `--format` value names a registered reporter. */
export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTER_MODULES, name);
}

/** The reporter of a format, its module imported on first use. */
export function loadReporter(format: ReportFormat): Promise<Reporter> {
  return REPORTER_MODULES[format]();
}

/** Formats whose reporter can also hand out its text in pieces (the ones that grow large with the findings). */
const CHUNKED_MODULES: Partial<Record<ReportFormat, () => Promise<ChunkedReporter>>> = {
  json: async () => (await import('./json.js')).jsonReportChunks,
  md: async () => (await import('./markdown.js')).markdownReportChunks,
};

/**
 * The reporter of a format in pieces: streamed where the format can, else its whole text as one piece. Either way a
 * generator, so the report is rendered only when its pieces are consumed.
 */
export async function loadChunkedReporter(format: ReportFormat): Promise<ChunkedReporter> {
  const chunked = CHUNKED_MODULES[format];
  if (chunked !== undefined) return chunked();
  const whole = await loadReporter(format);
  return function* (result, options) {
    yield whole(result, options);
  };
}
