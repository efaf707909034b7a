/**
 * @fileoverview Rule anomalies, computed on sets (boxes of protocol × service port × remote address, per direction)
 * with interval structures instead of comparing every pair of rules.
 *
 * Severity (why):
 * - RULE_SHADOWED conflicting → medium: the rule says the opposite of what happens to its traffic.
 * - RULE_SHADOWED not conflicting, RULE_REDUNDANT → low: dead rules, clutter that hides intent.
 * - RULES_CORRELATED, RULE_GENERALIZATION → info: order-dependent overlaps, often intended (exceptions).
 * - ALLOW_OVERRIDDEN → medium: an allow rule that cannot open anything (block beats allow).
 * - BLOCK_CUTS_REQUIREMENT → high: a block rule is the reason a required flow fails.
 * - DISABLED_RULE_WOULD_CLOSE_GAP → medium: a cheap, concrete fix for a gap.
 * - ANOMALY_PAIRS_CAPPED → info: tells the reader the pair lists are truncated and by how much.
 *
 * How, per group (one chain and direction, or one Windows direction of the audited profile): each rule becomes a box
 * in compressed coordinates (box.ts, geometry.ts); a cover tree answers "do earlier certain rules cover it?"
 * (cover-tree.ts); a painter painted from the last rule to the first answers "which rule matches each point first,
 * before / after this one?" (painter.ts); pairs with different actions come from an R-tree that counts whole nodes
 * at once when it can (rect-index.ts, pairs.ts). No step compares every pair of rules.
 *
 * Semantics per platform: first-match.ts and pairs.ts (chains), windows.ts (precedence), box.ts (which rules are
 * certain), block-cuts.ts, disabled-gap.ts. Findings are sorted by the position of the rule they are about, then id.
 */
import type { FirewallProfile } from '../../model/rule.js';
import { formatRef } from '../../model/source-ref.js';
import type { MatchSettings } from '../../engine/rule-match.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { Finding } from '../../findings/finding.js';
import type { RequirementResult } from '../../findings/result.js';
import { blockCutFindings } from './block-cuts.js';
import { disabledGapFindings } from './disabled-gap.js';
import { chainFinding, pairFindings, windowsFinding } from './findings.js';
import { analyseChain } from './first-match.js';
import { chainGroups, geometryOf, windowsGroups } from './groups.js';
import { collectPairs, PairSink } from './pairs.js';
import { analyseWindows } from './windows.js';

export interface AnomalyOptions {
  readonly fwProfile: FirewallProfile;
  readonly settings: MatchSettings;
  /** Correlated and generalization pairs listed at most (each kind); the totals are always exact. */
  readonly maxPairs: number;
}

/** Every anomaly finding of the host's policy units, in a deterministic order. */
export function anomalyFindings(units: readonly PolicyUnit[], results: readonly RequirementResult[], opts: AnomalyOptions): Finding[] {
  const out: Finding[] = [];
  const pairs = new PairSink(Math.max(0, opts.maxPairs));
  for (const unit of units) {
    if (unit.ruleSet.semantics === 'first-match') chainAnomalies(unit, opts.settings, pairs, out);
    else windowsAnomalies(unit, opts, out);
  }
  for (const list of [pairFindings(pairs), blockCutFindings(units, results, opts.settings), disabledGapFindings(units, results, opts)]) {
    for (const f of list) out.push(f);
  }
  return sortByPosition(out);
}

function chainAnomalies(unit: PolicyUnit, settings: MatchSettings, pairs: PairSink, out: Finding[]): void {
  for (const group of chainGroups(unit)) {
    const geo = geometryOf(group, settings);
    const analysis = analyseChain(geo);
    for (const v of analysis.verdicts) out.push(chainFinding(v));
    collectPairs(geo, analysis.shadowed, analysis.swap, pairs);
  }
}

function windowsAnomalies(unit: PolicyUnit, opts: AnomalyOptions, out: Finding[]): void {
  const blockAlways = unit.ruleSet.profiles?.[opts.fwProfile]?.inbound === 'block-always';
  for (const group of windowsGroups(unit, opts.fwProfile)) {
    const verdicts = analyseWindows(geometryOf(group, opts.settings), !(blockAlways && group.direction === 'in'));
    for (const v of verdicts) out.push(windowsFinding(v));
  }
}

/**
 * Findings by the position of the rule they are about (compareRefs: file, line, then the formatted reference), then
 * id; findings without a reference last. The keys are computed once per finding, not once per comparison.
 */
function sortByPosition(list: readonly Finding[]): Finding[] {
  const keyed = list.map((f) => {
    const ref = f.refs[0];
    return { f, ref, line: ref?.line ?? 0, text: ref === undefined ? '' : formatRef(ref) };
  });
  keyed.sort((a, b) => {
    if (a.ref !== undefined && b.ref !== undefined) {
      if (a.ref.file !== b.ref.file) return a.ref.file < b.ref.file ? -1 : 1;
      if (a.line !== b.line) return a.line - b.line;
      if (a.text !== b.text) return a.text < b.text ? -1 : 1;
    } else if (a.ref !== b.ref) {
      return a.ref === undefined ? 1 : -1;
    }
    return a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0;
  });
  return keyed.map((k) => k.f);
}
