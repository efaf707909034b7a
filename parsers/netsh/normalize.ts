/**
 * @fileoverview Stage 2 of the netsh parser: raw document → RuleSet (Windows semantics, both address families).
 * Adds the file-level diagnostics: no rules matched, profile settings only, a direction with no rules, no
 * profile section.
 */
import type { Direction, Rule, RuleSet } from '../../src/model/rule.js';
import type { ParseOptions } from '../types.js';
import type { RawDocument } from './parse.js';
import { normalizeProfiles } from './profiles.js';
import type { ParseSink } from '../shared/parse-sink.js';

const DIRECTION_WORD: Readonly<Record<Direction, string>> = { in: 'inbound', out: 'outbound' };

/**
 * Builds the RuleSet from the document stage 1 read with normalizeRule as its `finish` (the rules are already
 * normalized); `sink` already holds stage 1's marks and every rule's diagnostics.
 */
export function normalize(doc: RawDocument<Rule>, sink: ParseSink, options: ParseOptions): RuleSet {
  const rules = doc.rules;
  for (const line of doc.noRulesLines) {
    sink.parsed(line);
    sink.report('info', 'NETSH_NO_RULES_MATCH', 'netsh reported that no rules match; the export holds zero rules', line);
  }
  const profiles = normalizeProfiles(doc.profiles, sink);
  const directions = coveredDirections(rules, doc, sink, options);
  if (rules.length === 0 && doc.noRulesLines.length === 0) {
    sink.report('info', 'NETSH_PROFILES_ONLY', 'the file holds profile settings only; add the `show rule name=all verbose` output to audit rules');
  }
  if (profiles === undefined) {
    sink.report(
      'info',
      'NETSH_NO_PROFILE_SETTINGS',
      'no "show allprofiles" section: profile defaults assumed (firewall on, block inbound, allow outbound); ' +
        'include them with `netsh advfirewall show allprofiles >> rules.txt`',
    );
  }
  return {
    semantics: 'windows',
    platform: 'windows',
    rules,
    families: ['ipv4', 'ipv6'],
    directions,
    ...(profiles === undefined ? {} : { profiles }),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
  };
}

/**
 * Directions with at least one rule. A `name=all` dump always has both, so one missing means a filtered
 * export (`dir=in`). With no rules at all, only an explicit `--direction` says what the export covers.
 */
function coveredDirections(rules: readonly Rule[], doc: RawDocument<Rule>, sink: ParseSink, options: ParseOptions): Direction[] {
  if (rules.length === 0) return options.direction === undefined || doc.noRulesLines.length === 0 ? [] : [options.direction];
  const present = (['in', 'out'] as const).filter((d) => rules.some((r) => r.direction === d));
  for (const d of ['in', 'out'] as const) {
    if (present.includes(d)) continue;
    sink.report(
      'warning',
      'NETSH_DIRECTION_MISSING',
      `no ${DIRECTION_WORD[d]} rules: the export looks filtered (dir=${present[0] ?? 'in'}); ${DIRECTION_WORD[d]} traffic is not covered`,
    );
  }
  return present;
}
