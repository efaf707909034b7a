/**
 * @fileoverview One nft text rule (its tokens, variables already expanded) → IR expressions: matches
 * (`selector [op] value`, masks, `value / mask`), verdict maps, statements and verdicts. Anything unrecognized is
 * kept as an `unknown` expression up to the next recognizable keyword, never dropped.
 */
import type { NftExpr, NftOp, NftSelector } from './ir.js';
import { STATEMENTS, VERDICT_START, readVerdict } from './text-statements.js';
import type { Token } from './text-tokenize.js';
import { TokenCursor, readBraced, readValue } from './text-values.js';

/** What one rule statement says. */
export interface TextRule {
  readonly exprs: NftExpr[];
  readonly comment: string | undefined;
}

const PAYLOAD = new Set([
  'ip', 'ip6', 'tcp', 'udp', 'udplite', 'sctp', 'dccp', 'th', 'icmp', 'icmpv6', 'igmp', 'ether', 'vlan', 'arp', 'ah',
  'esp', 'comp', 'hbh', 'frag', 'dst', 'mh', 'srh', 'gre', 'geneve', 'vxlan',
]);
const BARE_META = new Set([
  'iif', 'oif', 'iifname', 'oifname', 'iiftype', 'oiftype', 'mark', 'skuid', 'skgid', 'nftrace', 'rtclassid', 'ibrname',
  'obrname', 'pkttype', 'cpu', 'iifgroup', 'oifgroup', 'cgroup', 'random', 'iifkind', 'oifkind', 'time', 'day', 'hour',
  'l4proto', 'nfproto',
]);
/** Known selectors the audit cannot evaluate; they become Conditions without a warning. */
const OPAQUE = new Set(['fib', 'socket', 'osf', 'rt', 'ipsec', 'numgen', 'jhash', 'symhash', 'exthdr', 'tunnel', 'meter']);
const OPS: Readonly<Record<string, NftOp>> = {
  '==': 'eq', eq: 'eq', '!=': 'ne', ne: 'ne', '<': 'lt', lt: 'lt', '>': 'gt', gt: 'gt', '<=': 'le', le: 'le', '>=': 'ge', ge: 'ge',
};

/** Whether a word can start a new expression (used to find where an unknown one ends). */
function isStart(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false;
  const w = t.text;
  return VERDICT_START.has(w) || w in STATEMENTS || PAYLOAD.has(w) || BARE_META.has(w) || OPAQUE.has(w) || w === 'meta' || w === 'ct' || w === 'comment';
}

/** Reads the expressions of one rule. */
export function readTextRule(tokens: readonly Token[]): TextRule {
  const cur = new TokenCursor(tokens);
  const exprs: NftExpr[] = [];
  let comment: string | undefined;
  while (!cur.atEnd()) {
    const t = cur.peek() as Token;
    const w = t.kind === 'word' ? t.text : undefined;
    if (w === 'comment' && cur.peek(1)?.kind === 'string') {
      cur.next();
      comment = cur.next()?.text;
    } else if (w !== undefined && VERDICT_START.has(w)) {
      const start = cur.i;
      exprs.push(readVerdict(cur) ?? unknownFrom(cur, start));
    } else if (w !== undefined && w in STATEMENTS) {
      exprs.push((STATEMENTS[w] as (c: TokenCursor) => NftExpr)(cur));
    } else if (w === 'fib') {
      exprs.push({ kind: 'condition', text: consumeFib(cur) });
    } else if (w !== undefined && OPAQUE.has(w)) {
      exprs.push({ kind: 'condition', text: consumeOpaque(cur) });
    } else {
      exprs.push(readMatch(cur));
    }
  }
  return { exprs, comment };
}

/** `selector …`: a match, a mangle (`meta mark set 1`), a verdict map or a concatenation. */
function readMatch(cur: TokenCursor): NftExpr {
  const start = cur.i;
  const left = readSelector(cur);
  if (left === undefined) return unknownFrom(cur, start, 1);
  if (cur.accept('set')) {
    readValue(cur);
    return { kind: 'effectless', text: textFrom(cur, start) };
  }
  if (cur.word() === 'vmap') return readVmap(cur, left, start);
  if (cur.word() === '.') return { kind: 'condition', text: consumeConcat(cur, start) };
  let mask;
  if (cur.accept('&')) mask = readValue(cur);
  else if (cur.word() === '|' || cur.word() === '^' || cur.word() === 'map') return unknownFrom(cur, start);
  let op: NftOp = 'in';
  const opWord = cur.word();
  if (opWord !== undefined && opWord in OPS && cur.peek()?.kind !== 'string') {
    op = OPS[opWord] as NftOp;
    cur.next();
  }
  const right = readValue(cur);
  if (right === undefined) return unknownFrom(cur, start);
  if (cur.accept('/')) {
    mask = readValue(cur);
    if (op === 'in') op = 'eq';
  }
  const sel: NftSelector = mask === undefined ? left : { key: left.key, mask };
  return { kind: 'match', left: sel, op, right };
}

/** `tcp dport`, `ip6 saddr`, `meta l4proto`, `iifname`, `ct state`, `ct original saddr`. */
function readSelector(cur: TokenCursor): NftSelector | undefined {
  const w = cur.word();
  if (w === undefined || cur.peek()?.kind !== 'word') return undefined;
  if (PAYLOAD.has(w)) {
    const field = cur.peek(1);
    if (field === undefined || field.kind !== 'word') return undefined;
    cur.i += 2;
    return { key: `${w} ${field.text}` };
  }
  if (BARE_META.has(w)) {
    cur.next();
    return { key: `meta ${w}` };
  }
  if (w === 'meta') {
    const key = cur.peek(1);
    if (key === undefined || key.kind !== 'word') return undefined;
    cur.i += 2;
    return { key: `meta ${key.text}` };
  }
  if (w === 'ct') return readCtSelector(cur);
  return undefined;
}

function readCtSelector(cur: TokenCursor): NftSelector | undefined {
  cur.next();
  const parts = ['ct'];
  if (cur.word() === 'original' || cur.word() === 'reply') parts.push(cur.next()?.text as string);
  if (cur.word() === 'ip' || cur.word() === 'ip6') parts.push(cur.next()?.text as string);
  const key = cur.peek();
  if (key === undefined || key.kind !== 'word') return undefined;
  cur.next();
  parts.push(key.text);
  return { key: parts.join(' ') };
}

/** `tcp dport vmap { 22 : jump ssh, 80 : accept }` or `… vmap @name`. */
function readVmap(cur: TokenCursor, left: NftSelector, start: number): NftExpr {
  cur.next();
  const w = cur.word();
  if (w === '{') return { kind: 'vmap', left, entries: readBraced(cur).entries };
  if (w !== undefined && w.startsWith('@')) {
    cur.next();
    return { kind: 'vmap', left, entries: undefined, ref: w.slice(1) };
  }
  return unknownFrom(cur, start);
}

/** `ip saddr . tcp dport { … }`: the concatenation and its value as one text. */
function consumeConcat(cur: TokenCursor, start: number): string {
  while (cur.accept('.')) if (readSelector(cur) === undefined) cur.next();
  const opWord = cur.word();
  if (opWord !== undefined && opWord in OPS) cur.next();
  if (cur.word() === 'vmap') cur.next();
  readValue(cur);
  return textFrom(cur, start);
}

/** `fib saddr . iif oif missing`, `fib daddr type != { local, broadcast }`: its keys hold meta words (iif, oif). */
function consumeFib(cur: TokenCursor): string {
  const start = cur.i;
  cur.next();
  cur.next();
  while (cur.accept('.')) cur.next();
  cur.next();
  const opWord = cur.word();
  if (opWord !== undefined && opWord in OPS) cur.next();
  readValue(cur);
  return textFrom(cur, start);
}

/** An opaque selector (`socket transparent 1`, `rt classid x`) up to the next recognizable keyword. */
function consumeOpaque(cur: TokenCursor): string {
  const start = cur.i;
  cur.next();
  while (!cur.atEnd() && !isStart(cur.peek())) {
    if (cur.word() === '{') readBraced(cur);
    else cur.next();
  }
  return textFrom(cur, start);
}

/** Tokens from `start` (at least `min` of them) up to the next recognizable keyword, as an unknown expression. */
function unknownFrom(cur: TokenCursor, start: number, min = 0): NftExpr {
  if (cur.i < start + min) cur.i = start + min;
  while (!cur.atEnd() && !isStart(cur.peek())) {
    if (cur.word() === '{') readBraced(cur);
    else cur.next();
  }
  return { kind: 'unknown', text: textFrom(cur, start) };
}

function textFrom(cur: TokenCursor, start: number): string {
  return cur.tokens
    .slice(start, cur.i)
    .map((t) => (t.kind === 'string' ? `"${t.text}"` : t.text))
    .join(' ');
}
