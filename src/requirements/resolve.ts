/**
 * @fileoverview The requirement set an audit checks: profile + features + port overrides + custom requirements.
 */
import { parseFeatures, formatFeatures } from './features.js';
import { profileRequirements, unusedOverrideHint } from './k2-requirements.js';
import { parsePortOverrides } from './port-overrides.js';
import { findProfile, PROFILES } from './profiles.js';
import type { Requirement, RequirementSet } from './types.js';
import { REQUIREMENT_SET_VERSION } from './version.js';

/** What the CLI collected: `--profile`, `--feature`, `--port`, and loaded `--requirements` files. */
export interface ResolveOptions {
  readonly profile?: string;
  /** `--feature` arguments (`email=msa`, `oracle`). */
  readonly features: readonly string[];
  /** `--port` arguments (`sql=1533`). */
  readonly ports: readonly string[];
  /** Requirements loaded from `--requirements` files. */
  readonly custom?: readonly Requirement[];
}

/** The requirement set, or one error line. */
export type ResolveResult = { ok: true; set: RequirementSet } | { ok: false; error: string };

/** Builds the requirement set; every failure is one line of text for the CLI. */
export function resolveRequirements(opts: ResolveOptions): ResolveResult {
  const custom = opts.custom ?? [];
  if (opts.profile === undefined) {
    if (custom.length === 0) return { ok: false, error: 'no requirements: give --profile or --requirements' };
    if (opts.features.length > 0 || opts.ports.length > 0) {
      return { ok: false, error: '--feature and --port need --profile' };
    }
    return finish({ profile: null, version: REQUIREMENT_SET_VERSION, features: [], requirements: custom });
  }
  const profile = findProfile(opts.profile);
  if (profile === undefined) {
    const names = PROFILES.map((p) => p.name).join(', ');
    return { ok: false, error: `unknown profile "${opts.profile}"; profiles: ${names}` };
  }
  const features = parseFeatures(opts.features);
  if (!features.ok) return features;
  const overrides = parsePortOverrides(opts.ports);
  if (!overrides.ok) return overrides;
  const built = profileRequirements(profile, features.state, overrides.overrides);
  for (const name of overrides.overrides.keys()) {
    if (built.some((r) => r.portName === name)) continue;
    const hint = unusedOverrideHint(name, profile);
    return { ok: false, error: `--port ${name} matches no requirement of profile ${profile.name} (${hint})` };
  }
  assertUniqueIds(built);
  const builtIds = new Set(built.map((r) => r.id));
  const clash = custom.find((r) => builtIds.has(r.id));
  if (clash !== undefined) {
    return { ok: false, error: `custom requirement id "${clash.id}" clashes with profile ${profile.name}` };
  }
  return finish({
    profile: profile.name,
    version: REQUIREMENT_SET_VERSION,
    features: formatFeatures(features.state),
    requirements: [...built, ...custom],
  });
}

function finish(set: RequirementSet): ResolveResult {
  const dup = firstDuplicate(set.requirements);
  if (dup !== undefined) return { ok: false, error: `duplicate requirement id "${dup}"` };
  return { ok: true, set: { ...set, requirements: sortRequirements(set.requirements) } };
}

/** Orders requirements by direction, protocol, first port (unknown ports last), then id. */
export function sortRequirements(reqs: readonly Requirement[]): Requirement[] {
  return [...reqs].sort(
    (a, b) =>
      cmp(a.direction, b.direction) ||
      cmp(a.protocol, b.protocol) ||
      (a.ports?.first() ?? 65536) - (b.ports?.first() ?? 65536) ||
      cmp(a.id, b.id),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstDuplicate(reqs: readonly Requirement[]): string | undefined {
  const seen = new Set<string>();
  for (const r of reqs) {
    if (seen.has(r.id)) return r.id;
    seen.add(r.id);
  }
  return undefined;
}

/** Built-in ids are unique by construction (row key + direction + protocol); a clash is a data bug. */
function assertUniqueIds(reqs: readonly Requirement[]): void {
  const dup = firstDuplicate(reqs);
  if (dup !== undefined) throw new Error(`internal: duplicate built-in requirement id "${dup}"`);
}
