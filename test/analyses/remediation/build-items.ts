/**
 * @fileoverview Test helper: remediation items for built rule sets and requirements (no parser).
 */
import { overPermissiveFindings } from '../../../src/analyses/over-permissive.js';
import { evaluateRequirement } from '../../../src/analyses/gaps.js';
import { remediate } from '../../../src/analyses/remediation/index.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits } from '../../../src/engine/units.js';
import type { RemediationItem } from '../../../src/findings/remediation.js';
import type { FirewallProfile, RuleSet } from '../../../src/model/rule.js';
import type { Requirement } from '../../../src/requirements/types.js';
import { reqSet } from '../../helpers/build.js';

/** Items for one rule set (file `f`) and requirements, audited on `fwProfile`. */
export function itemsFor(rs: RuleSet, reqs: Requirement[], fwProfile: FirewallProfile = 'domain'): RemediationItem[] {
  const built = buildUnits([{ file: 'f', ruleSet: rs }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  const ctx = { fwProfile, settings: DEFAULT_MATCH_SETTINGS };
  const results = reqs.map((r) => evaluateRequirement(r, built.units, ctx));
  const findings = overPermissiveFindings(built.units, reqSet(reqs), ctx);
  return remediate(built.units, results, findings, ctx);
}

/** `dialect: text` lines of an item, for exact assertions. */
export function commandLines(item: RemediationItem | undefined): string[] {
  return (item?.commands ?? []).map((c) => `${c.dialect}: ${c.text}`);
}
