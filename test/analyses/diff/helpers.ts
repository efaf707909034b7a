/**
 * @fileoverview Test helpers for the diff analysis: load fixtures, audit each side, diff them.
 */
import { readFileSync } from 'node:fs';
import type { Parser } from '../../../parsers/types.js';
import { audit, type LoadedInput } from '../../../src/engine/audit.js';
import { diffAudits, type DiffResult, type DiffSideInput } from '../../../src/analyses/diff/index.js';
import { loadInput } from '../../../src/cli/load-input.js';
import { decode } from '../../../src/input/decode.js';
import type { Severity } from '../../../src/findings/severity.js';
import type { FirewallProfile, RuleSet } from '../../../src/model/rule.js';
import { resolveRequirements } from '../../../src/requirements/resolve.js';
import type { RequirementSet } from '../../../src/requirements/types.js';

export interface DiffTestOptions {
  readonly profile?: string | null;
  readonly failOn?: Severity | 'none';
  readonly fwProfile?: FirewallProfile;
  readonly requirements?: RequirementSet;
}

/** The requirement set of a profile (farm by default); an empty custom set for null. */
export function requirementsOf(profile: string | null = 'farm'): RequirementSet {
  if (profile === null) return { profile: null, version: 'test', features: [], requirements: [] };
  const r = resolveRequirements({ profile, features: [], ports: [], custom: [] });
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

/** A loaded input from a parser directly (formats not in the registry yet). */
export function loadWith(parser: Parser, path: string): LoadedInput {
  const bytes = readFileSync(path);
  const result = parser.parse(decode(path, bytes), {});
  if (!result.ok) throw new Error(`${path}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return inputOf(path, result.ruleSet, parser.format);
}

/** A LoadedInput around a built rule set. */
export function inputOf(path: string, ruleSet: RuleSet, format = 'test'): LoadedInput {
  return {
    ruleSet,
    summary: { path, format, encoding: 'utf-8', sha256: '0'.repeat(64), ruleCount: ruleSet.rules.length, diagnostics: ruleSet.diagnostics, accounting: ruleSet.accounting },
  };
}

/** Audits one side. */
export function side(inputs: readonly LoadedInput[], o: DiffTestOptions = {}): DiffSideInput {
  const requirements = o.requirements ?? requirementsOf(o.profile === undefined ? 'farm' : o.profile);
  const outcome = audit(inputs, requirements, {
    firewallProfile: o.fwProfile ?? 'domain',
    failOn: o.failOn ?? 'high',
    generatedAt: '2026-01-02T03:04:05Z',
    toolVersion: '0.0.0-test',
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return { inputs, result: outcome.result };
}

/** Diffs two sides of loaded inputs. */
export function diffInputs(before: readonly LoadedInput[], after: readonly LoadedInput[], o: DiffTestOptions = {}): DiffResult {
  return diffAudits(side(before, o), side(after, o), { fwProfile: o.fwProfile ?? 'domain', failOn: o.failOn ?? 'high' });
}

/** Diffs two fixture files (loaded through the parser registry). */
export function diffFiles(before: string, after: string, o: DiffTestOptions = {}): DiffResult {
  return diffInputs([loadInput(before, {})], [loadInput(after, {})], o);
}
