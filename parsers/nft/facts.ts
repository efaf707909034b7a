/**
 * @fileoverview Direction-neutral facts about one nft rule (source/destination, not local/remote), built while
 * interpreting its expressions; emit.ts maps them onto a model Rule per direction.
 */
import type { AddressSet } from '../../src/model/address-set.js';
import { ALL_PORTS, type PortSet } from '../../src/model/port-set.js';
import { ANY_PROTOCOL, type ProtocolSet } from '../../src/model/protocol.js';
import type { Condition, ConnState } from '../../src/model/rule.js';
import type { NftCode, Problem } from './sink.js';

/** Address-family bit: IPv4 packets. */
export const V4 = 1;
/** Address-family bit: IPv6 packets. */
export const V6 = 2;

/** Everything known about the source or the destination side. */
export interface SideFacts {
  /** Intersection of the positive address constraints (undefined: none). */
  pos: AddressSet | undefined;
  /** Union of the negated address constraints (undefined: none). */
  neg: AddressSet | undefined;
  /** Named sets whose contents are not (fully) known (`nftset:NAME`), with the elements the ruleset lists. */
  readonly symbols: { readonly name: string; readonly negated: boolean; readonly text: string; readonly known: AddressSet }[];
  ports: PortSet;
}

/** `iif`/`iifname`/`oif`/`oifname` as written. */
export interface InterfaceFact {
  readonly names: readonly string[];
  readonly negated: boolean;
  /** `iifname "eth0"`, `oif != "lo"`. */
  readonly text: string;
}

/** Direction-neutral facts of one rule. */
export interface RuleFacts {
  protocols: ProtocolSet;
  /** V4 | V6 bits still possible. */
  families: number;
  readonly src: SideFacts;
  readonly dst: SideFacts;
  readonly inIfaces: InterfaceFact[];
  readonly outIfaces: InterfaceFact[];
  /** True when the rule cannot match the packet that opens a connection. */
  neverNew: boolean;
  /** Conntrack states the rule admits; undefined without a state match. */
  states: Set<ConnState> | undefined;
  readonly conditions: Condition[];
  readonly problems: Problem[];
}

/** Empty facts for a table of the given family bits: matches everything. */
export function newFacts(families: number): RuleFacts {
  return {
    protocols: ANY_PROTOCOL,
    families,
    src: newSide(),
    dst: newSide(),
    inIfaces: [],
    outIfaces: [],
    neverNew: false,
    states: undefined,
    conditions: [],
    problems: [],
  };
}

function newSide(): SideFacts {
  return { pos: undefined, neg: undefined, symbols: [], ports: ALL_PORTS };
}

export { restrictAddresses, restrictPorts, restrictProtocols } from '../shared/narrow.js';

/**
 * Records an invalid value: an error diagnostic, and a Condition that keeps the rule uncertain while the field
 * stays at its widest set (never silently widened into a certain match).
 */
export function unreadable(f: RuleFacts, code: NftCode, field: string, value: string, detail: string): void {
  // An undefined `$variable` was already reported where it was expanded.
  if (!value.startsWith('$')) f.problems.push({ severity: 'error', code, message: detail });
  f.conditions.push({ kind: 'other', text: `unreadable ${field} "${value}"` });
}
