/**
 * @fileoverview The intermediate representation both nft front ends produce (text `nft list ruleset` / nft scripts,
 * and `nft -j list ruleset` JSON): tables, chains, sets and rules whose expressions use one vocabulary, so a single
 * normalizer turns either into the model.
 */
import type { SourceRef } from '../../src/model/source-ref.js';

/** nftables address families. */
export type NftFamily = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';

/** Every family name nft knows. */
export const NFT_FAMILIES: ReadonlySet<string> = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

/**
 * Where an object came from: the accounting units it covers (text: lines `first..last`; JSON: element index + 1)
 * and the SourceRef cited for it.
 */
export interface NftPos {
  readonly first: number;
  readonly last: number;
  readonly ref: SourceRef;
}

/** Comparison operators (text `==`/implicit, `!=`, …; JSON `==`, `in`, …). `in` = implicit / bitmask test. */
export type NftOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | 'in';

/** A right-hand value. Numbers, names, prefixes (`10.0.0.0/8`) and text ranges (`1024-65535`) are atoms. */
export type NftValue =
  | { readonly kind: 'atom'; readonly text: string }
  | { readonly kind: 'range'; readonly lo: string; readonly hi: string }
  | { readonly kind: 'set'; readonly items: readonly NftValue[] }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'other'; readonly text: string };

/**
 * A left-hand expression: `tcp dport`, `ip saddr`, `meta iifname`, `ct state` (payload, meta and ct keys in one
 * spelling), optionally masked (`tcp flags & (fin|syn)`). Keys outside that vocabulary keep their text.
 */
export interface NftSelector {
  readonly key: string;
  readonly mask?: NftValue;
}

/** The verdict statements. */
export type NftVerdictKind = 'accept' | 'drop' | 'reject' | 'return' | 'continue' | 'jump' | 'goto' | 'queue';

/** A verdict: what happens to a packet the rule matches. */
export interface NftVerdict {
  readonly kind: 'verdict';
  readonly verdict: NftVerdictKind;
  /** Chain of jump/goto. */
  readonly target?: string;
}

/** One element of a verdict map. */
export interface NftMapEntry {
  readonly key: NftValue;
  readonly verdict: NftVerdict;
}

/** Address translation statements. */
export type NftNatKind = 'dnat' | 'snat' | 'masquerade' | 'redirect';

/** One expression or statement of a rule, in order (AND semantics; the verdict comes last). */
export type NftExpr =
  | { readonly kind: 'match'; readonly left: NftSelector; readonly op: NftOp; readonly right: NftValue }
  | NftVerdict
  | { readonly kind: 'vmap'; readonly left: NftSelector; readonly entries: readonly NftMapEntry[] | undefined; readonly ref?: string }
  /** Known but not evaluable from the export (limit, quota, fib, socket, …): a Condition, no warning. */
  | { readonly kind: 'condition'; readonly text: string }
  /** No effect on which packets pass (counter, log, notrack, mark set, set add/update, …). */
  | { readonly kind: 'effectless'; readonly text: string }
  | { readonly kind: 'nat'; readonly nat: NftNatKind; readonly text: string }
  /** iptables-nft compat expression the nft tool could not translate. */
  | { readonly kind: 'xt'; readonly xtType: 'match' | 'target'; readonly name: string }
  | { readonly kind: 'unknown'; readonly text: string };

/** A base chain's `type … hook … priority …; policy …;`. */
export interface NftBaseSpec {
  readonly type: string;
  readonly hook: string;
  /** Numeric priority; undefined when unreadable. */
  readonly priority: number | undefined;
  readonly policy: 'accept' | 'drop' | undefined;
}

/** One rule: its expressions in order, its comment, source text and position; `id` is its stable rule id. */
export interface NftRule {
  readonly id: string;
  readonly exprs: readonly NftExpr[];
  readonly comment: string | undefined;
  readonly raw: string;
  readonly pos: NftPos;
}

/** A chain and its rules in evaluation order; `base` is set for base chains (type/hook/priority). */
export interface NftChain {
  readonly family: NftFamily;
  readonly table: string;
  readonly name: string;
  base: NftBaseSpec | undefined;
  pos: NftPos | undefined;
  readonly rules: NftRule[];
}

/** A named set or map; `elements` undefined when the ruleset does not list them. */
export interface NftSet {
  readonly family: NftFamily;
  readonly table: string;
  readonly name: string;
  readonly isMap: boolean;
  readonly flags: readonly string[];
  elements: NftValue[] | undefined;
  /** Verdict-map entries (maps whose data are verdicts). */
  entries: NftMapEntry[] | undefined;
  readonly pos: NftPos;
}

/** A table (family + name). */
export interface NftTable {
  readonly family: NftFamily;
  readonly name: string;
  readonly pos: NftPos | undefined;
}

/** A parsed ruleset. Keys: table `${family} ${name}`, chain and set `${table key}/${name}`. */
export interface NftDocument {
  readonly tables: Map<string, NftTable>;
  readonly chains: Map<string, NftChain>;
  readonly sets: Map<string, NftSet>;
}

/** `inet filter`. */
export function tableKey(family: string, table: string): string {
  return `${family} ${table}`;
}

/** `inet filter/input`. */
export function chainKey(family: string, table: string, name: string): string {
  return `${family} ${table}/${name}`;
}

/** Nested sets (from `$var` expansion, `(a|b)`, JSON flag lists) become one flat list. */
export function flattenValues(items: readonly NftValue[]): NftValue[] {
  const out: NftValue[] = [];
  for (const v of items) {
    if (v.kind === 'set') out.push(...flattenValues(v.items));
    else out.push(v);
  }
  return out;
}
