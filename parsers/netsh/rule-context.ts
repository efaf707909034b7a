/**
 * @fileoverview Per-rule state while one raw rule block is normalized: the conditions that make it uncertain,
 * and the one way to report an unreadable value (error diagnostic at the line, line unsupported, condition).
 */
import type { Condition } from '../../src/model/rule.js';
import type { RawField, RawSegment } from './parse.js';
import type { ParseSink } from '../shared/parse-sink.js';

/** Collects the conditions of one rule and reports its problems to the sink. */
export class RuleContext {
  readonly conditions: Condition[] = [];

  constructor(
    readonly sink: ParseSink,
    readonly ruleLine: number,
  ) {}

  /** Records a narrowing the audit cannot evaluate. */
  condition(kind: Condition['kind'], text: string): void {
    this.conditions.push({ kind, text });
  }

  /**
   * An invalid value: 'error' diagnostic at `line`, the line counted unsupported, and an
   * `unreadable <what> "<value>"` condition so the caller's widest fallback is never a certain match.
   */
  unreadable(code: string, message: string, line: number, what: string, value: string): void {
    this.sink.report('error', code, message, line);
    this.sink.unsupported(line);
    this.condition('other', `unreadable ${what} "${value}"`);
  }
}

/** All lines of a field: the label line, then its continuation lines. */
export function fieldSegments(field: RawField): readonly RawSegment[] {
  return [field.value, ...field.continuations];
}

/** The comma-separated tokens of a list field, across continuation lines, each with its own line. */
export function listTokens(field: RawField): RawSegment[] {
  const out: RawSegment[] = [];
  for (const seg of fieldSegments(field)) {
    for (const part of seg.text.split(',')) {
      const text = part.trim();
      if (text !== '') out.push({ text, line: seg.line });
    }
  }
  return out;
}

/** A text field's value with continuation lines joined by spaces. */
export function fieldText(field: RawField): string {
  if (field.continuations.length === 0) return field.value.text;
  return fieldSegments(field)
    .map((s) => s.text)
    .filter((t) => t !== '')
    .join(' ');
}
