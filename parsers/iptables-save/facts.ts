/**
 * @fileoverview Direction-neutral facts about one rule (source/destination, not local/remote), built while
 * interpreting its options; emit.ts maps them onto a model Rule per direction.
 */
import type { AddressSet, Family } from '../../src/model/address-set.js';
import { ALL_PORTS, type PortSet } from '../../src/model/port-set.js';
import { ANY_PROTOCOL, type ProtocolSet } from '../../src/model/protocol.js';
import type { Condition } from '../../src/model/rule.js';
import type { IptCode, Problem } from './diagnostics.js';

/** An ipset named by `-m set --match-set NAME src|dst`. */
export interface IpsetRef {
  readonly name: string;
  readonly negated: boolean;
  /** The option as written, for a Condition when the set cannot be a symbol. */
  readonly text: string;
}

/** Everything known about the source or the destination side. */
export interface SideFacts {
  /** Intersection of the positive address constraints (undefined: none). */
  pos: AddressSet | undefined;
  /** Union of the negated address constraints (undefined: none). */
  neg: AddressSet | undefined;
  ipsets: readonly IpsetRef[];
  ports: PortSet;
}

/** `-i` / `-o` as written. */
export interface InterfaceFact {
  readonly name: string;
  readonly negated: boolean;
}

/** One `-m addrtype` match. */
export interface AddrTypeFact {
  readonly srcTypes: readonly string[] | undefined;
  readonly srcNegated: boolean;
  readonly dstTypes: readonly string[] | undefined;
  readonly dstNegated: boolean;
  readonly text: string;
}

/**
 * Direction-neutral facts of one rule. A dump keeps one per rule until its rules are emitted, so the lists start as
 * one shared empty list and grow by `append` (exact size, no spare capacity).
 */
export interface RuleFacts {
  readonly family: Family;
  protocols: ProtocolSet;
  readonly src: SideFacts;
  readonly dst: SideFacts;
  inIface: InterfaceFact | undefined;
  outIface: InterfaceFact | undefined;
  addrTypes: readonly AddrTypeFact[];
  /** True when the rule cannot match the packet that opens a connection. */
  neverNew: boolean;
  /** Conntrack states admitted by the rule's state matches (bits of match-state.ts STATE_BITS; ALL_STATES = no match). */
  stateMask: number;
  conditions: readonly Condition[];
  comments: readonly string[];
  /** `icmp-type 8` texts; they become conditions only on ICMP rules. */
  icmpTypes: readonly string[];
  /** Invalid values found while interpreting (syntax problems stay in the RuleSpec). */
  problems: readonly Problem[];
}

/** INVALID | ESTABLISHED | RELATED | NEW | UNTRACKED: what a rule without a state match admits. */
export const ALL_STATES = 31;

const NONE: readonly never[] = Object.freeze([]);

/** The list with `item` added: a new exact-size list (lists hold a handful of items). */
export function append<T>(list: readonly T[], item: T): readonly T[] {
  return list.length === 0 ? [item] : [...list, item];
}

/** The shared frozen empty list, or an exact-size copy (a list grown by push keeps spare capacity). */
export function trimmed<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** Empty facts: matches everything. */
export function newFacts(family: Family, conditions: readonly Condition[]): RuleFacts {
  return {
    family,
    protocols: ANY_PROTOCOL,
    src: newSide(),
    dst: newSide(),
    inIface: undefined,
    outIface: undefined,
    addrTypes: NONE,
    neverNew: false,
    stateMask: ALL_STATES,
    conditions: trimmed(conditions),
    comments: NONE,
    icmpTypes: NONE,
    problems: NONE,
  };
}

function newSide(): SideFacts {
  return { pos: undefined, neg: undefined, ipsets: NONE, ports: ALL_PORTS };
}

export { restrictAddresses, restrictPorts, restrictProtocols } from '../shared/narrow.js';

/**
 * Records an invalid value: an error diagnostic, and a Condition that keeps the rule uncertain while the field
 * stays at its widest set (never silently widened into a certain match).
 */
export function unreadable(f: RuleFacts, code: IptCode, field: string, value: string, detail: string): void {
  f.problems = append(f.problems, { severity: 'error', code, message: detail });
  f.conditions = append(f.conditions, { kind: 'other', text: `unreadable ${field} "${value}"` });
}
