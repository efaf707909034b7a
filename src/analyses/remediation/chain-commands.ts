/**
 * @fileoverview iptables / ip6tables and nft command text for first-match rule sets. Positions are 1-based rule
 * numbers of the exported chain (`iptables -I CHAIN n` inserts before rule n; `-A` appends).
 */
import type { AddressSet, Family } from '../../model/address-set.js';
import type { PortSet } from '../../model/port-set.js';
import type { Chain, Direction } from '../../model/rule.js';
import type { CommandDialect, RemediationCommand } from '../../findings/remediation.js';
import { cidrBlocks, coversFamilies } from './address-text.js';

/** Where a command goes. */
export interface ChainPlace {
  readonly chain: Chain;
  readonly family: Family;
}

/** What an ACCEPT matches. `remote` covering the whole family is left out of the command. */
export interface AcceptSpec {
  readonly direction: Direction;
  readonly protocol: 'tcp' | 'udp';
  readonly ports: PortSet;
  readonly remote: AddressSet;
}

/** `iptables` or `ip6tables`. */
export function iptablesBinary(family: Family): 'iptables' | 'ip6tables' {
  return family === 'ipv6' ? 'ip6tables' : 'iptables';
}

/** `iptables [-t T] -I CHAIN k …` (or `-A CHAIN …` when k is past the last rule), one command per port range. */
export function iptablesAccept(place: ChainPlace, k: number, n: number, spec: AcceptSpec): RemediationCommand[] {
  const bin = iptablesBinary(place.family);
  const where = k > n ? `-A ${place.chain.name}` : `-I ${place.chain.name} ${k}`;
  const addr = addressMatch(spec, place.family);
  return spec.ports.intervals().map(([lo, hi]) => ({
    dialect: bin,
    text: `${bin} ${tableFlag(place.chain)}${where} -p ${spec.protocol}${addr} --dport ${lo === hi ? lo : `${lo}:${hi}`} -m conntrack --ctstate NEW -j ACCEPT`,
  }));
}

/** `-t mangle ` for chains outside the filter table. */
export function tableFlag(chain: Chain): string {
  return chain.table === 'filter' ? '' : `-t ${chain.table} `;
}

function addressMatch(spec: AcceptSpec, family: Family): string {
  if (coversFamilies(spec.remote, [family])) return '';
  return ` ${spec.direction === 'in' ? '-s' : '-d'} ${cidrBlocks(spec.remote, [family]).join(',')}`;
}

/** The nft match-and-verdict text of an ACCEPT: `tcp dport { 389, 636 } ct state new accept`. */
export function nftAcceptExpr(spec: AcceptSpec, family: Family): string {
  const items = spec.ports.intervals().map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`));
  const portText = items.length === 1 ? (items[0] as string) : `{ ${items.join(', ')} }`;
  const parts = [`${spec.protocol} dport ${portText}`];
  if (!coversFamilies(spec.remote, [family])) {
    const blocks = cidrBlocks(spec.remote, [family]);
    const side = spec.direction === 'in' ? 'saddr' : 'daddr';
    parts.unshift(`${family === 'ipv6' ? 'ip6' : 'ip'} ${side} ${blocks.length === 1 ? blocks[0] : `{ ${blocks.join(', ')} }`}`);
  }
  return `${parts.join(' ')} ct state new accept`;
}

/** `nft add rule <family> <table> <chain> …` (appends). Chain tables are `family name` (`inet filter`). */
export function nftAppend(place: ChainPlace, spec: AcceptSpec): RemediationCommand {
  return { dialect: 'nft', text: `nft add rule ${nftTable(place)} ${place.chain.name} ${nftAcceptExpr(spec, place.family)}` };
}

function nftTable(place: ChainPlace): string {
  const t = place.chain.table;
  return t.includes(' ') ? t : `${place.family === 'ipv6' ? 'ip6' : 'ip'} ${t}`;
}

/** The command dialect of a chain unit's family. */
export function chainDialect(platform: 'iptables' | 'nftables', family: Family): CommandDialect {
  return platform === 'nftables' ? 'nft' : iptablesBinary(family);
}
