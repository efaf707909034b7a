/**
 * @fileoverview Port, address and ICMP fields of a rule → model matches. All values of one side are unioned
 * (`LPort=5000|LPort2_10=7200-17210` is 5000 plus the range). Keywords stay symbolic; an unreadable value widens
 * that side to "any" and makes the rule uncertain, never silently narrower or certain.
 */
import { AddressSet } from '../../src/model/address-set.js';
import { parseAddressToken } from '../../src/model/ip.js';
import { NO_PORTS, parsePortToken } from '../../src/model/port-set.js';
import {
  ANY_ADDRESS_MATCH,
  ANY_PORT_MATCH,
  type AddressMatch,
  type PortKeyword,
  type PortMatch,
} from '../../src/model/rule.js';
import { quote } from '../shared/parse-sink.js';
import { addressKeyword, portKeyword } from '../shared/windows-keywords.js';
import type { RuleIssues } from './rule-issues.js';
import type { RuleField } from './split.js';

/** `*` / `Any`: the whole side. */
export function isAnyValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '*' || v === 'any';
}

const WORD = /^[a-z][a-z0-9-]*$/i;

/**
 * Matches of single port / address fields that read without any report, by value: the same few values repeat on
 * thousands of rules and the matches are immutable, so rules share them. Values that report are never cached.
 */
const portMatches = new Map<string, PortMatch>();
const addressMatches = new Map<string, AddressMatch>();
const CACHE_LIMIT = 20_000;

function cached<T>(cache: Map<string, T>, fields: readonly RuleField[], issues: RuleIssues, read: () => T): T {
  const only = fields.length === 1 ? (fields[0] as RuleField).value : undefined;
  if (only === undefined) return read();
  const hit = cache.get(only);
  if (hit !== undefined) return hit;
  const before = issues.reports;
  const value = read();
  if (issues.reports !== before) return value;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(only, value);
  return value;
}

/** Port fields of one side (`LPort`, `LPort2_10`, …) → PortMatch; no fields = any port. */
export function readPorts(fields: readonly RuleField[], side: string, issues: RuleIssues): PortMatch {
  if (fields.length === 0) return ANY_PORT_MATCH;
  return cached(portMatches, fields, issues, () => readPortFields(fields, side, issues));
}

function readPortFields(fields: readonly RuleField[], side: string, issues: RuleIssues): PortMatch {
  let set = NO_PORTS;
  const keywords: PortKeyword[] = [];
  for (const field of fields) {
    for (const token of field.value.split(',').map((t) => t.trim())) {
      if (isAnyValue(token)) return ANY_PORT_MATCH;
      const keyword = portKeyword(token);
      if (keyword !== undefined) {
        if (!keywords.includes(keyword)) keywords.push(keyword);
        continue;
      }
      const r = parsePortToken(token, '-');
      if (r.ok) {
        set = set.union(r.set);
        continue;
      }
      if (WORD.test(token)) {
        issues.warn('WINRULE_UNKNOWN_PORT_KEYWORD', `unknown port keyword "${token}" in ${field.key}`, `unknown ${side} keyword "${token}"`, field.ref);
        if (!keywords.includes('Other')) keywords.push('Other');
        continue;
      }
      issues.unreadable('WINRULE_INVALID_PORT', `${r.error} in ${field.key}`, side, token, field.ref);
      return ANY_PORT_MATCH;
    }
  }
  return { set, keywords };
}

/** Address fields of one side (`RA4`, `RA6`, `RA42`, …) → AddressMatch; no fields = any address. */
export function readAddresses(fields: readonly RuleField[], side: string, issues: RuleIssues): AddressMatch {
  if (fields.length === 0) return ANY_ADDRESS_MATCH;
  return cached(addressMatches, fields, issues, () => readAddressFields(fields, side, issues));
}

function readAddressFields(fields: readonly RuleField[], side: string, issues: RuleIssues): AddressMatch {
  let set = AddressSet.NONE;
  const symbols: string[] = [];
  for (const field of fields) {
    for (const token of field.value.split(',').map((t) => t.trim())) {
      if (isAnyValue(token)) return ANY_ADDRESS_MATCH;
      const keyword = addressKeyword(token);
      if (keyword !== undefined) {
        if (!symbols.includes(keyword)) symbols.push(keyword);
        continue;
      }
      const r = parseAddressToken(token);
      if (r.ok) {
        set = set.union(r.set);
        continue;
      }
      if (WORD.test(token)) {
        issues.warn('WINRULE_UNKNOWN_ADDRESS_KEYWORD', `unknown address keyword "${token}" in ${field.key}`, `unknown ${side} keyword "${token}"`, field.ref);
        if (!symbols.includes(token)) symbols.push(token);
        continue;
      }
      issues.unreadable('WINRULE_INVALID_ADDRESS', `${r.error} in ${field.key}`, side, token, field.ref);
      return ANY_ADDRESS_MATCH;
    }
  }
  return { set, symbols, negated: false };
}

/** `ICMP4`/`ICMP6` `type:code` values → one `icmp type 8 code Any, …` condition (the netsh wording). */
export function readIcmp(fields: readonly RuleField[], issues: RuleIssues): void {
  const rows: string[] = [];
  for (const field of fields) {
    const m = /^\s*(\d{1,3}|\*)\s*(?::\s*(\d{1,3}|\*)\s*)?$/.exec(field.value);
    const type = m?.[1];
    const code = m?.[2] ?? '*';
    if (type === undefined || !byteOrAny(type) || !byteOrAny(code)) {
      issues.unreadable('WINRULE_INVALID_ICMP', `invalid ICMP type:code ${quote(field.value)} in ${field.key}`, 'icmp type', field.value, field.ref);
      continue;
    }
    rows.push(`type ${anyWord(type)} code ${anyWord(code)}`);
  }
  if (rows.length > 0) issues.condition('other', `icmp ${rows.join(', ')}`);
}

function byteOrAny(text: string): boolean {
  return text === '*' || Number(text) <= 255;
}

function anyWord(text: string): string {
  return text === '*' ? 'Any' : text;
}
