/**
 * @fileoverview IR values → model sets: ports (numbers, service names, `a-b` ranges), addresses (prefixes,
 * ranges, single addresses, limited to the selector's family) and protocols, with named sets (`@name`) resolved
 * from the ruleset's own set definitions. The token readers and the service table are the iptables parser's.
 */
import type { AddressSet, Family } from '../../src/model/address-set.js';
import { NO_PORTS, type PortSet } from '../../src/model/port-set.js';
import { protocols, type ProtocolSet } from '../../src/model/protocol.js';
import { readAddresses, readPort, readProtocol, type Read } from '../iptables-save/values.js';
import type { NftSet, NftValue } from './ir.js';

/** Where a rule's `@name` references resolve: the sets of its own table. */
export interface SetScope {
  readonly sets: ReadonlyMap<string, NftSet>;
  /** `inet filter`. */
  readonly table: string;
}

/** A value with its set references resolved. */
export interface Expanded {
  /** Atoms, ranges and unreadable parts (`other`). */
  readonly items: readonly NftValue[];
  /** Sets whose elements are unknown (or change at run time): they stay symbolic. */
  readonly symbols: readonly string[];
  /** References to sets the ruleset does not define. */
  readonly missing: readonly string[];
}

/** Service names firewalld and hand-written nft files use that the iptables table lacks. */
const EXTRA_SERVICES: Readonly<Record<string, number>> = {
  'dhcpv6-client': 546, 'dhcpv6-server': 547, mdns: 5353, llmnr: 5355, ipp: 631, 'kerberos-adm': 749, 'ms-sql-monitor': 1434,
};
/** Protocol names nft prints that the model's table lacks. */
const EXTRA_PROTOCOLS: Readonly<Record<string, number>> = { dccp: 33 };
const DYNAMIC_FLAGS = new Set(['dynamic', 'timeout']);

/** Flattens a value, replacing `@name` by the named set's elements where the ruleset lists them. */
export function expand(v: NftValue, scope: SetScope): Expanded {
  const items: NftValue[] = [];
  const symbols: string[] = [];
  const missing: string[] = [];
  const visit = (x: NftValue): void => {
    if (x.kind === 'set') return x.items.forEach(visit);
    if (x.kind !== 'ref') return void items.push(x);
    const set = scope.sets.get(`${scope.table}/${x.name}`);
    if (set === undefined) missing.push(x.name);
    if (set?.elements !== undefined) set.elements.forEach(visit);
    if (set === undefined || set.elements === undefined || set.flags.some((fl) => DYNAMIC_FLAGS.has(fl))) symbols.push(x.name);
  };
  visit(v);
  return { items, symbols, missing };
}

/** The text of an atom or range (for messages). */
export function itemText(v: NftValue): string {
  if (v.kind === 'atom' || v.kind === 'other') return v.text;
  if (v.kind === 'range') return `${v.lo}-${v.hi}`;
  return v.kind === 'ref' ? `@${v.name}` : '{…}';
}

/** Union of the ports of `items`; the first unreadable one fails. */
export function readPorts(items: readonly NftValue[]): Read<PortSet> {
  let set = NO_PORTS;
  for (const v of items) {
    const r = v.kind === 'atom' || v.kind === 'range' ? readPortText(itemText(v)) : ({ ok: false, error: `unreadable port "${itemText(v)}"` } as const);
    if (!r.ok) return r;
    set = set.union(r.value);
  }
  return { ok: true, value: set };
}

/** One port, service name or range `a-b` (service names may contain `-` themselves). */
function readPortText(text: string): Read<PortSet> {
  const extra = EXTRA_SERVICES[text.toLowerCase()];
  if (extra !== undefined) return readPort(String(extra));
  const numeric = /^(\d+)-(\d+)$/.exec(text);
  if (numeric !== null) return readPort(`${numeric[1]}:${numeric[2]}`);
  const whole = readPort(text);
  if (whole.ok || !text.includes('-')) return whole;
  for (let k = text.indexOf('-'); k > 0; k = text.indexOf('-', k + 1)) {
    const lo = text.slice(0, k);
    const hi = text.slice(k + 1);
    if (hi === '') break;
    const r = readPort(`${EXTRA_SERVICES[lo] ?? lo}:${EXTRA_SERVICES[hi] ?? hi}`);
    if (r.ok) return r;
  }
  return whole;
}

/** Union of the addresses of `items`, which must all be of `family`. */
export function readAddressItems(items: readonly NftValue[], family: Family, none: AddressSet): Read<AddressSet> {
  let set = none;
  for (const v of items) {
    const r = v.kind === 'atom' || v.kind === 'range' ? readAddresses(itemText(v), family) : ({ ok: false, error: `unreadable address "${itemText(v)}"` } as const);
    if (!r.ok) return r;
    set = set.union(r.value);
  }
  return { ok: true, value: set };
}

/** Union of the protocols of `items`. */
export function readProtocols(items: readonly NftValue[], none: ProtocolSet): Read<ProtocolSet> {
  let set = none;
  for (const v of items) {
    const text = itemText(v);
    const extra = EXTRA_PROTOCOLS[text.toLowerCase()];
    const p = v.kind !== 'atom' ? undefined : extra !== undefined ? protocols(extra) : readProtocol(text);
    if (p === undefined) return { ok: false, error: `unknown protocol "${text}"` };
    set = set.union(p);
  }
  return { ok: true, value: set };
}

/** Plain words of `items` (states, flags, interface names, ICMP types); undefined when a part is not a word. */
export function readWords(items: readonly NftValue[]): string[] | undefined {
  const out: string[] = [];
  for (const v of items) {
    if (v.kind !== 'atom') return undefined;
    out.push(v.text);
  }
  return out;
}
