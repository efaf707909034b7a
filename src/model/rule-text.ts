/**
 * @fileoverview A rule as one normalized, vendor-neutral line of text (`file:line "name" enabled in allow proto=tcp …`):
 * what `k2audit parse` lists and what the rule diff compares, so two exports of one firewall read alike.
 */
import { formatAddressSet } from './ip.js';
import { formatPorts } from './port-set.js';
import { formatProtocols } from './protocol.js';
import type { AddressMatch, PortMatch, Rule } from './rule.js';
import { formatRef } from './source-ref.js';

/** One normalized line for a rule. */
export function ruleLine(r: Rule): string {
  const parts = [
    r.enabled ? 'enabled' : 'disabled',
    r.direction,
    r.action + (r.target !== undefined && (r.action === 'jump' || r.action === 'goto') ? ` ${r.target}` : ''),
    `proto=${formatProtocols(r.protocols)}`,
    `lport=${portText(r.localPorts)}`,
    `rport=${portText(r.remotePorts)}`,
    `laddr=${addressText(r.localAddresses)}`,
    `raddr=${addressText(r.remoteAddresses)}`,
    `profiles=${r.profiles.join(',')}`,
  ];
  if (r.chain !== undefined) parts.push(`chain=${r.chain}`);
  if (r.store !== undefined) parts.push(`store=${r.store}`);
  if (r.loopbackOnly === true) parts.push('loopback-only');
  if (r.neverNew === true) parts.push('never-new');
  if (r.connStates !== undefined) parts.push(`states=${r.connStates.join(',')}`);
  for (const c of r.conditions) parts.push(`if ${c.kind}: ${c.text}`);
  return `${formatRef(r.source)} ${JSON.stringify(r.name)} ${parts.join(' ')}`;
}

/** Ports and port keywords (`80,443`, `RPC`, `135,RPC`). */
export function portText(m: PortMatch): string {
  const kw = m.keywords.join(',');
  if (kw === '') return formatPorts(m.set);
  return m.set.isEmpty() ? kw : `${formatPorts(m.set)},${kw}`;
}

/** Addresses and address keywords, `!(…)` when negated. */
export function addressText(m: AddressMatch): string {
  const sym = m.symbols.join(',');
  const body = sym === '' ? formatAddressSet(m.set) : m.set.isEmpty() ? sym : `${formatAddressSet(m.set)},${sym}`;
  return m.negated ? `!(${body})` : body;
}
