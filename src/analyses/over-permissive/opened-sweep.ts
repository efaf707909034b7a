/**
 * @fileoverview The reference computation of what each allow rule really opens, by sweeping every port segment
 * through the engine (evaluate.ts) for the unit and for a baseline without allow rules. Exact for every rule set but
 * slow on large ones (segments × rules covering them); opened.ts uses it where the fast paths do not apply.
 *
 * What each allow rule really opens in one policy unit and direction: the TCP/UDP ports where the
 * rule takes part in allowing new connections that the unit's defaults alone (every allow rule removed) would not
 * allow. So a rule shadowed by an earlier DROP, cut by a Windows block rule, outside the audited profile, in an
 * unreachable chain, ESTABLISHED-only or loopback-only opens nothing, and where the default of the direction
 * accepts (Windows outbound allow, iptables OUTPUT ACCEPT without a final DROP) allow rules add nothing.
 * Inbound ports the defaults alone accept (Windows default inbound allow, an INPUT ACCEPT policy that is reached)
 * are reported as opened by the default itself.
 */
import type { AddressSet } from '../../model/address-set.js';
import { ALL_PORTS, NO_PORTS, ports, type PortSet } from '../../model/port-set.js';
import type { Direction, Rule } from '../../model/rule.js';
import { formatRef } from '../../model/source-ref.js';
import { evaluateFlow, flowSegments, type EvalContext, type SegmentResult } from '../../engine/evaluate.js';
import { buildUnits, type PolicyUnit } from '../../engine/units.js';
import type { Citation } from '../../findings/result.js';
import { PORT_PROTOCOLS, type DefaultOpening, type OpenedPorts, type RuleOpening, type UnitOpening } from './opened-types.js';

/**
 * Limits the sweep of the whole unit to the ports where its allow rules can add anything, judged from the
 * baseline's segments (the unit without allow rules); every other port is known to add nothing.
 */
export type SweepLimit = (base: readonly SegmentResult[]) => PortSet;

/** Computes what every allow rule (and, inbound, the default) opens in one direction of a unit. */
export function openingBySweep(unit: PolicyUnit, direction: Direction, ctx: EvalContext, limit?: SweepLimit): UnitOpening {
  const baseline = baselineUnit(unit, ctx);
  const rules = new Map<string, RuleOpening>();
  const dflt = { opened: new Map<number, PortSet>() as OpenedPorts, citations: new Map<string, Citation>() };
  for (const protocol of PORT_PROTOCOLS) {
    const flow = { direction, protocol, ports: ALL_PORTS };
    const base = evaluateFlow(baseline, flow, ctx);
    for (const seg of evaluateFlow(unit, limit === undefined ? flow : { ...flow, ports: limit(base) }, ctx)) {
      const baseLow = baseAt(base, seg.lo)?.decision.low;
      for (const c of seg.decision.allowedBy) {
        if (c.citation.kind !== 'rule' || c.citation.ruleId === undefined) continue;
        if (added(c.addresses, seg.decision.high, baseLow).isEmpty()) continue;
        const rule = ruleById(unit, c.citation.ruleId);
        if (rule === undefined) continue;
        let entry = rules.get(rule.id);
        if (entry === undefined) rules.set(rule.id, (entry = { rule, opened: new Map() }));
        addPorts(entry.opened, protocol, seg.lo, seg.hi);
      }
    }
    if (direction === 'in') for (const seg of base) recordDefault(dflt, seg, protocol);
  }
  const ordered = new Map([...rules].sort(([a], [b]) => (unit.index.position.get(a) ?? 0) - (unit.index.position.get(b) ?? 0)));
  return { rules: ordered, byDefault: finishDefault(unit, dflt) };
}

/** Inbound: only what the defaults alone accept (sweeps the baseline alone: cheap when few rules are not allow rules). */
export function defaultBySweep(unit: PolicyUnit, ctx: EvalContext): DefaultOpening | undefined {
  const baseline = baselineUnit(unit, ctx);
  const dflt = { opened: new Map<number, PortSet>() as OpenedPorts, citations: new Map<string, Citation>() };
  for (const protocol of PORT_PROTOCOLS) {
    for (const seg of flowSegments(baseline, { direction: 'in', protocol, ports: ALL_PORTS }, ctx)) recordDefault(dflt, seg, protocol);
  }
  return finishDefault(unit, dflt);
}

function finishDefault(unit: PolicyUnit, dflt: { opened: OpenedPorts; citations: Map<string, Citation> }): DefaultOpening | undefined {
  return dflt.opened.size === 0 ? undefined : { opened: dflt.opened, citations: preferFilter(unit, [...dflt.citations.values()]) };
}

/** The unit with every allow and bypass rule removed: what its defaults (and block rules) alone decide. */
function baselineUnit(unit: PolicyUnit, ctx: EvalContext): PolicyUnit {
  const rs = unit.ruleSet;
  const rules = rs.rules.filter((r) => r.action !== 'allow' && r.action !== 'bypass');
  const built = buildUnits([{ file: unit.file, ruleSet: { ...rs, rules } }], ctx.settings);
  // One input of one semantics always forms exactly one unit.
  return built.ok && built.units[0] !== undefined ? built.units[0] : unit;
}

function added(addresses: AddressSet, high: AddressSet, baseLow: AddressSet | undefined): AddressSet {
  const open = addresses.intersect(high);
  return baseLow === undefined ? open : open.subtract(baseLow);
}

/** The baseline segment holding `port` (baseline segments are cut at a subset of the unit's boundaries). */
function baseAt(base: readonly SegmentResult[], port: number): SegmentResult | undefined {
  let lo = 0;
  let hi = base.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = base[mid] as SegmentResult;
    if (port < s.lo) hi = mid - 1;
    else if (port > s.hi) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function ruleById(unit: PolicyUnit, id: string): Rule | undefined {
  const p = unit.index.position.get(id);
  return p === undefined ? undefined : unit.index.rule(p);
}

function addPorts(into: OpenedPorts, protocol: number, lo: number, hi: number): void {
  into.set(protocol, (into.get(protocol) ?? NO_PORTS).union(ports([lo, hi])));
}

/** Records a baseline segment the defaults certainly accept (a firewall that is OFF is FIREWALL_OFF's finding). */
function recordDefault(into: { opened: OpenedPorts; citations: Map<string, Citation> }, seg: SegmentResult, protocol: number): void {
  const d = seg.decision;
  if (d.low.isEmpty() || d.allowedBy.some((c) => c.citation.kind === 'firewall-off')) return;
  const policies = d.allowedBy.filter((c) => c.citation.kind === 'default-policy' && c.addresses.overlaps(d.low));
  if (policies.length === 0) return;
  addPorts(into.opened, protocol, seg.lo, seg.hi);
  for (const c of policies) into.citations.set(`${formatRef(c.citation.ref)}|${c.citation.name}`, c.citation);
}

/** First-match: the filter-table policies when any accept (raw and mangle chains accept by design). */
function preferFilter(unit: PolicyUnit, citations: readonly Citation[]): Citation[] {
  const filterRefs = new Set((unit.ruleSet.chains ?? []).filter((c) => c.table === 'filter' && c.source !== undefined).map((c) => formatRef(c.source ?? { file: '' })));
  const filtered = citations.filter((c) => filterRefs.has(formatRef(c.ref)));
  return filtered.length > 0 ? filtered : [...citations];
}
