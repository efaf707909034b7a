/**
 * @fileoverview Test helper: parse an export text, audit it with the farm profile (src/engine/audit.ts), and run
 * the over-permissive analysis and remediation on the same policy units.
 */
import { fromText } from '../../../src/input/decode.js';
import { audit } from '../../../src/engine/audit.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits, type PolicyUnit } from '../../../src/engine/units.js';
import { overPermissiveFindings } from '../../../src/analyses/over-permissive.js';
import { remediate } from '../../../src/analyses/remediation/index.js';
import type { Finding } from '../../../src/findings/finding.js';
import type { RemediationItem } from '../../../src/findings/remediation.js';
import type { RequirementResult } from '../../../src/findings/result.js';
import type { FirewallProfile, RuleSet } from '../../../src/model/rule.js';
import { resolveRequirements } from '../../../src/requirements/resolve.js';
import type { RequirementSet } from '../../../src/requirements/types.js';
import type { Parser } from '../../../parsers/types.js';

export interface Audited {
  readonly ruleSet: RuleSet;
  readonly units: PolicyUnit[];
  readonly results: readonly RequirementResult[];
  readonly overPermissive: Finding[];
  readonly items: RemediationItem[];
}

/** The farm requirement set. */
export function farm(): RequirementSet {
  const r = resolveRequirements({ profile: 'farm', features: [], ports: [] });
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

/** Parses `text` as `file` and audits it against the farm profile. */
export function auditText(file: string, text: string, parser: Parser, fwProfile: FirewallProfile = 'domain'): Audited {
  const parsed = parser.parse(fromText(file, text), {});
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const ruleSet = parsed.ruleSet;
  const summary = { path: file, format: parser.format, encoding: 'utf-8', sha256: '', ruleCount: ruleSet.rules.length, diagnostics: ruleSet.diagnostics, accounting: ruleSet.accounting };
  const requirements = farm();
  const outcome = audit([{ summary, ruleSet }], requirements, { firewallProfile: fwProfile, failOn: 'none', generatedAt: '2026-01-01T00:00:00Z', toolVersion: 'test' });
  if (!outcome.ok) throw new Error(outcome.error);
  const built = buildUnits([{ file, ruleSet }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  const opts = { fwProfile, settings: DEFAULT_MATCH_SETTINGS };
  const results = outcome.result.requirements;
  const overPermissive = overPermissiveFindings(built.units, requirements, opts);
  return { ruleSet, units: built.units, results, overPermissive, items: remediate(built.units, results, overPermissive, opts) };
}

/** Requirement id → status, for the requirements that are not allowed. */
export function openGaps(a: Audited): Record<string, string> {
  return Object.fromEntries(a.results.filter((r) => r.status !== 'allowed').map((r) => [r.requirement.id, r.status]));
}
