/**
 * @fileoverview Symbolic values Windows firewall exports use in port and address lists: port keywords (`RPC`, `RPC-EPMap`,
 * `IPHTTPS`, `Teredo`, `PlayToDiscovery`) and address keywords (`LocalSubnet`, `DNS`, `Intranet`, …). Both stay
 * symbolic in the model until a setting resolves them. Matching is case-insensitive; output uses Windows' spelling.
 */
import type { PortKeyword } from '../../src/model/rule.js';
/** Case- and whitespace-insensitive key for matching tokens. */
function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const PORT_KEYWORDS: Readonly<Record<string, PortKeyword>> = {
  rpc: 'RPC',
  'rpc-epmap': 'RPC-EPMap',
  rpcepmap: 'RPC-EPMap',
  iphttps: 'IPHTTPS',
  iphttpsin: 'IPHTTPS',
  iphttpsout: 'IPHTTPS',
  iptlsin: 'IPHTTPS', // registry LPort2_10 keyword for IP over TLS (TCP 443, successor of IP-HTTPS)
  iptlsout: 'IPHTTPS', // registry RPort2_10 keyword
  teredo: 'Teredo',
  playtodiscovery: 'PlayToDiscovery',
  ply2disc: 'PlayToDiscovery',
  mdns: 'mDNS',
};

/** A symbolic port token (`RPC`, `RPC-EPMap`, `IPHTTPS`, `Teredo`, `PlayToDiscovery`). */
export function portKeyword(token: string): PortKeyword | undefined {
  return PORT_KEYWORDS[fold(token)];
}

const ADDRESS_KEYWORDS: readonly string[] = [
  'LocalSubnet',
  'LocalSubnet4',
  'LocalSubnet6',
  'IntranetRemoteAccess',
  'DNS',
  'DHCP',
  'WINS',
  'DefaultGateway',
  'Intranet',
  'RmtIntranet',
  'Internet',
  'PlayToDevice',
  'Ply2Renders',
  'CaptivePortal', // [U]
];
const ADDRESS_KEYWORD_BY_FOLD: ReadonlyMap<string, string> = new Map(ADDRESS_KEYWORDS.map((k) => [k.toLowerCase(), k]));

/** A symbolic address token in the spelling Windows uses (`localsubnet` → `LocalSubnet`). */
export function addressKeyword(token: string): string | undefined {
  return ADDRESS_KEYWORD_BY_FOLD.get(fold(token));
}
