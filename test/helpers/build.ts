/**
 * @fileoverview Test builders for rules, rule sets and requirements, so engine tests need no parser.
 */
import { AddressSet } from '../../src/model/address-set.js';
import { parseAddressList } from '../../src/model/ip.js';
import { ALL_PORTS, NO_PORTS, parsePortList } from '../../src/model/port-set.js';
import { ANY_PROTOCOL, parseProtocol } from '../../src/model/protocol.js';
import { ANY_ADDRESS_MATCH, FIREWALL_PROFILES, type AddressMatch, type Chain, type ConnState, type Condition, type Direction, type PortKeyword, type ProfileSettings, type Rule, type RuleSet, type FirewallProfile } from '../../src/model/rule.js';
import type { Requirement, RequirementSet } from '../../src/requirements/types.js';

export interface RuleSpec {
  line: number;
  dir?: Direction;
  action?: Rule['action'];
  proto?: string;
  local?: string;
  remotePort?: string;
  keywords?: PortKeyword[];
  remote?: string;
  remoteSymbols?: string[];
  negateRemote?: boolean;
  localAddr?: string;
  profiles?: FirewallProfile[];
  enabled?: boolean;
  conditions?: string[];
  chain?: string;
  target?: string;
  neverNew?: boolean;
  states?: ConnState[];
  iface?: { name: string; negated: boolean };
  loopbackOnly?: boolean;
  store?: 'local' | 'gpo';
  name?: string;
  id?: string;
}

function addr(text: string | undefined, symbols: string[] = [], negated = false): AddressMatch {
  if (text === undefined && symbols.length === 0 && !negated) return ANY_ADDRESS_MATCH;
  const r = text === undefined ? { ok: true as const, set: AddressSet.NONE } : parseAddressList(text);
  if (!r.ok) throw new Error(r.error);
  return { set: r.set, symbols, negated };
}

function portsOf(text: string | undefined) {
  if (text === undefined) return ALL_PORTS;
  const r = parsePortList(text);
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

/** A rule; `local` is the service port for inbound rules, `remotePort` for outbound ones. */
export function rule(s: RuleSpec): Rule {
  const dir = s.dir ?? 'in';
  const svc = { set: s.keywords !== undefined && s.local === undefined ? NO_PORTS : portsOf(s.local), keywords: s.keywords ?? [] };
  const remotePorts = { set: portsOf(s.remotePort), keywords: [] };
  const conditions: Condition[] = (s.conditions ?? []).map((text) => ({ kind: 'other', text }));
  if (s.iface !== undefined) conditions.push({ kind: 'interface', text: `-i ${s.iface.name}`, interface: s.iface });
  return {
    id: s.id ?? `f:${s.line}`,
    name: s.name ?? `rule ${s.line}`,
    source: { file: 'f', line: s.line },
    enabled: s.enabled ?? true,
    direction: dir,
    action: s.action ?? 'allow',
    ...(s.target === undefined ? {} : { target: s.target }),
    protocols: s.proto === undefined ? ANY_PROTOCOL : (parseProtocol(s.proto) ?? ANY_PROTOCOL),
    localPorts: dir === 'in' ? svc : remotePorts,
    remotePorts: dir === 'in' ? remotePorts : svc,
    localAddresses: addr(s.localAddr),
    remoteAddresses: addr(s.remote, s.remoteSymbols, s.negateRemote),
    profiles: s.profiles ?? FIREWALL_PROFILES,
    conditions,
    ...(s.neverNew === undefined ? {} : { neverNew: s.neverNew }),
    ...(s.loopbackOnly === undefined ? {} : { loopbackOnly: s.loopbackOnly }),
    ...(s.states === undefined ? {} : { connStates: s.states }),
    ...(s.chain === undefined ? {} : { chain: s.chain }),
    ...(s.store === undefined ? {} : { store: s.store }),
    raw: `rule ${s.line}`,
  };
}

export function windowsSet(rules: Rule[], profiles?: Partial<Record<FirewallProfile, ProfileSettings>>): RuleSet {
  return {
    semantics: 'windows',
    rules,
    families: ['ipv4', 'ipv6'],
    directions: ['in', 'out'],
    ...(profiles === undefined ? {} : { profiles }),
    diagnostics: [],
    accounting: { total: rules.length, parsed: rules.length, ignored: {}, unsupported: 0 },
  };
}

/** A first-match set; `chains` maps `table/NAME` to [policy or undefined, rules in order]. */
export function chainSet(chains: Record<string, [('accept' | 'drop') | undefined, Rule[]]>): RuleSet {
  const list: Chain[] = [];
  const rules: Rule[] = [];
  for (const [key, [policy, rs]] of Object.entries(chains)) {
    const [table, name] = key.split('/') as [string, string];
    const builtin = policy !== undefined;
    list.push({ key, table, name, builtin, ...(policy === undefined ? {} : { policy }), source: { file: 'f', line: 1 }, ruleIds: rs.map((r) => r.id) });
    rules.push(...rs.map((r) => ({ ...r, chain: key })));
  }
  return { semantics: 'first-match', rules, families: ['ipv4'], directions: ['in', 'out'], chains: list, diagnostics: [], accounting: { total: 0, parsed: 0, ignored: {}, unsupported: 0 } };
}

export function req(id: string, dir: Direction, protocol: 'tcp' | 'udp', portText: string, remote = 'any'): Requirement {
  const r = remote === 'any' ? { ok: true as const, set: AddressSet.ANY } : parseAddressList(remote);
  if (!r.ok) throw new Error(r.error);
  return { id, category: 'Test', component: id, direction: dir, protocol, ports: portsOf(portText), remote: r.set, remoteText: remote };
}

export function reqSet(reqs: Requirement[]): RequirementSet {
  return { profile: 'test', version: 'test', features: [], requirements: reqs };
}
