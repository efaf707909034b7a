/**
 * @fileoverview Does a rule match a flow probe, and for which remote addresses? Answers with two bounds:
 * `low` (remote addresses the rule certainly matches) and `high` (addresses it may match).
 * Anything the export cannot decide (program, interface, symbolic address, opaque match) widens the gap
 * between the bounds instead of being guessed.
 */
import { AddressSet } from '../model/address-set.js';
import { ALL_PORTS, ports, type PortSet } from '../model/port-set.js';
import type { Direction, FirewallProfile, PortKeyword, PortMatch, Rule } from '../model/rule.js';

/** Settings that resolve symbolic ports. */
export interface MatchSettings {
  /** Dynamic RPC range (Windows default 49152–65535). */
  readonly rpcRange: PortSet;
  /**
   * `--iface NAME=CIDR`: the remote networks behind each interface. When given, the list is taken as complete,
   * so `-i eth+` resolves to the union of the mapped interfaces named `eth…`.
   */
  readonly interfaces?: ReadonlyMap<string, AddressSet>;
}

/** 127.0.0.0/8 and ::1. */
const LOOPBACK = AddressSet.v4Range(0x7f000000, 0x7fffffff).union(AddressSet.v6Range(1n, 1n));

export const DEFAULT_MATCH_SETTINGS: MatchSettings = { rpcRange: ports([49152, 65535]) };

/** A flow class: new connections of one protocol, one direction, to service ports in a segment. */
export interface Probe {
  readonly direction: Direction;
  readonly protocol: number;
  /** First port of the segment; every port of the segment behaves alike for the candidate rules. */
  readonly port: number;
  /** Remote addresses under consideration (the export's families). */
  readonly universe: AddressSet;
  /** Windows: the firewall profile audited. */
  readonly fwProfile?: FirewallProfile;
}

export interface MatchBounds {
  readonly low: AddressSet;
  readonly high: AddressSet;
  /** Why the bounds differ (empty when the match is certain). */
  readonly reasons: readonly string[];
}

/** The ports a rule may match on the side that names the service (local inbound, remote outbound). */
export function servicePorts(rule: Rule): PortMatch {
  return rule.direction === 'in' ? rule.localPorts : rule.remotePorts;
}

/** The concrete ports plus the upper-bound ranges of its keywords. */
export function portCover(m: PortMatch, settings: MatchSettings): PortSet {
  let set = m.set;
  for (const k of m.keywords) set = set.union(keywordRange(k, settings));
  return set;
}

function keywordRange(k: PortKeyword, settings: MatchSettings): PortSet {
  switch (k) {
    case 'RPC':
      return settings.rpcRange;
    case 'RPC-EPMap':
      return ports(135);
    case 'IPHTTPS':
      return ports(443);
    case 'Teredo':
      return ports(3544);
    case 'mDNS':
      return ports(5353);
    default:
      return ALL_PORTS;
  }
}

/** Whether a rule can take part in deciding a probe at all (enabled, direction, profile, protocol, state). */
export function ruleApplies(rule: Rule, probe: Probe): boolean {
  if (!rule.enabled || rule.direction !== probe.direction) return false;
  if (rule.neverNew === true || rule.loopbackOnly === true) return false;
  if (probe.fwProfile !== undefined && !rule.profiles.includes(probe.fwProfile)) return false;
  return rule.protocols.has(probe.protocol);
}

/**
 * The bounds of `rule` for `probe`, or undefined when the rule certainly does not match.
 * Assumes `ruleApplies` and that the segment's port lies in the rule's port cover.
 */
export function matchBounds(rule: Rule, probe: Probe, settings: MatchSettings): MatchBounds | undefined {
  const svc = servicePorts(rule);
  const inSet = svc.set.has(probe.port);
  if (!inSet && !portCover({ set: svc.set, keywords: svc.keywords }, settings).has(probe.port)) return undefined;
  // The bounds depend only on the rule, whether the port is concrete or keyword-only, the universe and the settings:
  // memoized, since a sweep asks again for every segment the rule covers.
  let memo = boundsMemo.get(rule);
  if (memo === undefined || memo.universe !== probe.universe || memo.settings !== settings) {
    memo = { universe: probe.universe, settings, byInSet: [undefined, undefined] };
    boundsMemo.set(rule, memo);
  }
  const slot = inSet ? 1 : 0;
  const cached = memo.byInSet[slot];
  if (cached !== undefined) return cached === null ? undefined : cached;
  const fresh = computeBounds(rule, inSet, probe, settings);
  memo.byInSet[slot] = fresh ?? null;
  return fresh;
}

interface BoundsMemo {
  readonly universe: AddressSet;
  readonly settings: MatchSettings;
  readonly byInSet: [MatchBounds | null | undefined, MatchBounds | null | undefined];
}

const boundsMemo = new WeakMap<Rule, BoundsMemo>();

function computeBounds(rule: Rule, inSet: boolean, probe: Probe, settings: MatchSettings): MatchBounds | undefined {
  const svc = servicePorts(rule);
  const reasons: string[] = [];
  if (!inSet) reasons.push(`port keyword ${svc.keywords.join(',')}`);
  const other = rule.direction === 'in' ? rule.remotePorts : rule.localPorts;
  if (!other.set.isFull() || other.keywords.length > 0) {
    reasons.push(`${rule.direction === 'in' ? 'remote' : 'local'} port restricted`);
  }
  const local = rule.localAddresses;
  const onlyLoopback = local.symbols.length === 0 && !local.set.isEmpty() && LOOPBACK.contains(local.set);
  // Traffic from other hosts is never addressed to 127.0.0.0/8 or ::1: a rule about those local addresses alone
  // cannot match it, and its negation matches all of it.
  if (onlyLoopback && !local.negated) return undefined;
  if (!onlyLoopback && (local.negated || local.symbols.length > 0 || !local.set.contains(probe.universe))) {
    reasons.push('local address restricted');
  }
  let scope = probe.universe;
  for (const c of rule.conditions) {
    const via = c.interface === undefined ? undefined : interfaceScope(c.interface, settings, probe.universe);
    if (via === undefined) reasons.push(c.text);
    else scope = scope.intersect(via);
  }
  const bounds = remoteBounds(rule, probe.universe);
  const low = bounds.low.intersect(scope);
  const high = bounds.high.intersect(scope);
  const symbolic = bounds.symbolic;
  if (high.isEmpty()) return undefined;
  // A symbolic remote address keeps its concrete part certain; any other doubt makes the whole match uncertain.
  const certainLow = reasons.length === 0 ? low : AddressSet.NONE;
  if (symbolic !== undefined) reasons.push(symbolic);
  return { low: certainLow, high, reasons };
}

/** Remote addresses that arrive on (or leave by) an interface, when `--iface` maps it; undefined when unknown. */
function interfaceScope(i: { name: string; negated: boolean }, settings: MatchSettings, universe: AddressSet): AddressSet | undefined {
  if (settings.interfaces === undefined) return undefined;
  const prefix = i.name.endsWith('+') ? i.name.slice(0, -1) : undefined;
  let set = AddressSet.NONE;
  let known = false;
  for (const [name, addrs] of settings.interfaces) {
    if (prefix === undefined ? name !== i.name : !name.startsWith(prefix)) continue;
    set = set.union(addrs);
    known = true;
  }
  if (!known && prefix === undefined) return undefined;
  return i.negated ? universe.subtract(set) : set.intersect(universe);
}

function remoteBounds(rule: Rule, universe: AddressSet): { low: AddressSet; high: AddressSet; symbolic?: string } {
  const m = rule.remoteAddresses;
  const concrete = m.set.intersect(universe);
  const symbolic = m.symbols.length > 0 ? `remote address ${m.symbols.join(',')}` : undefined;
  if (!m.negated) {
    const high = symbolic === undefined ? concrete : universe;
    return symbolic === undefined ? { low: concrete, high } : { low: concrete, high, symbolic };
  }
  const high = universe.subtract(concrete);
  return symbolic === undefined ? { low: high, high } : { low: AddressSet.NONE, high, symbolic };
}
