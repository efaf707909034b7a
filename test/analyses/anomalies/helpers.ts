/**
 * @fileoverview Runs the anomaly analyses on built rule sets and views findings compactly for exact assertions.
 */
import { anomalyFindings } from '../../../src/analyses/anomalies/index.js';
import { evaluateRequirement } from '../../../src/analyses/gaps.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits } from '../../../src/engine/units.js';
import type { Finding } from '../../../src/findings/finding.js';
import { formatPorts } from '../../../src/model/port-set.js';
import type { FirewallProfile, RuleSet } from '../../../src/model/rule.js';
import type { Requirement } from '../../../src/requirements/types.js';

export interface RunOptions {
  readonly fwProfile?: FirewallProfile;
  readonly maxPairs?: number;
  readonly requirements?: readonly Requirement[];
}

/** All anomaly findings of the rule sets (one host). */
export function anomalies(sets: RuleSet[], o: RunOptions = {}): Finding[] {
  const settings = DEFAULT_MATCH_SETTINGS;
  const fwProfile = o.fwProfile ?? 'domain';
  const built = buildUnits(sets.map((ruleSet) => ({ file: 'f', ruleSet })), settings);
  if (!built.ok) throw new Error(built.error);
  const results = (o.requirements ?? []).map((r) => evaluateRequirement(r, built.units, { fwProfile, settings }));
  return anomalyFindings(built.units, results, { fwProfile, settings, maxPairs: o.maxPairs ?? 200 });
}

/** Finding ids, in the order returned. */
export function ids(fs: readonly Finding[]): string[] {
  return fs.map((f) => f.id);
}

/** `id severity [refs lines] args` for one finding. */
export function view(f: Finding): string {
  const lines = f.refs.map((r) => r.line ?? 0).join(',');
  const extra = f.ports === undefined ? '' : ` ports=${formatPorts(f.ports)}`;
  return `${f.id} ${f.severity} [${lines}]${extra} ${JSON.stringify(f.args)}`;
}

/** The finding with that id (throws when absent, so a test fails with the id in the message). */
export function byId(fs: readonly Finding[], id: string): Finding {
  const f = fs.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no finding ${id} in ${JSON.stringify(ids(fs))}`);
  return f;
}
