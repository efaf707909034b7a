/**
 * @fileoverview Display spellings of port and address keywords that the firewall console (Export List) and GPO
 * reports may print instead of the PowerShell/netsh keywords. All [U] (WINDOWS.md §7, §9): no real Export List file
 * was available; unknown spellings still end as an "invalid" error, never as a silent match.
 */
import type { PortKeyword } from '../../src/model/rule.js';

const PORT_DISPLAY: Readonly<Record<string, PortKeyword>> = {
  'rpc dynamic ports': 'RPC',
  'dynamic rpc': 'RPC',
  'rpc endpoint mapper': 'RPC-EPMap',
  'rpc endpoint mapping': 'RPC-EPMap',
  'edge traversal': 'Teredo',
  'playto discovery': 'PlayToDiscovery',
};

const ADDRESS_DISPLAY: Readonly<Record<string, string>> = {
  'local subnet': 'LocalSubnet',
  'default gateway': 'DefaultGateway',
  'dns servers': 'DNS',
  'dhcp servers': 'DHCP',
  'wins servers': 'WINS',
  'remote corp network': 'RmtIntranet',
  'playto renderers': 'Ply2Renders',
};

function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** `RPC Dynamic Ports` → `RPC`, `RPC Endpoint Mapper` → `RPC-EPMap`, … */
export function displayPortKeyword(token: string): PortKeyword | undefined {
  return PORT_DISPLAY[fold(token)];
}

/** `Local subnet` → `LocalSubnet`, `DNS Servers` → `DNS`, … */
export function displayAddressKeyword(token: string): string | undefined {
  return ADDRESS_DISPLAY[fold(token)];
}
