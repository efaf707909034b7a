/**
 * @fileoverview Which traffic each chain sees: base chains by hook and type (filter/route on prerouting and input
 * see inbound packets, on output and postrouting outbound ones; forward sees routed packets; nat chains only
 * translate; ingress/egress and the arp/bridge/netdev families are outside the audit), regular chains by what
 * jumps or goes to them (the iptables parser's propagation); and the base chains a packet passes per direction,
 * in order (prerouting before input, output before postrouting, then by priority).
 */
import type { Direction } from '../../src/model/rule.js';
import { propagateReach, REACH_FORWARD, REACH_IN, REACH_OUT } from '../iptables-save/reachability.js';
import { chainKey, type NftChain, type NftDocument, type NftExpr } from './ir.js';

export { REACH_FORWARD, REACH_IN, REACH_OUT };
/** Reached from a nat base chain: translation only. */
export const REACH_NAT = 8;
/** Reached from an ingress/egress (or other non-audited) hook. */
export const REACH_OTHER = 16;

/** Families whose chains see IPv4/IPv6 traffic of the host. */
export const AUDITED_FAMILIES: ReadonlySet<string> = new Set(['ip', 'ip6', 'inet']);

const FILTERING_TYPES = new Set(['filter', 'route']);
const STAGE: Readonly<Record<string, readonly [Direction, number]>> = {
  prerouting: ['in', 0],
  input: ['in', 1],
  output: ['out', 0],
  postrouting: ['out', 1],
};

/** Direction bits a chain starts with (0 for regular chains). */
export function seedBits(c: NftChain): number {
  const b = c.base;
  if (b === undefined) return 0;
  if (b.type === 'nat') return REACH_NAT;
  if (b.hook === 'forward') return REACH_FORWARD;
  const stage = STAGE[b.hook];
  if (stage === undefined || !FILTERING_TYPES.has(b.type)) return REACH_OTHER;
  return stage[0] === 'in' ? REACH_IN : REACH_OUT;
}

/** Chains a rule can continue in (jump/goto, also inside verdict maps). */
export function calledChains(exprs: readonly NftExpr[], mapEntries: (ref: string) => readonly { verdict: { target?: string } }[] | undefined): string[] {
  const out: string[] = [];
  for (const e of exprs) {
    if (e.kind === 'verdict' && e.target !== undefined) out.push(e.target);
    if (e.kind !== 'vmap') continue;
    const entries = e.entries ?? (e.ref === undefined ? undefined : mapEntries(e.ref));
    for (const en of entries ?? []) if (en.verdict.target !== undefined) out.push(en.verdict.target);
  }
  return out;
}

/** Reach bits of every chain that receives any, keyed by chain key. */
export function computeReach(doc: NftDocument): Map<string, number> {
  const seeds = new Map<string, number>();
  const edges = new Map<string, string[]>();
  for (const [key, c] of doc.chains) {
    seeds.set(key, seedBits(c));
    const table = `${c.family} ${c.table}`;
    const next = new Set<string>();
    for (const r of c.rules) {
      for (const name of calledChains(r.exprs, (ref) => doc.sets.get(`${table}/${ref}`)?.entries)) {
        const target = chainKey(c.family, c.table, name);
        if (doc.chains.has(target)) next.add(target);
      }
    }
    if (next.size > 0) edges.set(key, [...next]);
  }
  return propagateReach(seeds, edges);
}

/** Base chains per direction in traversal order (audited families, filter/route types only). */
export function hookOrder(doc: NftDocument): Record<Direction, string[]> {
  const entries: { key: string; dir: Direction; stage: number; prio: number; index: number }[] = [];
  let index = 0;
  for (const [key, c] of doc.chains) {
    index++;
    const b = c.base;
    const stage = b === undefined ? undefined : STAGE[b.hook];
    if (b === undefined || stage === undefined || !FILTERING_TYPES.has(b.type) || !AUDITED_FAMILIES.has(c.family)) continue;
    entries.push({ key, dir: stage[0], stage: stage[1], prio: b.priority ?? 0, index });
  }
  entries.sort((a, b) => a.stage - b.stage || a.prio - b.prio || a.index - b.index);
  return {
    in: entries.filter((e) => e.dir === 'in').map((e) => e.key),
    out: entries.filter((e) => e.dir === 'out').map((e) => e.key),
  };
}
