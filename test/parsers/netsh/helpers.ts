/**
 * @fileoverview Shared helpers for the netsh parser tests: fixture loading by repo-relative path, rule lookup by
 * line, diagnostic code lists and the line-accounting invariant.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { decode, type DecodedInput } from '../../../src/input/decode.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import { netshParser } from '../../../parsers/netsh/index.js';
import type { ParseOptions } from '../../../parsers/types.js';

/** Repository root (tests run from dist/test/parsers/netsh). */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** Reads a fixture by repo-relative path; the path is also the SourceRef file. */
export function loadFixture(rel: string): DecodedInput {
  return decode(rel, readFileSync(REPO + rel));
}

/** Parses a fixture and fails the test unless the result is ok. */
export function parseFixture(rel: string, options: ParseOptions = {}): RuleSet {
  const r = netshParser.parse(loadFixture(rel), options);
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.diagnostics)}`);
  return r.ruleSet;
}

/** The rule whose `Rule Name:` line is `line`. */
export function ruleAt(rs: RuleSet, line: number): Rule {
  const rule = rs.rules.find((r) => r.source.line === line);
  if (rule === undefined) throw new Error(`no rule at line ${line}`);
  return rule;
}

/** Diagnostics as `CODE@line` (`CODE@-` for file-level ones), in result order. */
export function codes(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.code}@${d.ref.line ?? '-'}`);
}

/** Condition texts of a rule. */
export function conditionTexts(rule: Rule): string[] {
  return rule.conditions.map((c) => `${c.kind}: ${c.text}`);
}

/** Every line parsed, ignored or unsupported, and the total equals the file's line count. */
export function assertAccounted(rs: RuleSet, expectedTotal: number): void {
  const a = rs.accounting;
  const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
  assert.is(a.total, expectedTotal, 'total lines');
  assert.is(a.parsed + ignored + a.unsupported, a.total, 'parsed + ignored + unsupported');
}
