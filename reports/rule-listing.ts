/**
 * @fileoverview Normalized rule listings for `k2audit parse`: one line per rule (text) or a JSON document.
 * The text form is stable and vendor-neutral, so two exports of one firewall list alike.
 */
import { formatProtocols } from '../src/model/protocol.js';
import { formatDiagnostic } from '../src/model/diagnostic.js';
import type { RuleSet } from '../src/model/rule.js';
import { addressText, portText, ruleLine } from '../src/model/rule-text.js';
import { formatRef } from '../src/model/source-ref.js';

/** The whole rule set as text: settings, chains, rules, diagnostics and the line accounting. */
export function ruleListingText(rs: RuleSet): string {
  const lines: string[] = [`semantics: ${rs.semantics}; families: ${rs.families.join(',')}; directions: ${rs.directions.join(',')}`];
  for (const [name, p] of Object.entries(rs.profiles ?? {})) {
    lines.push(`profile ${name}: firewall ${p.enabled === undefined ? '?' : p.enabled ? 'on' : 'off'}, inbound ${p.inbound ?? '?'}, outbound ${p.outbound ?? '?'}`);
  }
  for (const c of rs.chains ?? []) lines.push(`chain ${c.key}${c.policy === undefined ? '' : ` policy ${c.policy}`} (${c.ruleIds.length} rules)`);
  for (const r of rs.rules) lines.push(ruleLine(r));
  for (const d of rs.diagnostics) lines.push(formatDiagnostic(d));
  const a = rs.accounting;
  const ignored = Object.entries(a.ignored).map(([k, v]) => `${v} ${k}`).join(', ');
  lines.push(`lines: ${a.total} total, ${a.parsed} parsed, ${a.unsupported} unsupported; ignored: ${ignored || 'none'}`);
  return `${lines.join('\n')}\n`;
}

/** The rule set as JSON. */
export function ruleListingJson(rs: RuleSet, meta: Readonly<Record<string, unknown>>): string {
  const rules = rs.rules.map((r) => ({
    id: r.id,
    ref: formatRef(r.source),
    name: r.name,
    enabled: r.enabled,
    direction: r.direction,
    action: r.action,
    ...(r.target === undefined ? {} : { target: r.target }),
    protocols: formatProtocols(r.protocols),
    localPorts: portText(r.localPorts),
    remotePorts: portText(r.remotePorts),
    localAddresses: addressText(r.localAddresses),
    remoteAddresses: addressText(r.remoteAddresses),
    profiles: r.profiles,
    conditions: r.conditions,
    ...(r.chain === undefined ? {} : { chain: r.chain }),
    ...(r.store === undefined ? {} : { store: r.store }),
    ...(r.loopbackOnly === true ? { loopbackOnly: true } : {}),
    ...(r.neverNew === true ? { neverNew: true } : {}),
    ...(r.connStates === undefined ? {} : { connStates: r.connStates }),
    raw: r.raw,
  }));
  const diagnostics = rs.diagnostics.map((d) => ({ severity: d.severity, code: d.code, ref: formatRef(d.ref), message: d.message }));
  const doc = { ...meta, semantics: rs.semantics, families: rs.families, directions: rs.directions, profiles: rs.profiles ?? {}, chains: rs.chains ?? [], accounting: rs.accounting, rules, diagnostics };
  return `${JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'object' && v !== null && 'file' in v && 'line' in v ? formatRef(v as never) : v), 2)}\n`;
}
