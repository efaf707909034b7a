/**
 * @fileoverview One IR rule → direction-neutral facts plus a verdict, per variant: a rule with a verdict map
 * (`tcp dport vmap { 22 : jump ssh, 80 : accept }`) yields one variant per map element, each narrowed by its key.
 */
import type { NftExpr, NftMapEntry, NftRule } from './ir.js';
import { newFacts, V4, V6, type RuleFacts } from './facts.js';
import { addressMatch, familyMatch, icmpMatch, opaque, portMatch, PORT_PROTOCOLS, protocolMatch, type MatchExpr } from './match-packet.js';
import { ctStateMatch, interfaceMatch, pkttypeMatch, tcpFlagsMatch } from './match-state.js';
import { renderExpr } from './render.js';
import type { Problem } from './sink.js';
import type { SetScope } from './values.js';
import { classifyVerdict, classifyXtTarget, CONTINUE, type VerdictInfo } from './verdicts.js';

/** What the normalizer needs to know about the rule's table. */
export interface RuleContext {
  readonly scope: SetScope;
  /** V4/V6 bits of the table's family. */
  readonly familyBits: number;
  /** The nft table name (`filter`, `nat`). */
  readonly tableName: string;
  isChain(name: string): boolean;
}

/** One rule as it applies to one verdict-map element (or the whole rule without a map). */
export interface RuleVariant {
  readonly facts: RuleFacts;
  readonly verdict: VerdictInfo;
  /** 1-based verdict-map element, when the rule was expanded. */
  readonly element: number | undefined;
}

/** What interpreting one rule found. */
export interface Interpretation {
  readonly variants: readonly RuleVariant[];
  /** The rule holds iptables-nft compat (`xt`) expressions. */
  readonly xt: boolean;
  readonly problems: readonly Problem[];
}

/** Interprets a rule's expressions in order. */
export function interpretRule(rule: NftRule, ctx: RuleContext): Interpretation {
  const f = newFacts(ctx.familyBits);
  let verdict: VerdictInfo = CONTINUE;
  let vmap: Extract<NftExpr, { kind: 'vmap' }> | undefined;
  let xt = false;
  for (const e of rule.exprs) {
    if (e.kind === 'match') applyMatch(e, f, ctx.scope);
    else if (e.kind === 'verdict') verdict = classifyVerdict(e, (n) => ctx.isChain(n));
    else if (e.kind === 'vmap') vmap = e;
    else if (e.kind === 'condition') f.conditions.push({ kind: 'match', text: e.text });
    else if (e.kind === 'xt') {
      xt = true;
      if (e.xtType === 'target') verdict = classifyXtTarget(e.name, ctx.tableName);
      else f.conditions.push({ kind: 'match', text: `xt match ${e.name}` });
    } else if (e.kind === 'unknown') {
      f.problems.push({ severity: 'warning', code: 'NFT_UNKNOWN_EXPRESSION', message: `expression not understood: "${e.text.slice(0, 80)}"` });
      f.conditions.push({ kind: 'match', text: e.text });
    }
  }
  if (vmap === undefined) return { variants: [{ facts: f, verdict, element: undefined }], xt, problems: [...f.problems] };
  return { ...expandVmap(f, vmap, ctx), xt };
}

function expandVmap(f: RuleFacts, vmap: Extract<NftExpr, { kind: 'vmap' }>, ctx: RuleContext): { variants: RuleVariant[]; problems: Problem[] } {
  const problems = [...f.problems];
  const named = vmap.ref === undefined ? undefined : ctx.scope.sets.get(`${ctx.scope.table}/${vmap.ref}`);
  const entries: readonly NftMapEntry[] | undefined = vmap.entries ?? named?.entries;
  if (entries === undefined) {
    problems.push({ severity: 'warning', code: 'NFT_UNDEFINED_SET', message: `verdict map "@${vmap.ref ?? ''}" is not defined in this ruleset` });
    const verdict: VerdictInfo = { action: 'block', target: undefined, conditions: [{ kind: 'other', text: `${renderExpr(vmap)}: map contents unknown` }], problem: undefined };
    return { variants: [{ facts: f, verdict, element: undefined }], problems };
  }
  if (entries.length === 0) return { variants: [{ facts: f, verdict: CONTINUE, element: undefined }], problems };
  const variants = entries.map((en, k) => {
    const g = cloneFacts(f);
    applyMatch({ kind: 'match', left: vmap.left, op: 'eq', right: en.key }, g, ctx.scope);
    problems.push(...g.problems.slice(f.problems.length));
    return { facts: g, verdict: classifyVerdict(en.verdict, (n) => ctx.isChain(n)), element: k + 1 };
  });
  return { variants, problems };
}

/** Dispatches a match on its selector. */
export function applyMatch(m: MatchExpr, f: RuleFacts, scope: SetScope): void {
  const key = m.left.key;
  const space = key.indexOf(' ');
  const proto = space < 0 ? key : key.slice(0, space);
  const field = space < 0 ? '' : key.slice(space + 1);
  if (key === 'tcp flags') return tcpFlagsMatch(m, f, scope);
  if (m.left.mask !== undefined) return opaque(m, f);
  const portProto = PORT_PROTOCOLS[proto];
  if (portProto !== undefined && (field === 'dport' || field === 'sport')) return portMatch(m, f, scope, portProto, field === 'dport' ? 'dst' : 'src');
  switch (key) {
    case 'ip saddr':
    case 'ip daddr':
      return addressMatch(m, f, scope, 'ipv4', field === 'saddr' ? 'src' : 'dst');
    case 'ip6 saddr':
    case 'ip6 daddr':
      return addressMatch(m, f, scope, 'ipv6', field === 'saddr' ? 'src' : 'dst');
    case 'ip protocol':
      return protocolMatch(m, f, scope, V4);
    case 'ip6 nexthdr':
      return protocolMatch(m, f, scope, V6);
    case 'meta l4proto':
      return protocolMatch(m, f, scope, V4 | V6);
    case 'meta nfproto':
    case 'meta protocol':
      return familyMatch(m, f, scope);
    case 'ct state':
      return ctStateMatch(m, f, scope);
    case 'meta iif':
    case 'meta iifname':
      return interfaceMatch(m, f, scope, true);
    case 'meta oif':
    case 'meta oifname':
      return interfaceMatch(m, f, scope, false);
    case 'meta pkttype':
      return pkttypeMatch(m, f, scope);
    default:
      return otherMatch(m, f, proto, portProto);
  }
}

/** Header fields the audit does not evaluate: the implied protocol and family still narrow, the rest is a Condition. */
function otherMatch(m: MatchExpr, f: RuleFacts, proto: string, portProto: RuleFacts['protocols'] | undefined): void {
  if (proto === 'icmp' || proto === 'icmpv6') return icmpMatch(m, f, proto === 'icmpv6');
  if (portProto !== undefined && proto !== 'th') f.protocols = f.protocols.intersect(portProto);
  if (proto === 'ip') f.families &= V4;
  if (proto === 'ip6') f.families &= V6;
  opaque(m, f);
}

function cloneFacts(f: RuleFacts): RuleFacts {
  const side = (s: RuleFacts['src']): RuleFacts['src'] => ({ ...s, symbols: [...s.symbols] });
  return {
    ...f,
    src: side(f.src),
    dst: side(f.dst),
    inIfaces: [...f.inIfaces],
    outIfaces: [...f.outIfaces],
    states: f.states === undefined ? undefined : new Set(f.states),
    conditions: [...f.conditions],
    problems: [...f.problems],
  };
}
