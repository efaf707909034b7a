/**
 * @fileoverview Gap analysis: for every requirement, whether the export allows it (allowed / partial /
 * blocked / conditional / unknown), the missing port sub-ranges and the rules or policies responsible.
 */
import { AddressSet } from '../model/address-set.js';
import { NO_PORTS, ports, type PortSet } from '../model/port-set.js';
import { TRANSPORT_NUMBER } from '../model/protocol.js';
import { compareRefs, formatRef } from '../model/source-ref.js';
import type { Family } from '../model/address-set.js';
import type { Contribution, SegmentDecision } from '../engine/decision.js';
import { flowSegments, type EvalContext } from '../engine/evaluate.js';
import type { PolicyUnit } from '../engine/units.js';
import type { Citation, RequirementResult, RequirementStatus } from '../findings/result.js';
import type { Requirement } from '../requirements/types.js';

interface Tally {
  missing: PortSet;
  allowedFrom: AddressSet;
  anyPossible: boolean;
  certain: boolean;
  allowedBy: Contribution[];
  blockedBy: Contribution[];
  conditionalBy: Contribution[];
}

/** Evaluates one requirement against the host's policy units. */
export function evaluateRequirement(req: Requirement, units: readonly PolicyUnit[], ctx: EvalContext): RequirementResult {
  if (req.ports === undefined) return unknown(req, req.unresolved ?? 'the required ports are not known');
  const covering = units.filter((u) => u.ruleSet.directions.includes(req.direction));
  if (covering.length === 0) {
    const dir = req.direction === 'in' ? 'inbound' : 'outbound';
    return unknown(req, `the export does not show how ${dir} traffic is filtered (no ${dir} rules or chain); export both directions to audit ${dir} requirements`);
  }
  const scoped = covering.filter((u) => req.remote.overlaps(u.universe));
  if (scoped.length === 0) return unknown(req, `the export does not cover the address family of the required remote scope ${req.remoteText}`);
  const flow = { direction: req.direction, protocol: TRANSPORT_NUMBER[req.protocol], ports: req.ports };
  const tallies = new Map<Family, Tally>();
  for (const unit of scoped) {
    const perFamily = unit.ruleSet.families
      .map((family) => ({ family, required: req.remote.intersect(unit.universe).only([family]) }))
      .filter((x) => !x.required.isEmpty());
    for (const { lo, hi, decision } of flowSegments(unit, flow, ctx)) {
      for (const { family, required } of perFamily) {
        let t = tallies.get(family);
        if (t === undefined) tallies.set(family, (t = newTally()));
        record(t, lo, hi, decision, required);
      }
    }
  }
  const t = mergeTallies([...tallies.values()]);
  const status = statusOf(t);
  return {
    requirement: req,
    status,
    missing: t.missing,
    allowedBy: citations(preferCertain(t.allowedBy)),
    blockedBy: status === 'allowed' ? [] : citations(preferCertain(t.blockedBy)),
    conditionalBy: status === 'conditional' ? citations(t.conditionalBy) : [],
    ...(status === 'partial' ? { allowedFrom: t.allowedFrom } : {}),
    ...(tallies.size > 1 ? { families: [...tallies].sort(([a], [b]) => (a < b ? -1 : 1)).map(([family, ft]) => ({ family, status: statusOf(ft), missing: ft.missing })) } : {}),
  };
}

function newTally(): Tally {
  return { missing: NO_PORTS, allowedFrom: AddressSet.NONE, anyPossible: false, certain: true, allowedBy: [], blockedBy: [], conditionalBy: [] };
}

/** Adds one segment's decision for the required remote addresses of one family. */
function record(t: Tally, lo: number, hi: number, decision: SegmentDecision, required: AddressSet): void {
  const low = decision.low.intersect(required);
  const high = decision.high.intersect(required);
  if (!low.equals(required)) t.missing = t.missing.union(ports([lo, hi]));
  if (!high.isEmpty()) t.anyPossible = true;
  if (!low.equals(high)) t.certain = false;
  t.allowedFrom = t.allowedFrom.union(low);
  collect(t.allowedBy, decision.allowedBy, required);
  collect(t.blockedBy, decision.blockedBy, required);
  collect(t.conditionalBy, decision.conditionalBy, required);
}

/** The requirement's overall tally: missing where any family misses, certain where all are. */
function mergeTallies(list: readonly Tally[]): Tally {
  const t = newTally();
  for (const x of list) {
    t.missing = t.missing.union(x.missing);
    t.allowedFrom = t.allowedFrom.union(x.allowedFrom);
    t.anyPossible ||= x.anyPossible;
    t.certain &&= x.certain;
    t.allowedBy.push(...x.allowedBy);
    t.blockedBy.push(...x.blockedBy);
    t.conditionalBy.push(...x.conditionalBy);
  }
  return t;
}

function statusOf(t: Tally): RequirementStatus {
  if (t.missing.isEmpty()) return 'allowed';
  if (!t.anyPossible) return 'blocked';
  return t.certain ? 'partial' : 'conditional';
}

function collect(into: Contribution[], from: readonly Contribution[], required: AddressSet): void {
  for (const c of from) if (c.addresses.overlaps(required)) into.push(c);
}

/** The certain contributions when there are any (uncertain ones then only add noise), else all. */
function preferCertain(list: readonly Contribution[]): readonly Contribution[] {
  const certain = list.filter((c) => c.reasons === undefined || c.reasons.length === 0);
  return certain.length > 0 ? certain : list;
}

/** De-duplicated citations in source order, each with the union of its contributions' reasons. */
function citations(list: readonly Contribution[]): Citation[] {
  // A requirement collects one contribution per rule per port segment (hundreds of thousands on a large set): the
  // key of a source reference is computed once per reference object, reasons are merged only where there are any.
  // Rule citations are shared objects (citeRule), so most contributions are grouped by identity first.
  const byObject = new Map<Citation, Entry>();
  for (const c of list) {
    let entry = byObject.get(c.citation);
    if (entry === undefined) byObject.set(c.citation, (entry = { citation: c.citation, reasons: undefined }));
    if (c.reasons !== undefined && c.reasons.length > 0) addReasons(entry, c.reasons);
  }
  const byRef = new Map<string, Entry>();
  for (const e of byObject.values()) {
    const key = citationKey(e.citation);
    const entry = byRef.get(key);
    if (entry === undefined) byRef.set(key, e);
    else if (e.reasons !== undefined) addReasons(entry, e.reasons);
  }
  return [...byRef.values()]
    .map((e) => (e.reasons === undefined ? e.citation : { ...e.citation, reasons: [...e.reasons] }))
    .sort((a, b) => compareRefs(a.ref, b.ref) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Keys of shared (rule) citations, made once: every evaluation that cites a rule groups by it again. */
const citationKeys = new WeakMap<Citation, string>();

/** What makes two citations the same: the place cited and the rule id (or the policy's name). */
function citationKey(c: Citation): string {
  let key = citationKeys.get(c);
  if (key === undefined) citationKeys.set(c, (key = `${formatRef(c.ref)}|${c.ruleId ?? c.name}`));
  return key;
}

interface Entry {
  readonly citation: Citation;
  reasons: Set<string> | undefined;
}

function addReasons(entry: Entry, reasons: Iterable<string>): void {
  entry.reasons ??= new Set();
  for (const r of reasons) entry.reasons.add(r);
}

function unknown(req: Requirement, reason: string): RequirementResult {
  return { requirement: req, status: 'unknown', missing: req.ports ?? NO_PORTS, allowedBy: [], blockedBy: [], conditionalBy: [], reason };
}
