/**
 * @fileoverview Shared helpers for the registry-shaped parser tests (windows-rule, reg, registry-pol, wfw, gpo-xml):
 * fixture loading, UTF-16LE re-encoding, compact rule descriptions, diagnostic code lists, the accounting invariant.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { decode, type DecodedInput } from '../../../src/input/decode.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { formatProtocols } from '../../../src/model/protocol.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import type { Parser } from '../../../parsers/types.js';

/** Repository root (tests run from dist/test/parsers/<folder>). */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** The shared corpus of real exports, beside the repository. */
export const CORPUS = `${REPO}../shared/corpus/windows/`;

/** Reads a fixture by repo-relative path; the path is also the SourceRef file. */
export function loadFixture(rel: string): DecodedInput {
  return decode(rel, readFileSync(REPO + rel));
}

/** The fixture's text as `reg export` / Get-GPOReport write it: UTF-16LE with BOM and CRLF. */
export function asUtf16(rel: string): DecodedInput {
  const text = readFileSync(REPO + rel, 'utf8').replace(/\r?\n/g, '\r\n');
  return decode(rel, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** Parses and fails the test unless the result is ok. */
export function parseOk(parser: Parser, input: DecodedInput): RuleSet {
  const r = parser.parse(input, {});
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.diagnostics)}`);
  return r.ruleSet;
}

/** Parses and returns the diagnostics of a fatal result (fails when the parse succeeded). */
export function parseFatal(parser: Parser, input: DecodedInput): readonly Diagnostic[] {
  const r = parser.parse(input, {});
  if (r.ok) throw new Error('expected a fatal parse result');
  return r.diagnostics;
}

/** The rule with this id. */
export function ruleById(rs: RuleSet, id: string): Rule {
  const rule = rs.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
}

/** `in allow tcp local 80 remote-port any from 10.0.0.0/8+LocalSubnet [domain] off` — the matching fields in one line. */
export function describe(r: Rule): string {
  const kw = (k: readonly string[]): string => (k.length === 0 ? '' : `+${k.join('+')}`);
  const parts = [
    r.direction,
    r.action,
    formatProtocols(r.protocols),
    `local ${formatPorts(r.localPorts.set)}${kw(r.localPorts.keywords)}`,
    `remote-port ${formatPorts(r.remotePorts.set)}${kw(r.remotePorts.keywords)}`,
    `from ${formatAddressSet(r.remoteAddresses.set)}${kw(r.remoteAddresses.symbols)}`,
    `[${r.profiles.join(',')}]`,
  ];
  if (!r.localAddresses.set.isAny()) parts.push(`at ${formatAddressSet(r.localAddresses.set)}`);
  if (!r.enabled) parts.push('off');
  return parts.join(' ');
}

/** Condition texts of a rule as `kind: text`. */
export function conditionTexts(rule: Rule): string[] {
  return rule.conditions.map((c) => `${c.kind}: ${c.text}`);
}

/** Diagnostics as `CODE@line` (`@-` without line) in result order. */
export function codes(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.code}@${d.ref.line ?? '-'}`);
}

/** Every unit parsed, ignored or unsupported, and the total as expected. */
export function assertAccounted(rs: RuleSet, expectedTotal: number): void {
  const a = rs.accounting;
  const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
  assert.is(a.total, expectedTotal, 'total');
  assert.is(a.parsed + ignored + a.unsupported, a.total, 'parsed + ignored + unsupported');
}
