/**
 * @fileoverview New and resolved exposures: over-permissive and firewall-off findings of each side, matched
 * across sides by kind, rule, direction, protocol and excess ports, never by finding id (ids carry file:line).
 * A rule is identified by the before-side rule it continues (rule matching), else by its name (or, for names
 * derived from a chain position, its content).
 */
import type { PolicyUnit } from '../../engine/units.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { Finding } from '../../findings/finding.js';
import type { AuditResult } from '../../findings/result.js';
import type { Rule } from '../../model/rule.js';
import { overPermissiveFindings } from '../over-permissive.js';
import { fingerprint, stableName } from './rule-fields.js';
import type { ExposureChanges } from './types.js';

const NO_REQUIREMENTS = 'no requirement set: over-permissive findings need requirements to measure against (use --profile or --requirements)';

/** The exposure findings of one side: the audit's own, or computed when the audit did not run that analysis. */
export function exposureFindings(result: AuditResult, units: readonly PolicyUnit[], ctx: EvalContext): { findings: Finding[]; skipped?: string } {
  const own = result.findings.filter((f) => f.code === 'RULE_OVER_PERMISSIVE' || f.code === 'FIREWALL_OFF');
  if (own.some((f) => f.code === 'RULE_OVER_PERMISSIVE')) return { findings: own };
  if (result.requirements.length === 0) return { findings: own, skipped: NO_REQUIREMENTS };
  const set = { ...result.requirementSet, requirements: result.requirements.map((r) => r.requirement) };
  return { findings: [...own, ...overPermissiveFindings(units, set, { fwProfile: ctx.fwProfile, settings: ctx.settings })] };
}

export interface ExposureSides {
  readonly before: { readonly findings: readonly Finding[]; readonly rules: ReadonlyMap<string, Rule> };
  readonly after: { readonly findings: readonly Finding[]; readonly rules: ReadonlyMap<string, Rule> };
  /** After-side rule id → the before-side rule id it continues. */
  readonly continues: ReadonlyMap<string, string>;
}

/** Findings present on one side only (multiset: two equal findings before and one after resolve one). */
export function diffExposures(s: ExposureSides, skipped?: string): ExposureChanges {
  const beforeLookup: Lookup = (id) => {
    const rule = s.before.rules.get(id);
    return rule === undefined ? undefined : { id, rule };
  };
  const afterLookup: Lookup = (id) => {
    const rule = s.after.rules.get(id);
    if (rule === undefined) return undefined;
    const prev = s.continues.get(id);
    return prev === undefined ? { rule } : { id: prev, rule };
  };
  const bk = s.before.findings.map((f) => keyOf(f, beforeLookup));
  const ak = s.after.findings.map((f) => keyOf(f, afterLookup));
  const bLeft = counts(bk);
  const aLeft = counts(ak);
  const fresh = s.after.findings.filter((_f, i) => !take(bLeft, ak[i] as string));
  const resolved = s.before.findings.filter((_f, i) => !take(aLeft, bk[i] as string));
  return { new: fresh, resolved, ...(skipped === undefined ? {} : { skipped }) };
}

/** The rule behind a finding's rule id on its side, and the before-side id it continues, if any. */
type Lookup = (ruleId: string) => { readonly id?: string; readonly rule: Rule } | undefined;

/** The cross-side identity of a finding. */
export function keyOf(f: Finding, lookup: Lookup): string {
  if (f.code === 'FIREWALL_OFF') return `firewall-off\u0000${f.args.profile}`;
  if (f.code !== 'RULE_OVER_PERMISSIVE') return `${f.code}\u0000${f.id}`;
  const found = lookup(f.args.ruleId);
  const who =
    found === undefined ? `default\u0000${f.args.ruleId}` : found.id !== undefined ? `rule\u0000${found.id}` : `name\u0000${stableName(found.rule) ?? fingerprint(found.rule)}`;
  return ['over-permissive', who, f.direction ?? '', f.protocol ?? '', JSON.stringify(f.ports?.intervals() ?? [])].join('\u0000');
}

function counts(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Consumes one occurrence of `k`; false when there is none. */
function take(m: Map<string, number>, k: string): boolean {
  const n = m.get(k) ?? 0;
  if (n === 0) return false;
  m.set(k, n - 1);
  return true;
}
