/**
 * @fileoverview IP protocol numbers and protocol sets (0–255), with the shared name table.
 */
import { IntervalSet, NUMBER_OPS, type Domain } from './interval-set.js';

export type ProtocolSet = IntervalSet<number>;

export const PROTOCOL_DOMAIN: Domain<number> = { min: 0, max: 255, ...NUMBER_OPS };
export const ANY_PROTOCOL: ProtocolSet = IntervalSet.full(PROTOCOL_DOMAIN);
export const NO_PROTOCOL: ProtocolSet = IntervalSet.empty(PROTOCOL_DOMAIN);

export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;
export const ICMPV6 = 58;

/** Transport protocols a requirement can name. */
export type TransportProtocol = 'tcp' | 'udp';

export const TRANSPORT_NUMBER: Readonly<Record<TransportProtocol, number>> = { tcp: TCP, udp: UDP };

const NAMES: Readonly<Record<string, number>> = {
  hopopt: 0,
  icmp: 1,
  icmpv4: 1,
  igmp: 2,
  ggp: 3,
  ipip: 4,
  ipencap: 4,
  tcp: 6,
  egp: 8,
  pup: 12,
  udp: 17,
  hmp: 20,
  'xns-idp': 22,
  rdp: 27,
  ipv6: 41,
  'ipv6-route': 43,
  'ipv6-frag': 44,
  idrp: 45,
  rsvp: 46,
  gre: 47,
  esp: 50,
  ah: 51,
  'ipv6-icmp': 58,
  icmpv6: 58,
  icmp6: 58,
  'ipv6-nonxt': 59,
  'ipv6-opts': 60,
  eigrp: 88,
  ospf: 89,
  ospfigp: 89,
  pim: 103,
  vrrp: 112,
  l2tp: 115,
  sctp: 132,
  mh: 135,
  'ipv6-mh': 135,
  udplite: 136,
  mpls: 137,
};

/** A protocol set of exactly the given numbers. */
export function protocols(...nums: number[]): ProtocolSet {
  return IntervalSet.of(PROTOCOL_DOMAIN, nums.map((n) => [n, n] as const));
}

/**
 * Resolves a protocol name or number (`tcp`, `TCP`, `6`, `ICMPv4`, `any`, `all`) to a set.
 * Returns undefined for an unknown name or a number outside 0–255.
 */
export function parseProtocol(text: string): ProtocolSet | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'any' || t === 'all' || t === '*') return ANY_PROTOCOL;
  if (/^\d{1,3}$/.test(t)) {
    const n = Number(t);
    if (n > 255) return undefined;
    // Protocol 0 means "any" in iptables (-p 0) and in Windows (0 = HOPOPT is never used as a filter).
    return n === 0 ? ANY_PROTOCOL : protocols(n);
  }
  const n = NAMES[t];
  return n === undefined ? undefined : protocols(n);
}

/** Protocol number → its first name in NAMES (display names). */
const NAME_OF = new Map<number, string>();
for (const [name, num] of Object.entries(NAMES)) if (!NAME_OF.has(num)) NAME_OF.set(num, name);

/** Name of a protocol number for display (`tcp`, `udp`, `47`). */
export function protocolName(n: number): string {
  return NAME_OF.get(n) ?? String(n);
}

/** Prints a protocol set (`any`, `tcp`, `tcp,udp`, `!tcp`). */
export function formatProtocols(set: ProtocolSet): string {
  if (set.isFull()) return 'any';
  if (set.isEmpty()) return 'none';
  const inverse = set.complement();
  if (inverse.count === 1 && inverse.first() === inverse.last()) return `!${protocolName(inverse.first() as number)}`;
  const out: string[] = [];
  for (const [lo, hi] of set.intervals()) {
    if (hi - lo > 8) out.push(`${lo}-${hi}`);
    else for (let n = lo; n <= hi; n++) out.push(protocolName(n));
  }
  return out.join(',');
}

/** Whether port fields are meaningful for this protocol number. */
export function hasPorts(n: number): boolean {
  return n === TCP || n === UDP || n === 132 || n === 33 || n === 136;
}
