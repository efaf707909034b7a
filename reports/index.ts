/**
 * @fileoverview The reporter registry with every reporter loaded, for synchronous lookups (library callers, tests).
 * The format list lives in formats.ts (lazy loading, used by the CLI): adding a format is one file plus one line there.
 */
import { loadReporter, REPORT_FORMATS, type ReportFormat } from './formats.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportOptions } from './types.js';
export { isReportFormat, REPORT_EXTENSIONS, REPORT_FORMATS, type ReportFormat } from './formats.js';

/** Reporters by `--format` value. */
export const reporters: Readonly<Record<ReportFormat, Reporter>> = Object.fromEntries(
  await Promise.all(REPORT_FORMATS.map(async (f) => [f, await loadReporter(f)] as const)),
) as Record<ReportFormat, Reporter>;
