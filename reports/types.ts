/**
 * @fileoverview The reporter seam: a pure function from an AuditResult (plus options) to the report text.
 */
import type { AuditResult } from '../src/findings/result.js';

/** Options that change what a report shows, never what the audit decided. */
export interface ReportOptions {
  /** Change-ticket id (`--ticket`), shown in the sign-off header; omitted when not given. */
  readonly ticket?: string;
}

/** A reporter returns the whole report; it never prints, reads files or looks at the clock. */
export type Reporter = (result: AuditResult, options: ReportOptions) => string;

/** A reporter's text in pieces, in order (joined, exactly the Reporter's text), so a large report is written as it is made. */
export type ChunkedReporter = (result: AuditResult, options: ReportOptions) => Iterable<string>;
