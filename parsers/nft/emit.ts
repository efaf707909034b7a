/**
 * @fileoverview Direction-neutral facts + verdict → one model Rule for one direction, as the iptables parser
 * builds them: inbound the local side is the destination and the remote side the source, outbound the reverse;
 * `iif lo` inbound (`oif lo` outbound) is loopback-only; an output interface on an inbound rule never matches.
 * A rule that can only see one address family in a ruleset that speaks for both has its remote side limited.
 */
import { AddressSet } from '../../src/model/address-set.js';
import { concreteAddressMatch, portMatch } from '../shared/narrow.js';
import {
  FIREWALL_PROFILES,
  type AddressMatch,
  type Condition,
  type ConnState,
  type Direction,
  type Rule,
} from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import { V4, V6, type InterfaceFact, type RuleFacts, type SideFacts } from './facts.js';
import type { VerdictInfo } from './verdicts.js';

/** Where the rule sits and what it is called. */
export interface EmitContext {
  readonly id: string;
  readonly name: string;
  readonly source: SourceRef;
  readonly raw: string;
  readonly chainKey: string;
  /** V4/V6 bits of the whole rule set. */
  readonly rulesetFamilies: number;
}

const STATE_ORDER: readonly ConnState[] = ['invalid', 'established', 'related', 'new', 'untracked'];

/** Builds the Rule of one direction. */
export function emitRule(f: RuleFacts, v: VerdictInfo, dir: Direction, ctx: EmitContext): Rule {
  const local = dir === 'in' ? f.dst : f.src;
  const remote = dir === 'in' ? f.src : f.dst;
  const conditions: Condition[] = [...f.conditions, ...v.conditions];
  let neverNew = f.neverNew;
  let loopbackOnly = false;
  for (const i of dir === 'in' ? f.inIfaces : f.outIfaces) {
    const effect = ownInterface(i);
    if (effect === 'loopback') loopbackOnly = true;
    else if (effect !== undefined) conditions.push(effect);
  }
  // Input/prerouting packets have no output interface, output/postrouting ones no input interface.
  for (const i of dir === 'in' ? f.outIfaces : f.inIfaces) if (!i.negated) neverNew = true;
  const localAddresses = addressMatch(local, conditions);
  const remoteAddresses = limitFamily(addressMatch(remote, conditions), f.families, ctx.rulesetFamilies);
  const states = f.states === undefined || f.states.size === STATE_ORDER.length ? undefined : STATE_ORDER.filter((s) => f.states?.has(s));
  return {
    id: ctx.id,
    name: ctx.name,
    source: ctx.source,
    enabled: true,
    direction: dir,
    action: v.action,
    ...(v.target === undefined ? {} : { target: v.target }),
    protocols: f.protocols,
    localPorts: portMatch(local.ports),
    remotePorts: portMatch(remote.ports),
    localAddresses,
    remoteAddresses,
    profiles: FIREWALL_PROFILES,
    conditions,
    ...(loopbackOnly ? { loopbackOnly: true } : {}),
    ...(neverNew ? { neverNew: true } : {}),
    ...(states === undefined ? {} : { connStates: states }),
    chain: ctx.chainKey,
    raw: ctx.raw,
  };
}

function isLoopback(name: string): boolean {
  return name === 'lo' || name === 'lo*';
}

function ownInterface(i: InterfaceFact): 'loopback' | Condition | undefined {
  if (i.names.every(isLoopback)) return i.negated ? undefined : 'loopback';
  if (i.names.length === 1 && i.names[0] === '*' && !i.negated) return undefined;
  const only = i.names.length === 1 ? (i.names[0] as string) : undefined;
  if (only === undefined) return { kind: 'interface', text: i.text };
  // The model spells wildcards the iptables way (`eth+`).
  const name = only.endsWith('*') ? `${only.slice(0, -1)}+` : only;
  return { kind: 'interface', text: i.text, interface: { name, negated: i.negated } };
}

/**
 * One side's addresses. A lone named set without (complete) elements becomes the symbol `nftset:NAME` plus the
 * elements listed; combined with other constraints it becomes a Condition and the concrete part stays.
 */
function addressMatch(side: SideFacts, conditions: Condition[]): AddressMatch {
  const concrete = side.pos !== undefined || side.neg !== undefined;
  const only = side.symbols.length === 1 && !concrete ? side.symbols[0] : undefined;
  if (only !== undefined) return { set: only.known, symbols: [`nftset:${only.name}`], negated: only.negated };
  for (const s of side.symbols) conditions.push({ kind: 'match', text: s.text });
  return concreteAddressMatch(side);
}

/** Limits the remote side to the families the rule can see, when narrower than the rule set's. */
function limitFamily(m: AddressMatch, ruleBits: number, setBits: number): AddressMatch {
  const bits = ruleBits & setBits;
  if (bits === setBits) return m;
  const allowed = bits === (V4 | V6) ? AddressSet.ANY : bits === V4 ? AddressSet.ANY_V4 : bits === V6 ? AddressSet.ANY_V6 : AddressSet.NONE;
  if (bits === 0) return { set: AddressSet.NONE, symbols: [], negated: false };
  if (m.negated) return { ...m, set: m.set.union(AddressSet.ANY.subtract(allowed)) };
  return { ...m, set: m.set.intersect(allowed) };
}
