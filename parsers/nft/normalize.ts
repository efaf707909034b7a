/**
 * @fileoverview NftDocument → RuleSet: chains with their tables (`inet filter`) and policies, the base chains per
 * hook in order (RuleSet.hooks), one Rule per rule, audited direction and verdict-map element (ids `file:line`,
 * `file#nftables/<i>`, with `#v<k>` per map element and `#in`/`#out` when a chain is reachable both ways), and
 * the rules of nat, forward, ingress, unreachable and arp/bridge/netdev chains counted as ignored.
 */
import type { Family } from '../../src/model/address-set.js';
import type { Chain, Direction, Rule, RuleSet } from '../../src/model/rule.js';
import { emitRule } from './emit.js';
import { V4, V6 } from './facts.js';
import { AUDITED_FAMILIES, computeReach, hookOrder, REACH_FORWARD, REACH_IN, REACH_NAT, REACH_OTHER, REACH_OUT } from './hooks.js';
import { interpretRule, type RuleContext } from './interpret.js';
import { chainKey, tableKey, type NftChain, type NftDocument, type NftRule } from './ir.js';
import { REASON, type NftSink } from './sink.js';

const FAMILY_BITS: Readonly<Record<string, number>> = { ip: V4, ip6: V6, inet: V4 | V6 };

interface Output {
  readonly doc: NftDocument;
  readonly sink: NftSink;
  readonly families: number;
  readonly rules: Rule[];
  readonly chains: Chain[];
  /** Tables already reported (xt compat, family not audited). */
  readonly reported: Set<string>;
}

/** Normalizes a parsed ruleset; `sink` already holds the parse diagnostics and marks. */
export function normalizeDocument(doc: NftDocument, sink: NftSink): RuleSet {
  let families = 0;
  for (const t of doc.tables.values()) families |= FAMILY_BITS[t.family] ?? 0;
  if (families === 0) {
    sink.report('warning', 'NFT_NO_FILTER_TABLES', 'the ruleset has no ip, ip6 or inet table: nftables filters no host traffic (check iptables-legacy-save too)');
    families = V4 | V6;
  }
  const reach = computeReach(doc);
  const out: Output = { doc, sink, families, rules: [], chains: [], reported: new Set() };
  for (const [key, c] of doc.chains) emitChain(out, c, key, reach.get(key) ?? 0);
  const diagnostics = [...sink.marks.diagnostics].sort((a, b) => position(a.ref) - position(b.ref));
  return {
    semantics: 'first-match',
    rules: out.rules,
    families: familyList(families),
    directions: ['in', 'out'],
    chains: out.chains,
    hooks: hookOrder(doc),
    diagnostics,
    accounting: sink.marks.accounting(),
  };
}

function familyList(bits: number): Family[] {
  const list: Family[] = [];
  if ((bits & V4) !== 0) list.push('ipv4');
  if ((bits & V6) !== 0) list.push('ipv6');
  return list;
}

/** Sort key: the JSON element index, else the line (file-level diagnostics first). */
function position(ref: { line?: number; path?: readonly string[] }): number {
  return ref.path !== undefined ? Number(ref.path[1] ?? 0) : (ref.line ?? 0);
}

function emitChain(out: Output, c: NftChain, key: string, bits: number): void {
  const ruleIds: string[] = [];
  out.chains.push(toChain(c, key, ruleIds));
  if (!AUDITED_FAMILIES.has(c.family)) return ignoreFamily(out, c);
  const dirs: Direction[] = [];
  if ((bits & REACH_IN) !== 0) dirs.push('in');
  if ((bits & REACH_OUT) !== 0) dirs.push('out');
  if (dirs.length === 0) return ignoreChain(out, c, key, bits);
  const table = tableKey(c.family, c.table);
  const ctx: RuleContext = {
    scope: { sets: out.doc.sets, table },
    familyBits: FAMILY_BITS[c.family] ?? 0,
    tableName: c.table,
    isChain: (name) => out.doc.chains.has(chainKey(c.family, c.table, name)),
  };
  c.rules.forEach((r, index) => emitRuleOf(out, r, ctx, dirs, { key, table, index, ruleIds, name: r.comment ?? `${key} rule ${index + 1}` }));
}

function emitRuleOf(out: Output, r: NftRule, ctx: RuleContext, dirs: readonly Direction[], at: { key: string; table: string; index: number; ruleIds: string[]; name: string }): void {
  const interp = interpretRule(r, ctx);
  const seen = new Set<string>();
  for (const p of [...interp.problems, ...interp.variants.flatMap((v) => (v.verdict.problem === undefined ? [] : [v.verdict.problem]))]) {
    if (seen.has(p.message)) continue;
    seen.add(p.message);
    out.sink.problem(p, r.pos);
  }
  if (interp.xt && !out.reported.has(`xt ${at.table}`)) {
    out.reported.add(`xt ${at.table}`);
    out.sink.report('warning', 'NFT_IPTABLES_NFT', `table ${at.table} holds iptables-nft compat expressions (xt) that nft cannot show: audit iptables-nft-save output instead`, r.pos.ref);
  }
  for (const v of interp.variants) {
    const base = v.element === undefined ? r.id : `${r.id}#v${v.element}`;
    for (const dir of dirs) {
      const id = dirs.length > 1 ? `${base}#${dir}` : base;
      out.rules.push(emitRule(v.facts, v.verdict, dir, { id, name: at.name, source: r.pos.ref, raw: r.raw, chainKey: at.key, rulesetFamilies: out.families }));
      at.ruleIds.push(id);
    }
  }
  out.sink.parsed(r.pos);
}

function toChain(c: NftChain, key: string, ruleIds: string[]): Chain {
  const builtin = c.base !== undefined;
  return {
    key,
    table: tableKey(c.family, c.table),
    name: c.name,
    builtin,
    ...(builtin ? { policy: c.base?.policy ?? 'accept' } : {}),
    ...(c.family === 'ip' ? { families: ['ipv4' as const] } : c.family === 'ip6' ? { families: ['ipv6' as const] } : {}),
    ...(c.pos === undefined ? {} : { source: c.pos.ref }),
    ruleIds,
  };
}

function ignoreFamily(out: Output, c: NftChain): void {
  for (const r of c.rules) out.sink.ignored(r.pos, REASON.family);
  const table = tableKey(c.family, c.table);
  if (c.rules.length === 0 || out.reported.has(table)) return;
  out.reported.add(table);
  out.sink.report('info', 'NFT_FAMILY_NOT_AUDITED', `table ${table}: the ${c.family} family does not filter the host's IP traffic; its rules are not audited`, c.pos?.ref ?? c.rules[0]?.pos.ref);
}

function ignoreChain(out: Output, c: NftChain, key: string, bits: number): void {
  const reason = (bits & REACH_NAT) !== 0 ? REASON.nat : (bits & REACH_FORWARD) !== 0 ? REASON.forward : (bits & REACH_OTHER) !== 0 ? REASON.hook : REASON.unreachable;
  for (const r of c.rules) {
    out.sink.ignored(r.pos, reason);
    if (reason !== REASON.nat) continue;
    const nat = r.exprs.find((e) => e.kind === 'nat' && (e.nat === 'dnat' || e.nat === 'redirect'));
    if (nat !== undefined) out.sink.report('info', 'NFT_NAT_REDIRECT', `address translation changes which address and port the packet reaches: "${r.raw.slice(0, 120)}"`, r.pos.ref);
  }
  if (c.rules.length === 0 || reason === REASON.nat) return;
  const ref = c.pos?.ref ?? c.rules[0]?.pos.ref;
  const n = c.rules.length;
  if (reason === REASON.forward) out.sink.report('info', 'NFT_ROUTED_CHAIN', `chain ${key} only sees routed traffic: ${n} rule(s) not audited`, ref);
  else if (reason === REASON.hook) out.sink.report('info', 'NFT_HOOK_NOT_AUDITED', `chain ${key} is on the ${c.base?.hook ?? '?'} hook: ${n} rule(s) not audited`, ref);
  else out.sink.report('info', 'NFT_UNREACHABLE_CHAIN', `chain ${key} is not reachable from an input/output base chain: ${n} rule(s) not audited`, ref);
}
