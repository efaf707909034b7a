/**
 * @fileoverview Raw dump → RuleSet: chains with policies, reachability per direction, one Rule per rule line and
 * audited direction (ids `file:line`, or `file:line#in` / `#out` when the chain is reachable both ways), nat,
 * routed and unreachable rules counted as ignored, and the line accounting.
 */
import type { Family } from '../../src/model/address-set.js';
import type { Chain, Direction, Rule, RuleSet } from '../../src/model/rule.js';
import { buildChains, type ChainEntry, type ChainRegistry } from './chain-registry.js';
import type { DiagnosticSink } from './diagnostics.js';
import { emitRule } from './emit.js';
import { decideFamily } from './family.js';
import { interpretRule } from './interpret.js';
import type { RawDump, RawRule } from './raw.js';
import { builtinReach, propagateReach, REACH_FORWARD, REACH_IN, REACH_OUT } from './reachability.js';
import type { RuleSpec } from './spec.js';
import { classifyTarget, VERDICTS } from './targets.js';

/** Ignore reasons (stable: tests and the corpus check use them). */
export const REASON_NAT = 'nat table: address translation is reported, not evaluated as filtering';
export const REASON_FORWARD = 'routed traffic (FORWARD) not audited';
export const REASON_UNREACHABLE = 'chain not reachable from INPUT/OUTPUT';

interface Output {
  readonly rules: Rule[];
  readonly chains: Chain[];
  readonly ignored: Record<string, number>;
  emittedLines: number;
}

/** Normalizes a parsed dump. `sink` already holds the parse diagnostics. */
export function normalizeDump(dump: RawDump, sink: DiagnosticSink): RuleSet {
  const family = decideFamily(dump, sink);
  const reg = buildChains(dump, family, sink);
  const reach = computeReach(reg);
  warnFragments(reg, sink);
  const out: Output = { rules: [], chains: [], ignored: { ...dump.ignored }, emittedLines: 0 };
  for (const [reason, n] of Object.entries(reg.ignored)) out.ignored[reason] = (out.ignored[reason] ?? 0) + n;
  for (const c of reg.chains) emitChain(c, reach.get(c.key) ?? 0, family, reg, sink, out);
  const directions = coveredDirections(reg, sink);
  const diagnostics = [...sink.list].sort((a, b) => (a.ref.line ?? 0) - (b.ref.line ?? 0));
  return {
    semantics: 'first-match',
    platform: 'iptables',
    rules: out.rules,
    families: [family],
    directions,
    chains: out.chains,
    diagnostics,
    accounting: {
      total: dump.totalLines,
      parsed: dump.parsedLines + reg.declLines + out.emittedLines,
      ignored: out.ignored,
      unsupported: dump.unsupportedLines,
    },
  };
}

/**
 * The directions whose filtering the dump shows: a filter INPUT (OUTPUT) chain must be declared. A file without
 * one (ufw user.rules, a nat-only `-S`, a stderr capture) says nothing about that direction, which is not the
 * same as "nothing filters".
 */
function coveredDirections(reg: ChainRegistry, sink: DiagnosticSink): Direction[] {
  const out: Direction[] = [];
  if (reg.byKey.has('filter/INPUT')) out.push('in');
  if (reg.byKey.has('filter/OUTPUT')) out.push('out');
  const missing = (['INPUT', 'OUTPUT'] as const).filter((c) => !reg.byKey.has(`filter/${c}`));
  if (missing.length > 0) {
    sink.add('warning', 'IPT_NO_FILTER_CHAIN', `the export has no filter ${missing.join('/')} chain, so it does not show how ${missing.map((c) => (c === 'INPUT' ? 'inbound' : 'outbound')).join(' and ')} traffic is filtered; export the whole filter table (iptables-save)`, undefined);
  }
  return out;
}

function chainExists(reg: ChainRegistry, table: string): (name: string) => boolean {
  return (name) => reg.byKey.has(`${table}/${name}`);
}

function computeReach(reg: ChainRegistry): Map<string, number> {
  const seeds = new Map<string, number>();
  const edges = new Map<string, string[]>();
  for (const c of reg.chains) {
    if (c.builtin) seeds.set(c.key, builtinReach(c.name));
    const next: string[] = [];
    const seen = new Set<string>();
    for (const r of c.rules) {
      const t = r.target;
      if (t === undefined || seen.has(t.name) || VERDICTS.has(t.name)) continue;
      seen.add(t.name);
      const key = `${c.table}/${t.name}`;
      if (reg.byKey.has(key)) next.push(key);
    }
    if (next.length > 0) edges.set(c.key, next);
  }
  return propagateReach(seeds, edges);
}

/** A table with rules but no builtin chain is a fragment (ufw user.rules): nothing in it is reachable. */
function warnFragments(reg: ChainRegistry, sink: DiagnosticSink): void {
  const tables = new Map<string, { builtin: boolean; firstLine: number | undefined }>();
  for (const c of reg.chains) {
    const t = tables.get(c.table) ?? { builtin: false, firstLine: undefined };
    t.builtin ||= c.builtin;
    t.firstLine ??= c.rules[0]?.line;
    tables.set(c.table, t);
  }
  for (const [table, t] of tables) {
    if (t.builtin || t.firstLine === undefined || table === 'nat') continue;
    sink.add('warning', 'IPT_NO_BUILTIN_CHAINS', `table ${table} has no builtin chain: its chains are called from rules not in this file (a fragment such as ufw user.rules), so none of its rules is audited`, t.firstLine);
  }
}

function emitChain(c: ChainEntry, bits: number, family: Family, reg: ChainRegistry, sink: DiagnosticSink, out: Output): void {
  const ruleIds: string[] = [];
  out.chains.push(toChain(c, sink.file, ruleIds));
  // Syntax problems make iptables-restore reject the dump, so they are reported even for rules not audited.
  for (const r of c.rules) for (const p of r.problems) sink.addProblem(p, r.line);
  if (c.table === 'nat') return ignoreNat(c, sink, out);
  const dirs: Direction[] = [];
  if ((bits & REACH_IN) !== 0) dirs.push('in');
  if ((bits & REACH_OUT) !== 0) dirs.push('out');
  if (dirs.length === 0) return ignoreChain(c, bits, sink, out);
  const isChain = chainExists(reg, c.table);
  const both = dirs.length > 1;
  const prefix = `${sink.file}:`;
  for (let index = 0; index < c.rules.length; index++) {
    const r = c.rules[index] as RawRule;
    const facts = r.facts ?? interpretRule(r.spec as RuleSpec, family);
    const target = classifyTarget(r.target, c.table, isChain);
    for (const p of facts.problems) sink.addProblem(p, r.line);
    if (target.problem !== undefined) sink.addProblem(target.problem, r.line);
    const base = prefix + r.line;
    const name = facts.comments.length === 1 ? (facts.comments[0] as string) : facts.comments.length > 0 ? facts.comments.join('; ') : `${c.key} rule ${index + 1}`;
    for (const dir of dirs) {
      const id = both ? `${base}#${dir}` : base;
      out.rules.push(emitRule(facts, target, dir, { id, file: sink.file, line: r.line, raw: r.raw, chainKey: c.key, name }));
      ruleIds.push(id);
    }
    out.emittedLines++;
  }
}

function toChain(c: ChainEntry, file: string, ruleIds: string[]): Chain {
  return {
    key: c.key,
    table: c.table,
    name: c.name,
    builtin: c.builtin,
    ...(c.builtin ? { policy: c.policy ?? 'accept' } : {}),
    ...(c.line === undefined ? {} : { source: { file, line: c.line } }),
    ruleIds,
  };
}

function ignoreNat(c: ChainEntry, sink: DiagnosticSink, out: Output): void {
  for (const r of c.rules) {
    count(out, REASON_NAT);
    const t = r.target?.name;
    if (t === 'DNAT' || t === 'REDIRECT') {
      sink.add('info', 'IPT_NAT_REDIRECT', `${t} changes which address and port the packet reaches: "${r.raw}"`, r.line);
    }
  }
}

function ignoreChain(c: ChainEntry, bits: number, sink: DiagnosticSink, out: Output): void {
  if (c.rules.length === 0) return;
  const routed = (bits & REACH_FORWARD) !== 0;
  for (let i = 0; i < c.rules.length; i++) count(out, routed ? REASON_FORWARD : REASON_UNREACHABLE);
  const line = c.line ?? c.rules[0]?.line;
  if (routed) sink.add('info', 'IPT_ROUTED_CHAIN', `chain ${c.key} only sees routed traffic: ${c.rules.length} rule(s) not audited`, line);
  else sink.add('info', 'IPT_UNREACHABLE_CHAIN', `chain ${c.key} is not reachable from INPUT/OUTPUT: ${c.rules.length} rule(s) not audited`, line);
}

function count(out: Output, reason: string): void {
  out.ignored[reason] = (out.ignored[reason] ?? 0) + 1;
}
