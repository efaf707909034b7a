/**
 * @fileoverview Per-rule problem collector for the rule-string normalizer: diagnostics at the rule's (or a field's)
 * position, the conditions that make the rule uncertain, and whether anything short of info was said.
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Condition } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import { oneLine } from '../shared/one-line.js';

/** Collects the diagnostics and conditions of one rule. */
export class RuleIssues {
  readonly conditions: Condition[] = [];
  /** True once an error or warning was reported (the caller marks the rule's position unsupported). */
  uncertain = false;
  /** Number of diagnostics and conditions reported so far (lets a reader tell whether a value read cleanly). */
  reports = 0;

  constructor(
    private readonly diagnostics: Diagnostic[],
    readonly ref: SourceRef,
  ) {}

  /** Records a narrowing the audit cannot evaluate. */
  condition(kind: Condition['kind'], text: string): void {
    this.reports++;
    if (!this.conditions.some((c) => c.kind === kind && c.text === text)) this.conditions.push({ kind, text });
  }

  info(code: string, message: string, ref?: SourceRef): void {
    this.reports++;
    this.diagnostics.push({ severity: 'info', code, message: oneLine(message), ref: ref ?? this.ref });
  }

  /** A valid but unsupported construct: warning, and a condition so the rule is never a certain match. */
  warn(code: string, message: string, conditionText: string, ref?: SourceRef): void {
    this.uncertain = true;
    this.reports++;
    this.diagnostics.push({ severity: 'warning', code, message: oneLine(message), ref: ref ?? this.ref });
    this.condition('other', conditionText);
  }

  /** An invalid value: error, and an `unreadable <what> "<value>"` condition; the caller falls back to the widest set. */
  unreadable(code: string, message: string, what: string, value: string, ref?: SourceRef): void {
    this.error(code, message, `unreadable ${what} "${value}"`, ref);
  }

  /** An error with the condition text that keeps the rule uncertain. */
  error(code: string, message: string, conditionText: string, ref?: SourceRef): void {
    this.uncertain = true;
    this.reports++;
    this.diagnostics.push({ severity: 'error', code, message: oneLine(message), ref: ref ?? this.ref });
    this.condition('other', conditionText);
  }
}
