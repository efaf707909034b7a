/**
 * @fileoverview Direction-neutral facts + target → one model Rule for one direction. In 'in' the local side is
 * the destination and the remote side the source; in 'out' the reverse. Interfaces and addrtype depend on it.
 */
import { AddressSet } from '../../src/model/address-set.js';
import { concreteAddressMatch, portMatch } from '../shared/narrow.js';
import {
  FIREWALL_PROFILES,
  type AddressMatch,
  type Condition,
  type Direction,
  type Rule,
} from '../../src/model/rule.js';
import { ALL_STATES, type AddrTypeFact, type InterfaceFact, type RuleFacts, type SideFacts } from './facts.js';
import { stateNames } from './match-state.js';
import type { TargetInfo } from './targets.js';

/** Where the rule sits and what it is called. */
export interface EmitContext {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly raw: string;
  readonly chainKey: string;
  readonly name: string;
}

/** Builds the Rule of one direction. */
export function emitRule(f: RuleFacts, t: TargetInfo, dir: Direction, ctx: EmitContext): Rule {
  const local = dir === 'in' ? f.dst : f.src;
  const remote = dir === 'in' ? f.src : f.dst;
  // Conditions this direction adds; the rule's own list is shared by its directions when they add none.
  const extra: Condition[] = [];
  let neverNew = f.neverNew;
  let loopbackOnly = false;
  const own = dir === 'in' ? f.inIface : f.outIface;
  const cross = dir === 'in' ? f.outIface : f.inIface;
  if (own !== undefined) {
    const effect = ownInterface(own, dir);
    if (effect === 'loopback') loopbackOnly = true;
    else if (effect !== undefined) extra.push(effect);
  }
  // INPUT/PREROUTING packets have no output interface, OUTPUT/POSTROUTING ones no input interface:
  // a positive `-o` (resp. `-i`) there never matches, so the rule cannot open a connection in this direction.
  if (cross !== undefined && !cross.negated) neverNew = true;
  for (const a of f.addrTypes) if (!addrTypeAlwaysMatches(a, dir)) extra.push({ kind: 'match', text: a.text });
  const localAddresses = addressMatch(local, extra);
  const remoteAddresses = addressMatch(remote, extra);
  const base = t.conditions.length === 0 ? f.conditions : [...f.conditions, ...t.conditions];
  const conditions = extra.length === 0 ? base : [...base, ...extra];
  // Optional members are added in place (no object spreads): this runs once per rule and direction.
  const rule: Mutable<Rule> = {
    id: ctx.id,
    name: ctx.name,
    source: { file: ctx.file, line: ctx.line },
    enabled: true,
    direction: dir,
    action: t.action,
    protocols: f.protocols,
    localPorts: portMatch(local.ports),
    remotePorts: portMatch(remote.ports),
    localAddresses,
    remoteAddresses,
    profiles: FIREWALL_PROFILES,
    conditions,
    chain: ctx.chainKey,
    raw: ctx.raw,
  };
  if (t.target !== undefined) rule.target = t.target;
  if (loopbackOnly) rule.loopbackOnly = true;
  if (neverNew) rule.neverNew = true;
  if (f.stateMask !== ALL_STATES) rule.connStates = stateNames(f.stateMask);
  return rule;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function ownInterface(i: InterfaceFact, dir: Direction): 'loopback' | Condition | undefined {
  const loopback = i.name === 'lo' || i.name === 'lo+';
  if (loopback) return i.negated ? undefined : 'loopback';
  if (i.name === '+' && !i.negated) return undefined;
  const flag = dir === 'in' ? '-i' : '-o';
  return { kind: 'interface', text: `${i.negated ? '! ' : ''}${flag} ${i.name}`, interface: { name: i.name, negated: i.negated } };
}

/** `--dst-type LOCAL` inbound (and `--src-type LOCAL` outbound) holds for every packet the audit considers. */
function addrTypeAlwaysMatches(a: AddrTypeFact, dir: Direction): boolean {
  if (dir === 'in') return a.srcTypes === undefined && !a.dstNegated && (a.dstTypes?.includes('LOCAL') ?? false);
  return a.dstTypes === undefined && !a.srcNegated && (a.srcTypes?.includes('LOCAL') ?? false);
}

/**
 * One side's addresses. A lone ipset becomes the symbol `ipset:NAME`; an ipset combined with other address
 * constraints cannot be expressed (symbols are a union), so it becomes a Condition and the concrete part stays.
 */
function addressMatch(side: SideFacts, conditions: Condition[]): AddressMatch {
  const concrete = side.pos !== undefined || side.neg !== undefined;
  const only = side.ipsets.length === 1 && !concrete ? side.ipsets[0] : undefined;
  if (only !== undefined) return { set: AddressSet.NONE, symbols: [`ipset:${only.name}`], negated: only.negated };
  for (const s of side.ipsets) conditions.push({ kind: 'match', text: s.text });
  return concreteAddressMatch(side);
}
