/**
 * @fileoverview Normalized, format-independent text of each rule field, so two exports of one firewall (netsh and
 * .reg, or a dump before and after a change) compare field by field. Never uses file:line or the raw text.
 */
import { ruleLine } from '../../model/rule-text.js';
import { formatAddressSet } from '../../model/ip.js';
import { formatPorts } from '../../model/port-set.js';
import { formatProtocols } from '../../model/protocol.js';
import { FIREWALL_PROFILES, type AddressMatch, type PortMatch, type Rule } from '../../model/rule.js';
import { formatRef } from '../../model/source-ref.js';
import type { FieldChange, RuleField, RuleRef } from './types.js';

/** Fields in the order a change lists them; `name` and `store` are compared but are not content. */
export const CONTENT_FIELDS: readonly RuleField[] = [
  'enabled',
  'direction',
  'action',
  'protocols',
  'localPorts',
  'remotePorts',
  'localAddresses',
  'remoteAddresses',
  'profiles',
  'conditions',
  'chain',
  'flags',
];

/** The normalized text of one field. */
export function fieldText(r: Rule, field: RuleField): string {
  switch (field) {
    case 'name':
      return r.name;
    case 'enabled':
      return r.enabled ? 'yes' : 'no';
    case 'direction':
      return r.direction;
    case 'action':
      return r.action === 'jump' || r.action === 'goto' ? `${r.action} ${r.target ?? ''}` : r.action;
    case 'protocols':
      return formatProtocols(r.protocols);
    case 'localPorts':
      return portText(r.localPorts);
    case 'remotePorts':
      return portText(r.remotePorts);
    case 'localAddresses':
      return addressText(r.localAddresses);
    case 'remoteAddresses':
      return addressText(r.remoteAddresses);
    case 'profiles':
      return FIREWALL_PROFILES.filter((p) => r.profiles.includes(p)).join(',');
    case 'conditions':
      return r.conditions.map((c) => `${c.kind}: ${c.text}`).sort().join('; ');
    case 'chain':
      return r.chain ?? '';
    case 'store':
      return r.store ?? '';
    case 'flags':
      return flagsText(r);
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** Everything the rule does, without its name: equal fingerprints decide the same traffic the same way. */
export function fingerprint(r: Rule): string {
  return CONTENT_FIELDS.map((f) => fieldText(r, f)).join('\u0001');
}

/**
 * The rule's name when it identifies the rule; undefined for names a parser derived from the position
 * (`filter/INPUT rule 3`), which change whenever a rule is inserted above.
 */
export function stableName(r: Rule): string | undefined {
  if (r.chain !== undefined && r.name.startsWith(`${r.chain} rule `) && /^\d+$/.test(r.name.slice(r.chain.length + 6))) return undefined;
  return r.name;
}

/** Identity of a rule for matching: stable name plus content. */
export function identity(r: Rule): string {
  return `${stableName(r) ?? ''}\u0002${fingerprint(r)}`;
}

/** The fields that differ between two rules; `store` only when both exports state it. */
export function changedFields(a: Rule, b: Rule): FieldChange[] {
  const out: FieldChange[] = [];
  const fields: RuleField[] = ['name', ...CONTENT_FIELDS];
  if (a.store !== undefined && b.store !== undefined) fields.push('store');
  for (const field of fields) {
    if (field === 'name' && (stableName(a) === undefined || stableName(b) === undefined)) continue;
    const before = fieldText(a, field);
    const after = fieldText(b, field);
    if (before !== after) out.push({ field, before, after });
  }
  return out;
}

/**
 * The normalized one-line listing of a rule (src/model/rule-text.ts) without its file:line reference, and without
 * its name when the name only states its position (it would differ after every insertion above it).
 */
export function ruleText(r: Rule): string {
  const line = ruleLine(r);
  const ref = `${formatRef(r.source)} `;
  const rest = line.startsWith(ref) ? line.slice(ref.length) : line;
  const name = `${JSON.stringify(r.name)} `;
  return stableName(r) === undefined && rest.startsWith(name) ? rest.slice(name.length) : rest;
}

/** How the diff cites a rule; `position` is its 1-based place in its chain (first-match). */
export function ruleRef(r: Rule, position?: number): RuleRef {
  return {
    ref: formatRef(r.source),
    name: r.name,
    direction: r.direction,
    ...(r.chain === undefined ? {} : { chain: r.chain }),
    ...(position === undefined ? {} : { position }),
    text: ruleText(r),
  };
}

function flagsText(r: Rule): string {
  const flags: string[] = [];
  if (r.loopbackOnly === true) flags.push('loopback-only');
  if (r.neverNew === true) flags.push('never-new');
  if (r.connStates !== undefined) flags.push(`states=${[...r.connStates].sort().join(',')}`);
  return flags.join(' ');
}

function portText(m: PortMatch): string {
  const kw = [...m.keywords].sort().join(',');
  if (kw === '') return formatPorts(m.set);
  return m.set.isEmpty() ? kw : `${formatPorts(m.set)},${kw}`;
}

function addressText(m: AddressMatch): string {
  const sym = [...m.symbols].sort().join(',');
  const body = sym === '' ? formatAddressSet(m.set) : m.set.isEmpty() ? sym : `${formatAddressSet(m.set)},${sym}`;
  return m.negated ? `!(${body})` : body;
}
