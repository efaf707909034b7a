/**
 * @fileoverview Policy units: the independent rule sets an audit evaluates for one host. All Windows inputs
 * of a host merge into one unit (rules plus whichever input states the profile settings); each iptables
 * dump is its own unit for its address family (IPv4 and IPv6 are separate rule sets).
 */
import { AddressSet } from '../model/address-set.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RuleSet } from '../model/rule.js';
import { RuleIndex } from './rule-index.js';
import type { MatchSettings } from './rule-match.js';

export interface PolicyUnit {
  readonly ruleSet: RuleSet;
  /** Remote addresses this unit speaks for. */
  readonly universe: AddressSet;
  readonly index: RuleIndex;
  /** The file cited for defaults that no line states. */
  readonly file: string;
}

export interface UnitInput {
  readonly file: string;
  readonly ruleSet: RuleSet;
}

export type UnitsResult = { ok: true; units: PolicyUnit[] } | { ok: false; error: string };

/** Groups the inputs of one host into policy units, or explains why they cannot be combined. */
export function buildUnits(inputs: readonly UnitInput[], settings: MatchSettings): UnitsResult {
  const windows = inputs.filter((i) => i.ruleSet.semantics === 'windows');
  const chains = inputs.filter((i) => i.ruleSet.semantics === 'first-match');
  if (windows.length > 0 && chains.length > 0) {
    return { ok: false, error: 'cannot audit Windows and iptables exports as one host; run compare once per host' };
  }
  const units: PolicyUnit[] = [];
  if (windows.length > 0) {
    const merged = mergeWindows(windows.map((w) => w.ruleSet));
    units.push(unit(merged, (windows[0] as UnitInput).file, settings));
  }
  const seen = new Map<string, string>();
  for (const c of chains) {
    for (const fam of c.ruleSet.families) {
      const other = seen.get(fam);
      if (other !== undefined) {
        return { ok: false, error: `${c.file}: a second ${fam} rule set for the same host (first: ${other}); audit each host separately` };
      }
      seen.set(fam, c.file);
    }
    units.push(unit(c.ruleSet, c.file, settings));
  }
  return { ok: true, units };
}

function unit(ruleSet: RuleSet, file: string, settings: MatchSettings): PolicyUnit {
  return singleUnit(ruleSet, file, settings);
}

/**
 * The unit of one rule set of one semantics (an iptables dump, or a host's merged Windows rules). With `base`, the
 * unit of a rule set that `ruleSet` only appends rules to (a simulated fix), its port index is reused.
 */
export function singleUnit(ruleSet: RuleSet, file: string, settings: MatchSettings, base?: PolicyUnit): PolicyUnit {
  return { ruleSet, universe: AddressSet.anyOf(ruleSet.families), index: new RuleIndex(ruleSet, settings, base?.index), file };
}

function mergeWindows(sets: readonly RuleSet[]): RuleSet {
  if (sets.length === 1) return sets[0] as RuleSet;
  const profiles = { ...Object.assign({}, ...sets.map((s) => s.profiles ?? {})) };
  const diagnostics: Diagnostic[] = sets.flatMap((s) => [...s.diagnostics]);
  const ignored: Record<string, number> = {};
  for (const s of sets) for (const [k, v] of Object.entries(s.accounting.ignored)) ignored[k] = (ignored[k] ?? 0) + v;
  return {
    semantics: 'windows',
    rules: sets.flatMap((s) => [...s.rules]),
    families: [...new Set(sets.flatMap((s) => [...s.families]))].sort(),
    directions: [...new Set(sets.flatMap((s) => [...s.directions]))].sort(),
    profiles,
    diagnostics,
    accounting: {
      total: sets.reduce((n, s) => n + s.accounting.total, 0),
      parsed: sets.reduce((n, s) => n + s.accounting.parsed, 0),
      ignored,
      unsupported: sets.reduce((n, s) => n + s.accounting.unsupported, 0),
    },
  };
}
