/**
 * @fileoverview Shared helpers for the PowerShell JSON and CSV parser tests: fixture loading by repo-relative path,
 * parsing that fails the test unless ok (or unless refused), rule lookup by name, diagnostic code lists, the
 * line-accounting invariant, and re-encoding a fixture's text (UTF-16LE/BE with BOM, UTF-8 with BOM, CP1252).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { decode, type DecodedInput } from '../../../src/input/decode.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { formatProtocols } from '../../../src/model/protocol.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import type { Parser, ParseOptions } from '../../../parsers/types.js';

/** Repository root (tests run from dist/test/parsers/ps-json). */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** Reads a fixture by repo-relative path; the path is also the SourceRef file. */
export function loadFixture(rel: string): DecodedInput {
  return decode(rel, readFileSync(REPO + rel));
}

/** Parses and fails the test unless the result is ok. */
export function parseOk(parser: Parser, input: DecodedInput, options: ParseOptions = {}): RuleSet {
  const r = parser.parse(input, options);
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.diagnostics)}`);
  return r.ruleSet;
}

/** Parses and returns the single refusal diagnostic; fails unless the result is `ok: false` with exactly one error. */
export function refusal(parser: Parser, input: DecodedInput, options: ParseOptions = {}): Diagnostic {
  const r = parser.parse(input, options);
  if (r.ok) throw new Error(`expected a refusal, got ${r.ruleSet.rules.length} rules`);
  assert.is(r.diagnostics.length, 1, 'exactly one diagnostic');
  const d = r.diagnostics[0] as Diagnostic;
  assert.is(d.severity, 'error');
  return d;
}

/** The rule with this name. */
export function ruleNamed(rs: RuleSet, name: string): Rule {
  const rule = rs.rules.find((r) => r.name === name);
  if (rule === undefined) throw new Error(`no rule named ${name}`);
  return rule;
}

/** Diagnostics as `CODE@line` (`CODE@-` without a line). */
export function codes(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.code}@${d.ref.line ?? '-'}`);
}

/** Condition texts of a rule. */
export function conditionTexts(rule: Rule): string[] {
  return rule.conditions.map((c) => `${c.kind}: ${c.text}`);
}

/** One line per rule: name|enabled|dir|action|protocols|local ports(+keywords)|remote ports|profiles. */
export function summary(rule: Rule): string {
  const ports = (m: Rule['localPorts']): string => [formatPorts(m.set), ...m.keywords].join('+');
  const onOff = rule.enabled ? 'on' : 'off';
  return [rule.name, onOff, rule.direction, rule.action, formatProtocols(rule.protocols), ports(rule.localPorts), ports(rule.remotePorts), rule.profiles.join(',')].join('|');
}

/** Every line parsed, ignored or unsupported, and the total equals the file's line count. */
export function assertAccounted(rs: RuleSet, expectedTotal: number): void {
  const a = rs.accounting;
  const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
  assert.is(a.total, expectedTotal, 'total lines');
  assert.is(a.parsed + ignored + a.unsupported, a.total, 'parsed + ignored + unsupported');
}

/** The bytes Windows tools write for `text` in each encoding k2audit must read. */
export function encodeAs(text: string, encoding: 'utf-16le' | 'utf-16be' | 'utf-8-bom' | 'utf-8' | 'cp1252'): Buffer {
  switch (encoding) {
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'cp1252':
      return Buffer.from(text, 'latin1');
    default:
      return Buffer.from(text, 'utf8');
  }
}
