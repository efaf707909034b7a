/**
 * @fileoverview Narrowing a rule's match while its options are read (iptables and nftables share these): addresses,
 * ports and protocols, each positive (intersect) or negated (complement).
 */
import type { AddressSet } from '../../src/model/address-set.js';
import { ALL_PORTS, type PortSet } from '../../src/model/port-set.js';
import type { ProtocolSet } from '../../src/model/protocol.js';
import { ANY_ADDRESS_MATCH, ANY_PORT_MATCH, type AddressMatch, type PortMatch } from '../../src/model/rule.js';

/** One side's address constraints: positive ones intersect, negated ones unite into what is excluded. */
export interface AddressSide {
  pos: AddressSet | undefined;
  neg: AddressSet | undefined;
}

/** Narrows a side by an address constraint (`-s`, `--src-range`, `ip saddr`). */
export function restrictAddresses(side: AddressSide, set: AddressSet, negated: boolean): void {
  if (negated) side.neg = side.neg === undefined ? set : side.neg.union(set);
  else side.pos = side.pos === undefined ? set : side.pos.intersect(set);
}

/** Narrows a side's ports; a negated constraint matches the complement. */
export function restrictPorts(side: { ports: PortSet }, set: PortSet, negated: boolean): void {
  side.ports = side.ports.intersect(negated ? ALL_PORTS.subtract(set) : set);
}

/** Narrows the protocol set. */
export function restrictProtocols(f: { protocols: ProtocolSet }, set: ProtocolSet, negated: boolean): void {
  f.protocols = f.protocols.intersect(negated ? set.complement() : set);
}

/** The empty symbol / keyword list every match built here shares (the model's lists are read-only). */
const NONE: readonly never[] = Object.freeze([]);

/** The model's address match of a side's concrete constraints (positive minus negated; negated alone stays negated). */
export function concreteAddressMatch(side: AddressSide): AddressMatch {
  if (side.pos !== undefined && side.neg !== undefined) return { set: side.pos.subtract(side.neg), symbols: NONE, negated: false };
  if (side.pos !== undefined) return { set: side.pos, symbols: NONE, negated: false };
  if (side.neg !== undefined) return { set: side.neg, symbols: NONE, negated: true };
  return ANY_ADDRESS_MATCH;
}

/**
 * Port matches by port set: rules share the sets their parsers cache per value, so they share the match too.
 * Bounded like those caches (cleared when full).
 */
const portMatches = new Map<PortSet, PortMatch>();

/** The model's port match of a concrete port set ("any" when full). */
export function portMatch(set: PortSet): PortMatch {
  if (set.isFull()) return ANY_PORT_MATCH;
  let m = portMatches.get(set);
  if (m === undefined) {
    m = { set, keywords: NONE };
    if (portMatches.size >= 50_000) portMatches.clear();
    portMatches.set(set, m);
  }
  return m;
}
