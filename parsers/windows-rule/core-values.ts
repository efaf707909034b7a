/**
 * @fileoverview The single-valued core fields of a rule (Action, Active, Dir, Protocol) and the repeatable Profile,
 * each with its fallback when missing or unreadable. Registry strings use `TRUE`/`In`/`ByPass`; GPO XML uses
 * `true`; matching is case-insensitive.
 */
import { ANY_PROTOCOL, parseProtocol, type ProtocolSet } from '../../src/model/protocol.js';
import { FIREWALL_PROFILES, type Direction, type FirewallProfile } from '../../src/model/rule.js';
import type { RuleIssues } from './rule-issues.js';
import type { RuleField } from './split.js';

export type WindowsAction = 'allow' | 'block' | 'bypass';

const ACTIONS: Readonly<Record<string, WindowsAction>> = { allow: 'allow', block: 'block', bypass: 'bypass' };
const DIRECTIONS: Readonly<Record<string, Direction>> = { in: 'in', out: 'out' };
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false };
const PROFILES: Readonly<Record<string, FirewallProfile>> = { domain: 'domain', private: 'private', public: 'public' };

/** A parser of one field value. */
type ValueParser<T> = (value: string) => T | undefined;

export const parseAction: ValueParser<WindowsAction> = (v) => ACTIONS[v.trim().toLowerCase()];
export const parseDirection: ValueParser<Direction> = (v) => DIRECTIONS[v.trim().toLowerCase()];
export const parseBoolean: ValueParser<boolean> = (v) => BOOLEANS[v.trim().toLowerCase()];

/**
 * A required single-valued field: missing → error + condition + fallback; unreadable → the same; a second,
 * different value → warning (the first is used).
 */
export function readRequired<T>(
  fields: readonly RuleField[],
  label: string,
  parse: ValueParser<T>,
  fallback: T,
  issues: RuleIssues,
): T {
  const first = fields[0];
  if (first === undefined) {
    issues.error('WINRULE_MISSING_FIELD', `rule has no ${label} field; assumed ${String(fallback)}`, `missing ${label.toLowerCase()}`);
    return fallback;
  }
  warnConflicts(fields, issues);
  const value = parse(first.value);
  if (value !== undefined) return value;
  issues.unreadable('WINRULE_INVALID_VALUE', `invalid ${label} value "${first.value}"`, label.toLowerCase(), first.value, first.ref);
  return fallback;
}

/** `Protocol` (decimal 0–255; 256 = any as the COM API writes it); absent = any. */
export function readProtocol(fields: readonly RuleField[], issues: RuleIssues): ProtocolSet {
  const first = fields[0];
  if (first === undefined) return ANY_PROTOCOL;
  warnConflicts(fields, issues);
  const text = first.value.trim();
  if (text === '256') return ANY_PROTOCOL;
  const set = /^\d{1,3}$/.test(text) ? parseProtocol(text) : undefined;
  if (set !== undefined) return set;
  issues.unreadable('WINRULE_INVALID_PROTOCOL', `invalid protocol "${first.value}" (expected a number 0-255)`, 'protocol', first.value, first.ref);
  return ANY_PROTOCOL;
}

/** Repeatable `Profile`; absent = all three. An unreadable token widens to all profiles. */
export function readProfiles(fields: readonly RuleField[], issues: RuleIssues): readonly FirewallProfile[] {
  if (fields.length === 0) return FIREWALL_PROFILES;
  const found = new Set<FirewallProfile>();
  for (const field of fields) {
    const p = PROFILES[field.value.trim().toLowerCase()];
    if (p === undefined) {
      issues.unreadable('WINRULE_INVALID_VALUE', `invalid profile "${field.value}"`, 'profile', field.value, field.ref);
      return FIREWALL_PROFILES;
    }
    found.add(p);
  }
  return FIREWALL_PROFILES.filter((p) => found.has(p));
}

/** A single-valued key given twice with different values: warning; the first is used. */
function warnConflicts(fields: readonly RuleField[], issues: RuleIssues): void {
  const first = fields[0];
  // One field (nearly always) cannot conflict: no normalized copies of its value are made.
  if (first === undefined || fields.length === 1) return;
  const other = fields.find((f) => f.value.trim().toLowerCase() !== first.value.trim().toLowerCase());
  if (other === undefined) return;
  issues.warn(
    'WINRULE_DUPLICATE_FIELD',
    `${first.key} given twice ("${first.value}", "${other.value}"); the first is used`,
    `conflicting ${first.key} values "${first.value}", "${other.value}"`,
    other.ref,
  );
}
