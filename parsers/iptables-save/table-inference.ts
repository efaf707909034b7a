/**
 * @fileoverview Which table headerless `iptables -S` output belongs to, from the builtin chains it names
 * (`-S` prints one `-P` line per builtin chain: filter 3, nat 4, mangle 5, raw 2) and from NAT targets.
 */

/** What an implicit block revealed about its table. */
export interface TableEvidence {
  /** Chain names seen in `-P`, `-N`, `:` and `-A` lines. */
  readonly chains: Set<string>;
  /** Whether a rule jumps to DNAT, SNAT, MASQUERADE or REDIRECT. */
  natTarget: boolean;
  readonly firstLine: number;
}

/** The inferred table and, when it is not the default, the evidence in words. */
export interface InferredTable {
  readonly table: string;
  readonly reason: string | undefined;
}

/** Infers the table of a headerless block; `filter` when nothing points elsewhere. */
export function inferTable(ev: TableEvidence): InferredTable {
  const has = (c: string): boolean => ev.chains.has(c);
  const pre = has('PREROUTING');
  const post = has('POSTROUTING');
  if (ev.natTarget) return { table: 'nat', reason: 'NAT targets' };
  if (has('FORWARD') && (pre || post)) return { table: 'mangle', reason: 'chains FORWARD and PREROUTING/POSTROUTING' };
  if (post || (pre && has('INPUT'))) return { table: 'nat', reason: 'chains PREROUTING/POSTROUTING' };
  if (pre) return { table: 'raw', reason: 'chain PREROUTING without INPUT' };
  return { table: 'filter', reason: undefined };
}
