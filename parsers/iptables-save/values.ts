/**
 * @fileoverview Cached readers for the values inside iptables options: ports (numbers, `P:Q`, service names),
 * port lists, addresses (prefix, dotted mask, lists, ranges) and protocols.
 */
import type { AddressSet, Family } from '../../src/model/address-set.js';
import { parseAddressList, parseAddressToken } from '../../src/model/ip.js';
import { NO_PORTS, parsePortToken, ports, type PortSet } from '../../src/model/port-set.js';
import { parseProtocol, type ProtocolSet } from '../../src/model/protocol.js';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** /etc/services names that appear in hand-written rules; save output always uses numbers. */
const SERVICES: Readonly<Record<string, number>> = {
  'ftp-data': 20, ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, bootps: 67, bootpc: 68, tftp: 69, http: 80,
  www: 80, kerberos: 88, pop3: 110, sunrpc: 111, auth: 113, ntp: 123, epmap: 135, 'loc-srv': 135, 'netbios-ns': 137,
  'netbios-dgm': 138, 'netbios-ssn': 139, imap: 143, imap2: 143, snmp: 161, 'snmp-trap': 162, ldap: 389, https: 443,
  'microsoft-ds': 445, kpasswd: 464, isakmp: 500, syslog: 514, submissions: 465, smtps: 465, submission: 587,
  ldaps: 636, rsync: 873, imaps: 993, pop3s: 995, openvpn: 1194, 'ms-sql-s': 1433, 'ms-sql-m': 1434, nfs: 2049,
  mysql: 3306, 'ms-wbt-server': 3389, 'ipsec-nat-t': 4500, sip: 5060, postgresql: 5432, 'http-alt': 8080,
  webcache: 8080,
};

const portCache = new Map<string, Read<PortSet>>();
const portListCache = new Map<string, Read<PortSet>>();
const addressCache: Readonly<Record<Family, Map<string, Read<AddressSet>>>> = { ipv4: new Map(), ipv6: new Map() };
const rangeCache: Readonly<Record<Family, Map<string, Read<AddressSet>>>> = { ipv4: new Map(), ipv6: new Map() };
const protocolCache = new Map<string, ProtocolSet | undefined>();
const CACHE_LIMIT = 50_000;

/** Reads one port or range in iptables syntax: `22`, `ssh`, `1024:`, `:1023`, `80:88`. */
export function readPort(token: string): Read<PortSet> {
  const hit = portCache.get(token);
  if (hit !== undefined) return hit;
  return remember(portCache, token, computePort(token));
}

function computePort(token: string): Read<PortSet> {
  const plain = plainPortRange(token);
  return plain === undefined ? generalPort(token) : { ok: true, value: plain };
}

/** Any port token: services, open ranges, errors. Exported so a test can hold plainPortRange against it. */
export function generalPort(token: string): Read<PortSet> {
  const idx = token.indexOf(':');
  const lo = resolveService(idx < 0 ? token : token.slice(0, idx));
  const hi = idx < 0 ? '' : resolveService(token.slice(idx + 1));
  if (lo === undefined || hi === undefined) return { ok: false, error: `unknown service "${token}"` };
  const r = parsePortToken(idx < 0 ? lo : `${lo}:${hi}`, ':');
  return r.ok ? { ok: true, value: r.set } : { ok: false, error: r.error };
}

/** Reads a multiport list `22,80:88,https`. */
export function readPortList(text: string): Read<PortSet> {
  const hit = portListCache.get(text);
  if (hit !== undefined) return hit;
  return remember(portListCache, text, computePortList(text));
}

function computePortList(text: string): Read<PortSet> {
  let set = NO_PORTS;
  for (const part of text.split(',')) {
    const r = readPort(part);
    if (!r.ok) return r;
    set = set.union(r.value);
  }
  return { ok: true, value: set };
}

/**
 * `P` or `P:Q` in decimal (what iptables-save prints), read by hand: the same set the general path below builds for
 * such text; undefined for anything else (service names, open ranges, bad values), which takes that path.
 */
export function plainPortRange(token: string): PortSet | undefined {
  const colon = token.indexOf(':');
  const lo = decimalPort(token, 0, colon < 0 ? token.length : colon);
  if (lo === undefined) return undefined;
  if (colon < 0) return ports(lo);
  const hi = decimalPort(token, colon + 1, token.length);
  return hi === undefined || lo > hi ? undefined : ports([lo, hi]);
}

/** The port written as 1–5 decimal digits in text[from, to), if it is at most 65535. */
function decimalPort(text: string, from: number, to: number): number | undefined {
  if (to <= from || to - from > 5) return undefined;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n <= 65535 ? n : undefined;
}

function resolveService(name: string): string | undefined {
  if (name === '' || /^\d+$/.test(name)) return name;
  const n = SERVICES[name.toLowerCase()];
  return n === undefined ? undefined : String(n);
}

/** Reads `-s`/`-d` values: addresses, prefixes, dotted masks and comma lists, limited to `family`. */
export function readAddresses(text: string, family: Family): Read<AddressSet> {
  const cache = addressCache[family];
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const r = parseAddressList(text);
  return remember(cache, text, r.ok ? checkFamily(r.set, text, family) : { ok: false, error: r.error });
}

/** Reads an iprange `A-B`. */
export function readRange(text: string, family: Family): Read<AddressSet> {
  const cache = rangeCache[family];
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  return remember(cache, text, computeRange(text, family));
}

function computeRange(text: string, family: Family): Read<AddressSet> {
  if (!text.includes('-')) return { ok: false, error: `invalid address range "${text}"` };
  const r = parseAddressToken(text);
  if (!r.ok) return { ok: false, error: r.error };
  return checkFamily(r.set, text, family);
}

function checkFamily(set: AddressSet, text: string, family: Family): Read<AddressSet> {
  const wrong = family === 'ipv4' ? !set.v6.isEmpty() : !set.v4.isEmpty();
  if (wrong) return { ok: false, error: `address "${text}" is not ${family === 'ipv4' ? 'IPv4' : 'IPv6'}` };
  return { ok: true, value: set };
}

/** Reads a protocol name or number; undefined when unknown. */
export function readProtocol(text: string): ProtocolSet | undefined {
  if (protocolCache.has(text)) return protocolCache.get(text);
  const p = parseProtocol(text);
  if (protocolCache.size > CACHE_LIMIT) protocolCache.clear();
  protocolCache.set(text, p);
  return p;
}

/** Stores a computed value (no closure per lookup: these run several times per rule). */
function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
