/**
 * @fileoverview The JSON diff report (`k2audit diff --format json`), documented by schema/k2audit-diff.schema.json.
 * Keys are emitted in a fixed order; arrays keep the analysis order. Fields (schemaVersion 1):
 *   schemaVersion, kind ("diff"), tool {name, version}, generatedAt, ticket, requirementSetVersion,
 *   profile {name, features, firewallProfile}, failOn, verdict,
 *   before / after {inputs [{path, format, encoding, sha256, ruleCount}], semantics, ruleCount},
 *   summary {rules {added, removed, changed, moved, unchanged}, policies, flows {newlyAllowed, newlyBlocked},
 *            requirements {total, unchanged, regressed, improved, changed}, exposures {new, resolved},
 *            failing {regressions, exposures}},
 *   rules {added [rule], removed [rule], changed [{name, matchedBy, before rule, after rule, fields [{field, before, after}]}],
 *          moved [{chain, before rule, after rule}], unchanged}   with rule = {ref, name, direction, chain, position, text},
 *   policies [{subject, field, before, after, beforeRef, afterRef}],
 *   semantic {directions, families, notCompared [{direction, reason}],
 *             changes [{direction, protocol, protocols, newlyAllowed [flow], newlyBlocked [flow]}]}
 *             with flow = {ports [[lo, hi]], remote, certainty, responsible [{side, kind, ref, name}]},
 *   requirements {total, unchanged, transitions [{id, component, direction, protocol, ports, before, after,
 *                 beforeMissing, afterMissing, change, severity, rules}]},
 *   exposures {new [finding], resolved [finding], skipped}  with finding as in the compare report,
 *   regressions [requirement id], newExposures [finding id], unifiedDiff.
 */
import { findingJson } from './json.js';
import type { DiffResult, DiffSideSummary, FlowChange, RequirementTransition, RuleRef } from '../src/analyses/diff/types.js';
import { portPairs, type PortSet } from '../src/model/port-set.js';
import { diffCounts } from './diff-view.js';
import type { ReportOptions } from './types.js';

/** Version of the diff JSON contract; bumped only when a field is renamed or removed. */
export const DIFF_JSON_SCHEMA_VERSION = 1;

/** Renders the diff as pretty-printed JSON followed by a newline. */
export function diffJsonReport(result: DiffResult, options: ReportOptions): string {
  return `${JSON.stringify(diffToJson(result, options), null, 2)}\n`;
}

/** The JSON document as a plain object. */
export function diffToJson(r: DiffResult, options: ReportOptions): Record<string, unknown> {
  return {
    schemaVersion: DIFF_JSON_SCHEMA_VERSION,
    kind: 'diff',
    tool: { name: r.tool.name, version: r.tool.version },
    generatedAt: r.generatedAt,
    ticket: options.ticket ?? r.ticket ?? null,
    requirementSetVersion: r.requirementSet.version,
    profile: { name: r.requirementSet.profile, features: [...r.requirementSet.features], firewallProfile: r.firewallProfile },
    failOn: r.failOn,
    verdict: r.verdict,
    before: sideJson(r.before),
    after: sideJson(r.after),
    summary: summaryJson(r),
    rules: {
      added: r.rules.added.map(ruleJson),
      removed: r.rules.removed.map(ruleJson),
      changed: r.rules.changed.map((c) => ({ name: c.name, matchedBy: c.matchedBy, before: ruleJson(c.before), after: ruleJson(c.after), fields: c.fields.map((f) => ({ field: f.field, before: f.before, after: f.after })) })),
      moved: r.rules.moved.map((m) => ({ chain: m.chain, before: ruleJson(m.before), after: ruleJson(m.after) })),
      unchanged: r.rules.unchanged,
    },
    policies: r.policies.map((p) => ({ subject: p.subject, field: p.field, before: p.before, after: p.after, beforeRef: p.beforeRef ?? null, afterRef: p.afterRef ?? null })),
    semantic: {
      directions: [...r.semantic.directions],
      families: [...r.semantic.families],
      notCompared: r.semantic.notCompared.map((n) => ({ direction: n.direction, reason: n.reason })),
      changes: r.semantic.changes.map((c) => ({ direction: c.direction, protocol: c.protocol, protocols: c.protocols, newlyAllowed: c.newlyAllowed.map(flowJson), newlyBlocked: c.newlyBlocked.map(flowJson) })),
    },
    requirements: { total: r.requirements.total, unchanged: r.requirements.unchanged, transitions: r.requirements.transitions.map(transitionJson) },
    exposures: { new: r.exposures.new.map(findingJson), resolved: r.exposures.resolved.map(findingJson), skipped: r.exposures.skipped ?? null },
    regressions: r.regressions.map((t) => t.id),
    newExposures: r.newExposures.map((f) => f.id),
    unifiedDiff: r.unifiedDiff,
  };
}

function sideJson(s: DiffSideSummary): Record<string, unknown> {
  return {
    inputs: s.inputs.map((i) => ({ path: i.path, format: i.format, encoding: i.encoding, sha256: i.sha256, ruleCount: i.ruleCount })),
    semantics: [...s.semantics],
    ruleCount: s.ruleCount,
  };
}

function summaryJson(r: DiffResult): Record<string, unknown> {
  const c = diffCounts(r);
  return {
    rules: { ...c.rules },
    policies: c.policies,
    flows: { ...c.flows },
    requirements: { ...c.requirements },
    exposures: { ...c.exposures },
    failing: { regressions: r.failing.regressions, exposures: r.failing.exposures },
  };
}

function ruleJson(x: RuleRef): Record<string, unknown> {
  return { ref: x.ref, name: x.name, direction: x.direction, chain: x.chain ?? null, position: x.position ?? null, text: x.text };
}

function flowJson(f: FlowChange): Record<string, unknown> {
  return {
    ports: pairs(f.ports),
    remote: f.remote,
    certainty: f.certainty,
    responsible: f.responsible.map((x) => ({ side: x.side, kind: x.kind, ref: x.ref, name: x.name })),
  };
}

function transitionJson(t: RequirementTransition): Record<string, unknown> {
  return {
    id: t.id,
    component: t.component,
    direction: t.direction,
    protocol: t.protocol,
    ports: pairs(t.ports),
    before: t.before,
    after: t.after,
    beforeMissing: pairs(t.beforeMissing),
    afterMissing: pairs(t.afterMissing),
    change: t.change,
    severity: t.severity ?? null,
    rules: [...t.rules],
  };
}

function pairs(set: PortSet | undefined): [number, number][] {
  return set === undefined ? [] : portPairs(set);
}
