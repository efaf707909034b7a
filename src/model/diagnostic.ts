/**
 * @fileoverview Diagnostics: what a parser or loader has to say about a specific input position.
 */
import { formatRef, type SourceRef } from './source-ref.js';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * A message tied to an input position. `code` is SCREAMING_SNAKE and stable (tests assert it);
 * `message` is the human text.
 */
export interface Diagnostic {
  readonly severity: DiagnosticSeverity;
  readonly code: string;
  readonly message: string;
  readonly ref: SourceRef;
}

/** Renders a diagnostic as one terminal-safe line `file:line severity CODE message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return escapeControl(`${formatRef(d.ref)} ${d.severity} ${d.code} ${d.message}`);
}

/**
 * Control characters (newlines, ESC sequences from a crafted rule name, …) as `\uXXXX` escapes, so input text can
 * neither break a one-line message nor drive a terminal.
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How the lines of one input were accounted for: every line is parsed, ignored with a reason, or unsupported. */
export interface LineAccounting {
  readonly total: number;
  readonly parsed: number;
  /** Lines ignored, keyed by reason (`blank`, `comment`, `separator`, `nat table not evaluated`, …). */
  readonly ignored: Readonly<Record<string, number>>;
  /** Lines that could not be interpreted; each has a diagnostic with its position. */
  readonly unsupported: number;
}
