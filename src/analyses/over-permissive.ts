/**
 * @fileoverview Over-permissive analysis: per allow rule, the traffic it really opens (see opened.ts) minus what
 * the requirement set needs in the same direction and protocol. A rule that opens more becomes a
 * RULE_OVER_PERMISSIVE finding with its traits, the excess, the required ports a narrower rule would keep, the
 * catalog services it exposes and a severity from the severity model (src/findings/severity-model.ts).
 * Inbound traffic that the defaults alone accept (Windows default inbound allow, an iptables INPUT ACCEPT policy
 * that is reached) is reported the same way, with `ruleId` `default-inbound-<profile|family>`; a Windows profile
 * whose firewall is OFF is FIREWALL_OFF's finding, not this one. Rules matching only port-less protocols (ICMP,
 * GRE) are not judged; a rule matching every protocol is (`any-protocol`).
 */
import { entryScope } from './over-permissive/entry.js';
import { portCover, servicePorts, type MatchSettings } from '../engine/rule-match.js';
import type { PolicyUnit } from '../engine/units.js';
import type { Finding } from '../findings/finding.js';
import { classifyScope, scoreExposure, type AddressScope } from '../findings/severity-model.js';
import { formatProtocols } from '../model/protocol.js';
import { isAnyAddress, type Direction, type FirewallProfile, type Rule } from '../model/rule.js';
import { compareRefs, type SourceRef } from '../model/source-ref.js';
import type { RequirementSet } from '../requirements/types.js';
import { exposureOf, unionPorts, type OpeningFacts } from './over-permissive/exposure.js';
import { openingOf, type DefaultOpening, type OpenedPorts } from './over-permissive/opened.js';
import { formatByProtocol, RequiredPorts } from './over-permissive/required.js';

export interface OverPermissiveOptions {
  readonly fwProfile: FirewallProfile;
  readonly settings: MatchSettings;
}

/** The `ruleId` of the finding about what a unit's defaults accept inbound. */
export function defaultOpeningId(unit: PolicyUnit, fwProfile: FirewallProfile): string {
  return unit.ruleSet.semantics === 'windows' ? `default-inbound-${fwProfile}` : `default-inbound-${unit.ruleSet.families.join('+')}`;
}

/** One finding per rule (or inbound default) that opens more than the requirements need, in source order. */
export function overPermissiveFindings(units: readonly PolicyUnit[], requirements: RequirementSet, opts: OverPermissiveOptions): Finding[] {
  const required = new RequiredPorts(requirements.requirements);
  const out: Finding[] = [];
  for (const unit of units) {
    for (const direction of unit.ruleSet.directions) {
      const opening = openingOf(unit, direction, opts);
      for (const { rule, opened, upperBound } of opening.rules.values()) {
        const f = ruleFinding(unit, rule, opened, required, opts.settings, upperBound === true);
        if (f !== undefined) out.push(f);
      }
      if (opening.byDefault !== undefined) {
        const f = defaultFinding(unit, opening.byDefault, required, defaultOpeningId(unit, opts.fwProfile));
        if (f !== undefined) out.push(f);
      }
    }
  }
  return out.sort((a, b) => compareRefs(a.refs[0] ?? { file: '' }, b.refs[0] ?? { file: '' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function ruleFinding(unit: PolicyUnit, rule: Rule, opened: OpenedPorts, required: RequiredPorts, settings: MatchSettings, upperBound: boolean): Finding | undefined {
  const entry = entryScope(unit, rule, settings);
  // What a narrower rule keeps: the required ports in its range; when a jump narrowed how the rule is reached, only
  // the required ports among those it really opens (a block rule cutting the range is remediation's business).
  const keep = entry.anyProtocol && entry.anyPort ? required.keep(rule, settings) : reachedKeep(opened, required, rule);
  const facts: OpeningFacts = {
    opened,
    required: (p) => required.get(rule.direction, p),
    anyProtocol: rule.protocols.isFull() && entry.anyProtocol,
    anyPort: portCover(servicePorts(rule), settings).isFull() && entry.anyPort,
    anyRemote: isAnyAddress(rule.remoteAddresses, unit.ruleSet.families),
    keep,
  };
  const scope = classifyScope(rule.remoteAddresses, unit.ruleSet.families);
  return build(facts, { id: rule.id, name: rule.name, ref: rule.source, direction: rule.direction, protocol: formatProtocols(rule.protocols), scope, conditional: rule.conditions.length > 0, upperBound });
}

function reachedKeep(opened: OpenedPorts, required: RequiredPorts, rule: Rule): OpenedPorts {
  const keep: OpenedPorts = new Map();
  for (const [p, set] of opened) {
    const kept = set.intersect(required.get(rule.direction, p));
    if (!kept.isEmpty()) keep.set(p, kept);
  }
  return keep;
}

function defaultFinding(unit: PolicyUnit, d: DefaultOpening, required: RequiredPorts, ruleId: string): Finding | undefined {
  const keep: OpenedPorts = new Map();
  for (const [p, set] of d.opened) {
    const kept = set.intersect(required.get('in', p));
    if (!kept.isEmpty()) keep.set(p, kept);
  }
  const facts: OpeningFacts = {
    opened: d.opened,
    required: (p) => required.get('in', p),
    anyProtocol: true,
    anyPort: [...d.opened.values()].some((s) => s.isFull()),
    anyRemote: true,
    keep,
  };
  const name = d.citations.map((c) => c.name).join('; ');
  const ref = d.citations[0]?.ref ?? { file: unit.file };
  return build(facts, { id: ruleId, name, ref, direction: 'in', protocol: 'any', scope: 'any', conditional: false }, d.citations.map((c) => c.ref));
}

interface Subject {
  readonly id: string;
  readonly name: string;
  readonly ref: SourceRef;
  readonly direction: Direction;
  readonly protocol: string;
  readonly scope: AddressScope;
  readonly conditional: boolean;
  readonly upperBound?: boolean;
}

function build(facts: OpeningFacts, s: Subject, refs: readonly SourceRef[] = [s.ref]): Finding | undefined {
  const e = exposureOf(facts);
  if (e === undefined) return undefined;
  const { severity } = scoreExposure({
    direction: s.direction,
    excessPorts: e.excessCount,
    anyProtocol: facts.anyProtocol,
    anyPort: facts.anyPort,
    scope: s.scope,
    risk: e.risk,
    conditional: s.conditional,
  });
  const excessText = formatByProtocol(e.excess);
  const excess = facts.anyProtocol ? [excessText, 'every other IP protocol'].filter((t) => t !== '').join('; ') : excessText;
  // Written out; spread only in the rare upper-bound case (one finding per over-permissive rule).
  const args = { ruleId: s.id, ruleName: s.name, traits: e.traits, excess, keep: formatByProtocol(facts.keep) };
  return {
    id: `over-permissive:${s.id}`,
    code: 'RULE_OVER_PERMISSIVE',
    severity,
    args: s.upperBound === true ? { ...args, upperBound: true } : args,
    refs,
    direction: s.direction,
    protocol: s.protocol,
    ports: unionPorts(e.excess),
    exposes: e.exposes,
  };
}
