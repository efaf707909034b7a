/**
 * @fileoverview Per-rule state while one Windows raw rule is interpreted: its conditions, and the one way to report
 * an unreadable value (error diagnostic at the value's position, position unsupported, `unreadable …` condition).
 */
import type { DiagnosticSeverity } from '../../src/model/diagnostic.js';
import type { Condition } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ParseSink } from '../shared/parse-sink.js';
import { oneLine } from '../shared/one-line.js';

/** Where rule-level diagnostics go; positions may be lines (CSV) or element paths with lines (JSON). */
export class WinSink {
  constructor(readonly sink: ParseSink) {}

  report(severity: DiagnosticSeverity, code: string, message: string, ref: SourceRef): void {
    this.sink.diagnostics.push({ severity, code, message: oneLine(message), ref: this.locate(ref) });
  }

  /** Counts the position's line as unsupported (a JSON position without a line has nothing to count). */
  unsupported(ref: SourceRef): void {
    const line = this.locate(ref).line;
    if (line !== undefined && line >= 1 && line <= this.sink.lineCount) this.sink.unsupported(line);
  }

  /** Refines a value position before it is used (JSON: the line of the member); identity here. */
  protected locate(ref: SourceRef): SourceRef {
    return ref;
  }
}

/** Conditions of one rule plus its diagnostic prefix. */
export class WinRuleContext {
  readonly conditions: Condition[] = [];

  constructor(
    readonly out: WinSink,
    readonly prefix: string,
  ) {}

  condition(kind: Condition['kind'], text: string): void {
    this.conditions.push({ kind, text });
  }

  /** A diagnostic with this parser's prefix (`INVALID_PORT` → `CSV_INVALID_PORT`). */
  report(severity: DiagnosticSeverity, code: string, message: string, ref: SourceRef): void {
    this.out.report(severity, `${this.prefix}_${code}`, message, ref);
  }

  /**
   * An invalid value: 'error' at `ref`, the position unsupported, and an `unreadable <what> "<value>"` condition so
   * the caller's widest fallback never becomes a certain match. `code` is used verbatim when it has a prefix already.
   */
  unreadable(code: string, message: string, ref: SourceRef, what: string, value: string): void {
    const full = code.startsWith(`${this.prefix}_`) ? code : `${this.prefix}_${code}`;
    this.out.report('error', full, message, ref);
    this.out.unsupported(ref);
    this.condition('other', `unreadable ${what} "${value}"`);
  }
}
