/**
 * @fileoverview Renders an `explain` result as text (for a terminal) or JSON.
 */
import type { AddressSet } from '../src/model/address-set.js';
import { formatAddressSet } from '../src/model/ip.js';
import { formatPorts, portPairs } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import type { TraceStep } from '../src/engine/decision.js';
import type { Explanation } from '../src/engine/explain.js';
import type { Citation } from '../src/findings/result.js';

/** Text: the decision, who decides it, and the trace per port segment. */
export function explainText(e: Explanation, fwProfile: string): string {
  const r = e.result;
  const lines = [`flow: ${e.flow.text} (firewall profile ${fwProfile})`, `decision: ${r.status.toUpperCase()}`];
  if (!r.missing.isEmpty() && r.status !== 'blocked' && r.status !== 'unknown') lines.push(`  not certainly allowed: ports ${formatPorts(r.missing)}`);
  if (r.reason !== undefined) lines.push(`  ${r.reason}`);
  pushCitations(lines, 'allowed by', r.allowedBy);
  pushCitations(lines, 'blocked by', r.blockedBy);
  pushCitations(lines, 'conditional on', r.conditionalBy);
  for (const t of e.traces) {
    lines.push('', `trace: ${t.file}, ${e.flow.protocol} ${t.lo === t.hi ? t.lo : `${t.lo}-${t.hi}`}`);
    if (t.steps.length === 0) lines.push('  (no rule matches)');
    for (const s of t.steps) lines.push(stepText(s, t.scope));
  }
  return `${lines.join('\n')}\n`;
}

function pushCitations(lines: string[], label: string, cs: readonly Citation[]): void {
  for (const c of cs) {
    const why = c.reasons === undefined || c.reasons.length === 0 ? '' : ` [${c.reasons.join('; ')}]`;
    lines.push(`  ${label}: ${c.name} (${formatRef(c.ref)})${why}`);
  }
}

function stepText(s: TraceStep, whole: AddressSet): string {
  const indent = '  '.repeat(s.depth + 1);
  const scope = s.addresses.equals(whole) ? '' : ` for ${formatAddressSet(s.addresses)}`;
  if (s.rule === undefined) return `${indent}${s.event}: ${s.text ?? ''}${scope}`;
  const what = s.event === 'match' || s.event === 'may-match' ? `${s.event} ${s.rule.action}` : `${s.event}${s.event === 'return' ? '' : ` ${s.rule.target ?? ''}`}`;
  const where = s.chain === 'windows' ? '' : `${s.chain}: `;
  const why = s.reasons !== undefined && s.reasons.length > 0 ? ` [only if: ${s.reasons.join('; ')}]` : '';
  return `${indent}${where}${what}  "${s.rule.name}" (${formatRef(s.rule.source)})${scope}${why}`;
}

/** JSON document of an explanation. */
export function explainJson(e: Explanation, fwProfile: string): string {
  const r = e.result;
  const cite = (c: Citation) => formatRef(c.ref);
  const doc = {
    flow: { direction: e.flow.direction, protocol: e.flow.protocol, ports: portPairs(e.flow.ports), remote: e.flow.remoteText },
    firewallProfile: fwProfile,
    status: r.status,
    missing: portPairs(r.missing),
    allowedBy: r.allowedBy.map(cite),
    blockedBy: r.blockedBy.map(cite),
    conditionalBy: r.conditionalBy.map(cite),
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    trace: e.traces.map((t) => ({
      file: t.file,
      ports: [t.lo, t.hi],
      steps: t.steps.map((s) => ({
        chain: s.chain,
        depth: s.depth,
        event: s.event,
        rule: s.rule === undefined ? null : { id: s.rule.id, ref: formatRef(s.rule.source), name: s.rule.name, action: s.rule.action, ...(s.rule.target === undefined ? {} : { target: s.rule.target }) },
        ...(s.text === undefined ? {} : { text: s.text }),
        ...(s.reasons === undefined || s.reasons.length === 0 ? {} : { reasons: s.reasons }),
        addresses: formatAddressSet(s.addresses),
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
