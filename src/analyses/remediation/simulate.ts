/**
 * @fileoverview What-if edits of a rule set (add, replace, insert into a chain, change a profile) and the
 * re-evaluation of one requirement on the edited set. Remediation proposes a change only after this shows
 * that the change makes the requirement allowed.
 */
import type { AddressSet } from '../../model/address-set.js';
import type { PortSet } from '../../model/port-set.js';
import { protocols, TRANSPORT_NUMBER } from '../../model/protocol.js';
import { ANY_ADDRESS_MATCH, ANY_PORT_MATCH, FIREWALL_PROFILES, type Chain, type Direction, type FirewallProfile, type ProfileSettings, type Rule, type RuleSet } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import { noteRuleEdit, type PositionLookup } from '../../engine/rule-index.js';
import { singleUnit, type PolicyUnit } from '../../engine/units.js';
import type { RequirementResult } from '../../findings/result.js';
import type { Requirement } from '../../requirements/types.js';
import { evaluateRequirement } from '../gaps.js';

/** The policy unit of one edited rule set; `base`: the unit it was edited from (its port index is reused when the edit only appends rules). */
export function unitOf(ruleSet: RuleSet, file: string, ctx: EvalContext, base?: PolicyUnit): PolicyUnit {
  return singleUnit(ruleSet, file, ctx.settings, base);
}

/** Evaluates one requirement against one (edited) rule set. */
export function evaluateIn(ruleSet: RuleSet, file: string, req: Requirement, ctx: EvalContext, base?: PolicyUnit): RequirementResult {
  return evaluateRequirement(req, [unitOf(ruleSet, file, ctx, base)], ctx);
}

/** The rule set with one more rule (Windows: order does not matter; chains: see insertInChain). */
export function withRule(rs: RuleSet, rule: Rule): RuleSet {
  return { ...rs, rules: edited(rs.rules, [...rs.rules, rule], []) };
}

/** Notes how `to` was made from `from` (see noteRuleEdit) and returns it. */
function edited(from: readonly Rule[], to: Rule[], changed: readonly number[]): Rule[] {
  noteRuleEdit(from, to, changed);
  return to;
}

/**
 * The rule set with the rules of the same ids replaced. `position`: where each id sits in `rs` (a port index of the
 * set it was edited from), so only the replaced slots are visited; ids it misplaces fall back to a scan.
 */
export function replaceRules(rs: RuleSet, byId: ReadonlyMap<string, Rule>, position?: PositionLookup): RuleSet {
  if (byId.size === 0) return rs;
  if (position !== undefined) {
    const rules = rs.rules.slice();
    const changed: number[] = [];
    for (const [id, rule] of byId) {
      const p = position.get(id);
      if (p === undefined || rules[p]?.id !== id) break;
      rules[p] = rule;
      changed.push(p);
    }
    if (changed.length === byId.size) return { ...rs, rules: edited(rs.rules, rules, changed) };
  }
  return { ...rs, rules: rs.rules.map((r) => byId.get(r.id) ?? r) };
}

/** The rule set with one profile's settings replaced. */
export function withProfile(rs: RuleSet, profile: FirewallProfile, settings: ProfileSettings): RuleSet {
  return { ...rs, profiles: { ...rs.profiles, [profile]: settings } };
}

const nameCountCache = new WeakMap<readonly Rule[], Record<Direction, Map<string, number>>>();

/** How many other rules of the set (which holds `rule`) share its name and direction (`netsh … name=` touches them too). */
export function sameNameCount(rs: RuleSet, rule: Rule): number {
  let counts = nameCountCache.get(rs.rules);
  if (counts === undefined) {
    // One map per direction, keyed by the name as it is (no key string made per rule).
    counts = { in: new Map(), out: new Map() };
    for (const r of rs.rules) {
      const byName = counts[r.direction];
      byName.set(r.name, (byName.get(r.name) ?? 0) + 1);
    }
    nameCountCache.set(rs.rules, counts);
  }
  return Math.max(0, (counts[rule.direction].get(rule.name) ?? 0) - 1);
}

const lineKeyCache = new WeakMap<readonly Rule[], Map<string, string>>();

/** Rule id → its source line key, computed once per rule list (the simulation asks for every candidate position). */
function lineKeys(rs: RuleSet): Map<string, string> {
  let m = lineKeyCache.get(rs.rules);
  if (m === undefined) {
    m = new Map(rs.rules.map((r) => [r.id, lineKeyOf(r)]));
    lineKeyCache.set(rs.rules, m);
  }
  return m;
}

/** A chain's rule positions (iptables lines), computed once per chain object (chains are never edited in place). */
export interface ChainLines {
  /** Indexes into `chain.ruleIds` where each rule position starts. */
  readonly starts: readonly number[];
  /** Rule id → index in `chain.ruleIds`. */
  readonly index: ReadonlyMap<string, number>;
  /** Source line key → how many of the chain's rules come from it (a line can stand for an in and an out rule). */
  readonly perLine: ReadonlyMap<string, number>;
}

const chainLinesCache = new WeakMap<Chain, ChainLines>();

/** The chain's positions; the line of a rule id never changes between edited copies of a rule set. */
export function chainLines(chain: Chain, rs: RuleSet): ChainLines {
  let cached = chainLinesCache.get(chain);
  if (cached !== undefined) return cached;
  const lines = lineKeys(rs);
  const starts: number[] = [];
  const index = new Map<string, number>();
  const perLine = new Map<string, number>();
  let prev: string | undefined;
  chain.ruleIds.forEach((id, i) => {
    const line = lines.get(id) ?? id;
    if (line !== prev) starts.push(i);
    prev = line;
    index.set(id, i);
    perLine.set(line, (perLine.get(line) ?? 0) + 1);
  });
  cached = { starts, index, perLine };
  chainLinesCache.set(chain, cached);
  return cached;
}

/** The source line key of a rule (as chainLines counts it). */
export function lineKeyOf(rule: Rule): string {
  return `${rule.source.file}:${rule.source.line ?? rule.id}`;
}

/** Indexes into `chain.ruleIds` where each rule position (one iptables line) starts. */
export function lineStarts(chain: Chain, rs: RuleSet): readonly number[] {
  return chainLines(chain, rs).starts;
}

/** The rule set with `rule` inserted into `chainKey` at 1-based position `k` (positions count iptables lines). */
export function insertInChain(rs: RuleSet, chainKey: string, k: number, rule: Rule): RuleSet {
  const chains = (rs.chains ?? []).map((c) => {
    if (c.key !== chainKey) return c;
    const starts = lineStarts(c, rs);
    const at = starts[k - 1] ?? c.ruleIds.length;
    return { ...c, ruleIds: [...c.ruleIds.slice(0, at), rule.id, ...c.ruleIds.slice(at)] };
  });
  return { ...rs, rules: edited(rs.rules, [...rs.rules, { ...rule, chain: chainKey }], []), chains };
}

/** What a proposed allow rule is made of. */
export interface AllowSpec {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly req: Requirement;
  readonly ports: PortSet;
  readonly remote: AddressSet;
  readonly profiles?: readonly FirewallProfile[];
}

/** A model rule for a proposed allow: the requirement's direction and protocol, new connections only. */
export function allowRule(s: AllowSpec): Rule {
  const svc = { set: s.ports, keywords: [] };
  const inbound = s.req.direction === 'in';
  return {
    id: s.id,
    name: s.name,
    source: { file: s.file, vendorId: s.id },
    enabled: true,
    direction: s.req.direction,
    action: 'allow',
    target: 'ACCEPT',
    protocols: protocols(TRANSPORT_NUMBER[s.req.protocol]),
    localPorts: inbound ? svc : ANY_PORT_MATCH,
    remotePorts: inbound ? ANY_PORT_MATCH : svc,
    localAddresses: ANY_ADDRESS_MATCH,
    remoteAddresses: s.remote.isAny() ? ANY_ADDRESS_MATCH : { set: s.remote, symbols: [], negated: false },
    profiles: s.profiles ?? FIREWALL_PROFILES,
    conditions: [],
    connStates: ['new'],
    raw: '',
  };
}

/** The rule with its service ports (local inbound, remote outbound) replaced. */
export function withServicePorts(rule: Rule, set: PortSet): Rule {
  const m = { set, keywords: [] };
  return rule.direction === 'in' ? { ...rule, localPorts: m } : { ...rule, remotePorts: m };
}

/** Required remote addresses inside the unit's families. */
export function requiredRemote(req: Requirement, unit: PolicyUnit): AddressSet {
  return req.remote.intersect(unit.universe);
}
