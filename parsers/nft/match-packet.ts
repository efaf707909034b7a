/**
 * @fileoverview Packet-header matches: transport ports (`tcp|udp|sctp|dccp|udplite|th dport|sport`, also
 * `< 1024`), IPv4/IPv6 addresses, protocols (`ip protocol`, `ip6 nexthdr`, `meta l4proto`), address families
 * (`meta nfproto`, `meta protocol`) and ICMP types. Each match also narrows what it implies (`tcp dport` → TCP,
 * `ip saddr` → IPv4 packets), as nft's implicit dependencies do.
 */
import { AddressSet, type Family } from '../../src/model/address-set.js';
import { NO_PORTS, ports, type PortSet } from '../../src/model/port-set.js';
import { ICMP, ICMPV6, NO_PROTOCOL, protocols, TCP, UDP, type ProtocolSet } from '../../src/model/protocol.js';
import { V4, V6, restrictAddresses, restrictPorts, restrictProtocols, unreadable, type RuleFacts } from './facts.js';
import type { NftExpr, NftOp } from './ir.js';
import { renderMatch } from './render.js';
import { expand, itemText, readAddressItems, readPorts, readProtocols, readWords, type Expanded, type SetScope } from './values.js';

/** A match expression of the IR. */
export type MatchExpr = Extract<NftExpr, { kind: 'match' }>;

/** Protocols whose header has ports, by nft payload name. */
export const PORT_PROTOCOLS: Readonly<Record<string, ProtocolSet>> = {
  tcp: protocols(TCP),
  udp: protocols(UDP),
  udplite: protocols(136),
  sctp: protocols(132),
  dccp: protocols(33),
  th: protocols(TCP, UDP, 136, 132, 33),
};

/** The resolved value of a match, with undefined sets reported. */
export function resolve(m: MatchExpr, f: RuleFacts, scope: SetScope): Expanded {
  const e = expand(m.right, scope);
  for (const name of e.missing) f.problems.push({ severity: 'warning', code: 'NFT_UNDEFINED_SET', message: `set "@${name}" is not defined in this ruleset` });
  return e;
}

/** A match the audit cannot evaluate: kept as a Condition. */
export function opaque(m: MatchExpr, f: RuleFacts): void {
  f.conditions.push({ kind: 'match', text: renderMatch(m.left, m.op, m.right) });
}

/** `tcp dport 22`, `udp sport { 53, 123 }`, `th dport 1024-65535`, `tcp dport < 1024`, `tcp dport @ports`. */
export function portMatch(m: MatchExpr, f: RuleFacts, scope: SetScope, proto: ProtocolSet, side: 'src' | 'dst'): void {
  restrictProtocols(f, proto, false);
  const e = resolve(m, f, scope);
  if (e.symbols.length > 0) return opaque(m, f);
  const r = readPorts(e.items);
  const text = e.items.map(itemText).join(',');
  if (!r.ok) return unreadable(f, 'NFT_BAD_PORT', 'port', text, `${m.left.key} "${text}": ${r.error}`);
  const set = relational(m.op, r.value);
  if (set === undefined) return opaque(m, f);
  restrictPorts(f[side], set, m.op === 'ne');
}

/** `< 1024` and friends on a single port; the set itself for ==/!=/implicit; undefined otherwise. */
function relational(op: NftOp, set: PortSet): PortSet | undefined {
  if (op === 'eq' || op === 'ne' || op === 'in') return set;
  const p = set.first();
  if (p === undefined || set.last() !== p) return undefined;
  const below = p === 0 ? undefined : ports([0, p - 1]);
  const above = p === 65535 ? undefined : ports([p + 1, 65535]);
  if (op === 'lt') return below ?? NO_PORTS;
  if (op === 'le') return below === undefined ? set : below.union(set);
  if (op === 'gt') return above ?? NO_PORTS;
  return above === undefined ? set : above.union(set);
}

/** `ip saddr 10.0.0.0/8`, `ip6 daddr != ::1`, `ip saddr @blocklist`. */
export function addressMatch(m: MatchExpr, f: RuleFacts, scope: SetScope, family: Family, side: 'src' | 'dst'): void {
  f.families &= family === 'ipv4' ? V4 : V6;
  if (m.op !== 'eq' && m.op !== 'in' && m.op !== 'ne') return opaque(m, f);
  const e = resolve(m, f, scope);
  const r = readAddressItems(e.items, family, AddressSet.NONE);
  const text = e.items.map(itemText).join(',');
  if (!r.ok) return unreadable(f, 'NFT_BAD_ADDRESS', 'address', text, `${m.left.key} "${text}": ${r.error}`);
  const negated = m.op === 'ne';
  if (e.symbols.length === 0) return restrictAddresses(f[side], r.value, negated);
  const name = e.symbols.join('+');
  f[side].symbols.push({ name, negated, text: renderMatch(m.left, m.op, m.right), known: r.value });
}

/** `ip protocol tcp`, `ip6 nexthdr ipv6-icmp`, `meta l4proto { tcp, udp }`. */
export function protocolMatch(m: MatchExpr, f: RuleFacts, scope: SetScope, familyBits: number): void {
  f.families &= familyBits;
  const e = resolve(m, f, scope);
  if (e.symbols.length > 0 || (m.op !== 'eq' && m.op !== 'in' && m.op !== 'ne')) return opaque(m, f);
  const r = readProtocols(e.items, NO_PROTOCOL);
  const text = e.items.map(itemText).join(',');
  if (!r.ok) return unreadable(f, 'NFT_BAD_PROTOCOL', 'protocol', text, `${m.left.key} "${text}": ${r.error}`);
  restrictProtocols(f, r.value, m.op === 'ne');
}

const NFPROTO: Readonly<Record<string, number>> = { ipv4: V4, ipv6: V6, ip: V4, ip6: V6, '2': V4, '10': V6, '0x0800': V4, '0x86dd': V6 };

/** `meta nfproto ipv4`, `meta protocol ip6`: restricts the address family (other values match no IP packet). */
export function familyMatch(m: MatchExpr, f: RuleFacts, scope: SetScope): void {
  const words = readWords(resolve(m, f, scope).items);
  if (words === undefined || (m.op !== 'eq' && m.op !== 'in' && m.op !== 'ne')) return opaque(m, f);
  let bits = 0;
  for (const w of words) bits |= NFPROTO[w.toLowerCase()] ?? 0;
  f.families &= m.op === 'ne' ? (V4 | V6) & ~bits : bits;
}

/** `icmp type echo-request`, `icmpv6 type { … }`: ICMP only, and the type is a Condition. */
export function icmpMatch(m: MatchExpr, f: RuleFacts, v6: boolean): void {
  f.families &= v6 ? V6 : V4;
  restrictProtocols(f, protocols(v6 ? ICMPV6 : ICMP), false);
  f.conditions.push({ kind: 'other', text: renderMatch(m.left, m.op, m.right) });
}
