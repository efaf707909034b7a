/**
 * @fileoverview Wording and counts shared by the diff reporters (Markdown, HTML, JSON): the verdict sentence,
 * summary counts and the short labels of flows, transitions and responsible rules. Plain text; each reporter
 * escapes it for its own syntax.
 */
import type { DiffResult, FlowChange, ProtocolChanges, RequirementTransition, Responsible, RuleRef } from '../src/analyses/diff/types.js';
import { statusLabel } from '../src/findings/messages.js';
import { formatPorts } from '../src/model/port-set.js';
import type { Direction } from '../src/model/rule.js';

/** Count with a singular or plural noun: `1 regression`, `2 new exposures`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `1 regression, 0 new exposures (1 at or above the fail-on threshold high)`. */
export function verdictSentence(r: DiffResult): string {
  const counts = `${plural(r.regressions.length, 'regression', 'regressions')}, ${plural(r.newExposures.length, 'new exposure', 'new exposures')}`;
  if (r.failOn === 'none') return `${counts} (fail-on threshold: none)`;
  const failing = r.failing.regressions + r.failing.exposures;
  return `${counts} (${failing === 0 ? 'none' : failing} at or above the fail-on threshold ${r.failOn})`;
}

/** Counts of every kind of change. */
export interface DiffCounts {
  readonly rules: { readonly added: number; readonly removed: number; readonly changed: number; readonly moved: number; readonly unchanged: number };
  readonly policies: number;
  readonly flows: { readonly newlyAllowed: number; readonly newlyBlocked: number };
  readonly requirements: { readonly total: number; readonly unchanged: number; readonly regressed: number; readonly improved: number; readonly changed: number };
  readonly exposures: { readonly new: number; readonly resolved: number };
}

/** Counts of the diff's changes. */
export function diffCounts(r: DiffResult): DiffCounts {
  const t = r.requirements.transitions;
  const flows = (pick: (c: ProtocolChanges) => readonly FlowChange[]) => r.semantic.changes.reduce((n, c) => n + pick(c).length, 0);
  const kind = (k: RequirementTransition['change']) => t.filter((x) => x.change === k).length;
  return {
    rules: { added: r.rules.added.length, removed: r.rules.removed.length, changed: r.rules.changed.length, moved: r.rules.moved.length, unchanged: r.rules.unchanged },
    policies: r.policies.length,
    flows: { newlyAllowed: flows((c) => c.newlyAllowed), newlyBlocked: flows((c) => c.newlyBlocked) },
    requirements: { total: r.requirements.total, unchanged: r.requirements.unchanged, regressed: kind('regressed'), improved: kind('improved'), changed: kind('changed') },
    exposures: { new: r.exposures.new.length, resolved: r.exposures.resolved.length },
  };
}

/** The summary rows: label and count, in report order. */
export function summaryRows(r: DiffResult): [string, number][] {
  const c = diffCounts(r);
  return [
    ['Rules added', c.rules.added],
    ['Rules removed', c.rules.removed],
    ['Rules changed', c.rules.changed],
    ['Rules moved', c.rules.moved],
    ['Rules unchanged', c.rules.unchanged],
    ['Default policy changes', c.policies],
    ['Newly allowed flows', c.flows.newlyAllowed],
    ['Newly blocked flows', c.flows.newlyBlocked],
    ['Requirements regressed', c.requirements.regressed],
    ['Requirements improved', c.requirements.improved],
    ['Requirements otherwise changed', c.requirements.changed],
    ['Requirements unchanged', c.requirements.unchanged],
    ['New exposures', c.exposures.new],
    ['Resolved exposures', c.exposures.resolved],
  ];
}

/** `inbound` / `outbound`. */
export function directionText(d: Direction): string {
  return d === 'in' ? 'inbound' : 'outbound';
}

/** Heading of a protocol group: `Inbound TCP`, `Outbound, other protocols (any except tcp,udp)`. */
export function protocolHeading(c: ProtocolChanges): string {
  const dir = c.direction === 'in' ? 'Inbound' : 'Outbound';
  return c.protocol === 'other' ? `${dir}, other protocols (${c.protocols})` : `${dir} ${c.protocol.toUpperCase()}`;
}

/** Ports of a flow change: `5555`, `any`. */
export function portsText(f: FlowChange): string {
  return formatPorts(f.ports);
}

/** `rule "Name" (file:line)` or the default's description, prefixed by the side it comes from. */
export function responsibleText(x: Responsible): string {
  const what = x.kind === 'rule' ? `rule "${x.name}"` : x.name;
  return `${x.side === 'after' ? 'now' : 'before'}: ${what} (${x.ref})`;
}

/** `5555/tcp inbound`. */
export function transitionFlow(t: RequirementTransition): string {
  return `${t.ports === undefined ? '?' : formatPorts(t.ports)}/${t.protocol} ${directionText(t.direction)}`;
}

/** `allowed → blocked`. */
export function transitionText(t: RequirementTransition): string {
  return `${statusLabel(t.before)} → ${statusLabel(t.after)}`;
}

/** `regressed (high)`, `improved`, `changed`. */
export function changeText(t: RequirementTransition): string {
  return t.severity === undefined ? t.change : `${t.change} (${t.severity})`;
}

/** `file:line` plus the chain position when there is one: `f:12 (filter/INPUT #3)`. */
export function refText(r: RuleRef): string {
  return r.position === undefined || r.chain === undefined ? r.ref : `${r.ref} (${r.chain} #${r.position})`;
}
