/**
 * @fileoverview Builds anomaly findings (data only; the wording is in src/findings/messages.ts). Ids are stable:
 * `shadowed:<ruleId>`, `redundant:<ruleId>`, `overridden:<ruleId>`, `correlated:<earlierId>~<laterId>`,
 * `generalization:<ruleId>`, `pairs-capped:<kind>`. Refs list the rule itself first, then every other rule involved.
 */
import type { PortSet } from '../../model/port-set.js';
import type { Rule } from '../../model/rule.js';
import type { SourceRef } from '../../model/source-ref.js';
import type { Finding } from '../../findings/finding.js';
import type { Severity } from '../../findings/severity.js';
import type { Requirement } from '../../requirements/types.js';
import type { ChainVerdict } from './first-match.js';
import type { Item } from './geometry.js';
import type { PairSink } from './pairs.js';
import type { WindowsVerdict } from './windows.js';

// The builders below write each object out in full: object and array spreads cost several times more per finding,
// and a 100,000-rule audit builds tens of thousands of these.

function refs(it: Item, others: readonly Item[]): SourceRef[] {
  const out = [it.rule.source];
  for (const o of others) out.push(o.rule.source);
  return out;
}

function ids(list: readonly Item[]): string[] {
  return list.map((o) => o.rule.id);
}

/** RULE_SHADOWED / RULE_REDUNDANT for a first-match verdict. */
export function chainFinding(v: ChainVerdict): Finding {
  const rule = v.item.rule;
  const refList = refs(v.item, v.by);
  if (v.kind === 'redundant') {
    return { refs: refList, direction: rule.direction, id: `redundant:${rule.id}`, code: 'RULE_REDUNDANT', severity: 'low', args: { ruleId: rule.id, ruleName: rule.name, by: ids(v.by) } };
  }
  const severity: Severity = v.conflicting ? 'medium' : 'low';
  return { refs: refList, direction: rule.direction, id: `shadowed:${rule.id}`, code: 'RULE_SHADOWED', severity, args: { ruleId: rule.id, ruleName: rule.name, by: ids(v.by), conflicting: v.conflicting } };
}

/** ALLOW_OVERRIDDEN / RULE_REDUNDANT for a Windows verdict. */
export function windowsFinding(v: WindowsVerdict): Finding {
  const rule = v.item.rule;
  const refList = refs(v.item, v.by);
  const args = { ruleId: rule.id, ruleName: rule.name, by: ids(v.by) };
  return v.kind === 'overridden'
    ? { refs: refList, direction: rule.direction, args, id: `overridden:${rule.id}`, code: 'ALLOW_OVERRIDDEN', severity: 'medium' }
    : { refs: refList, direction: rule.direction, args, id: `redundant:${rule.id}`, code: 'RULE_REDUNDANT', severity: 'low' };
}

/** What a finding about one rule and one requirement's ports is: its id prefix and severity, by code. */
const RULE_GAP = {
  BLOCK_CUTS_REQUIREMENT: { prefix: 'block-cuts', severity: 'high' },
  DISABLED_RULE_WOULD_CLOSE_GAP: { prefix: 'disabled-would-close', severity: 'medium' },
} as const;

/** BLOCK_CUTS_REQUIREMENT / DISABLED_RULE_WOULD_CLOSE_GAP: `rule` about the `ports` of requirement `req`. */
export function ruleGapFinding(code: keyof typeof RULE_GAP, rule: Rule, req: Requirement, ports: PortSet): Finding {
  const { prefix, severity } = RULE_GAP[code];
  return {
    id: `${prefix}:${rule.id}~${req.id}`,
    code,
    severity,
    args: { ruleId: rule.id, ruleName: rule.name, requirementId: req.id, component: req.component },
    refs: [rule.source],
    direction: req.direction,
    protocol: req.protocol,
    ports,
    requirementId: req.id,
  };
}

/** The kept pairs, plus ANOMALY_PAIRS_CAPPED per kind when pairs were left out. */
export function pairFindings(sink: PairSink): Finding[] {
  const out: Finding[] = [];
  for (const [a, b] of sink.kept.correlated) {
    out.push({
      id: `correlated:${a.rule.id}~${b.rule.id}`,
      code: 'RULES_CORRELATED',
      severity: 'info',
      args: { ruleId: a.rule.id, ruleName: a.rule.name, other: b.rule.id, otherName: b.rule.name },
      refs: refs(a, [b]),
      direction: a.rule.direction,
    });
  }
  for (const [later, earlier] of byLater(sink.kept.generalization)) {
    out.push({
      id: `generalization:${later.rule.id}`,
      code: 'RULE_GENERALIZATION',
      severity: 'info',
      args: { ruleId: later.rule.id, ruleName: later.rule.name, generalizes: ids(earlier) },
      refs: refs(later, earlier),
      direction: later.rule.direction,
    });
  }
  for (const kind of ['correlated', 'generalization'] as const) {
    const c = sink.counts(kind);
    if (c.total > c.shown) out.push({ id: `pairs-capped:${kind}`, code: 'ANOMALY_PAIRS_CAPPED', severity: 'info', args: { kind, ...c }, refs: [] });
  }
  return out;
}

/** Generalization pairs grouped by the later rule, in order. */
function byLater(pairs: readonly (readonly [Item, Item])[]): Map<Item, Item[]> {
  const out = new Map<Item, Item[]>();
  for (const [earlier, later] of pairs) {
    const list = out.get(later);
    if (list === undefined) out.set(later, [earlier]);
    else list.push(earlier);
  }
  return out;
}
