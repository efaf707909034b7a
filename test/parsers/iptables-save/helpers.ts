/**
 * @fileoverview Shared helpers for the iptables-save parser tests: fixture loading by repo-relative path, line
 * lookup by unique text, compact views of rules and diagnostics, and the line-accounting invariant.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { decode, fromText, type DecodedInput } from '../../../src/input/decode.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { formatProtocols } from '../../../src/model/protocol.js';
import type { AddressMatch, Rule, RuleSet } from '../../../src/model/rule.js';
import { iptablesSaveParser } from '../../../parsers/iptables-save/index.js';

/** Repository root (tests run from dist/test/parsers/iptables-save). */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** Reads a fixture by repo-relative path; the path is also the SourceRef file. */
export function loadFixture(rel: string): DecodedInput {
  return decode(rel, readFileSync(REPO + rel));
}

/** Parses a fixture and fails unless the result is ok. */
export function parseFixture(rel: string): RuleSet {
  return unwrap(iptablesSaveParser.parse(loadFixture(rel), {}));
}

/** Parses inline text as file `file`. */
export function parseText(text: string, file = 't.rules'): RuleSet {
  return unwrap(iptablesSaveParser.parse(fromText(file, text), {}));
}

function unwrap(r: ReturnType<typeof iptablesSaveParser.parse>): RuleSet {
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.diagnostics)}`);
  return r.ruleSet;
}

/**
 * 1-based line of the only statement line of the fixture containing `needle` (comment lines are searched only
 * for needles starting with `#`); fails when absent or ambiguous.
 */
export function lineOf(rel: string, needle: string): number {
  const lines = readFileSync(REPO + rel, 'utf8').split('\n');
  const comments = needle.startsWith('#');
  const hits = lines.flatMap((l, i) => (l.includes(needle) && l.startsWith('#') === comments ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`"${needle}" found ${hits.length} times in ${rel}`);
  return hits[0] as number;
}

/** The rule with this id. */
export function ruleById(rs: RuleSet, id: string): Rule {
  const rule = rs.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}; ids: ${rs.rules.map((r) => r.id).join(' ')}`);
  return rule;
}

/** The only rule of a fixture line that contains `needle`. */
export function ruleOn(rs: RuleSet, rel: string, needle: string): Rule {
  return ruleById(rs, `${rel}:${lineOf(rel, needle)}`);
}

/** Diagnostics as `CODE@line` in result order. */
export function codes(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.code}@${d.ref.line ?? '-'}`);
}

/** Condition texts as `kind: text`. */
export function conditionTexts(rule: Rule): string[] {
  return rule.conditions.map((c) => `${c.kind}: ${c.text}`);
}

/** An address match as `any`, `10.0.0.0/8`, `!10.0.0.0/8`, `ipset:x` (symbols appended with `+`). */
export function addr(m: AddressMatch): string {
  const symbols = m.symbols.length > 0 ? m.symbols.join('+') : '';
  const set = m.set.isEmpty() && symbols !== '' ? '' : formatAddressSet(m.set);
  return `${m.negated ? '!' : ''}${[set, symbols].filter((s) => s !== '').join('+')}`;
}

/** A one-line summary of the fields most tests pin. */
export function summary(r: Rule): string {
  const flags = [r.neverNew === true ? 'neverNew' : '', r.loopbackOnly === true ? 'loopback' : ''].filter((s) => s !== '');
  return [
    r.direction,
    r.action,
    r.target ?? '-',
    formatProtocols(r.protocols),
    `local ${addr(r.localAddresses)}:${formatPorts(r.localPorts.set)}`,
    `remote ${addr(r.remoteAddresses)}:${formatPorts(r.remotePorts.set)}`,
    ...flags,
  ].join(' ');
}

/** Every line parsed, ignored or unsupported, and the total equals the file's line count. */
export function assertAccounted(rs: RuleSet, expectedTotal: number): void {
  const a = rs.accounting;
  const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
  assert.is(a.total, expectedTotal, 'total lines');
  assert.is(a.parsed + ignored + a.unsupported, a.total, 'parsed + ignored + unsupported');
}

/** Number of lines of a fixture (a final newline does not start a line). */
export function fixtureLines(rel: string): number {
  const text = readFileSync(REPO + rel, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
