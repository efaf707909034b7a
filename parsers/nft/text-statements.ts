/**
 * @fileoverview Readers for the nft text statements that are not matches: verdicts (`reject with …`, `jump x`,
 * `queue …`), counter, log, limit, quota, NAT statements, `xt` compat expressions and dynamic-set updates.
 * Each reader starts at its keyword and consumes its own options.
 */
import type { NftExpr, NftVerdict } from './ir.js';
import { renderLimit } from './limit.js';
import type { TokenCursor } from './text-values.js';

/** Words that start a verdict. */
export const VERDICT_START: ReadonlySet<string> = new Set(['accept', 'drop', 'reject', 'return', 'continue', 'jump', 'goto', 'queue']);

/** Reads a verdict; undefined when `jump`/`goto` has no chain name. */
export function readVerdict(cur: TokenCursor): NftVerdict | undefined {
  const w = cur.next()?.text as NftVerdict['verdict'];
  if (w === 'jump' || w === 'goto') {
    const target = cur.next();
    return target === undefined ? undefined : { kind: 'verdict', verdict: w, target: target.text };
  }
  if (w === 'reject' && cur.accept('with')) {
    if (cur.accept('tcp')) cur.accept('reset');
    else if (ICMP_KINDS.has(cur.word() ?? '')) {
      cur.next();
      cur.accept('type');
      cur.next();
    }
  }
  if (w === 'queue') skipWhile(cur, (t) => QUEUE_OPTIONS.has(t) || /^[\d-]+$/.test(t) || t === ',');
  return { kind: 'verdict', verdict: w };
}

const ICMP_KINDS = new Set(['icmp', 'icmpv6', 'icmpx']);
const QUEUE_OPTIONS = new Set(['num', 'bypass', 'fanout', 'flags', 'to']);
const LOG_VALUED = new Set(['prefix', 'level', 'group', 'snaplen', 'queue-threshold']);
const LOG_FLAGS = new Set(['all', 'tcp', 'ip', 'skuid', 'ether', 'sequence', 'options', ',']);

/** Non-match statements by keyword; each returns the expression it read. */
export const STATEMENTS: Readonly<Record<string, (cur: TokenCursor) => NftExpr>> = {
  counter: (cur) => {
    cur.next();
    if (cur.accept('name')) cur.next();
    else while (cur.word() === 'packets' || cur.word() === 'bytes') cur.i += 2;
    return { kind: 'effectless', text: 'counter' };
  },
  log: (cur) => {
    cur.next();
    for (;;) {
      const w = cur.word();
      if (w !== undefined && LOG_VALUED.has(w)) {
        cur.next();
        cur.next();
      } else if (w === 'flags') {
        cur.next();
        skipWhile(cur, (t) => LOG_FLAGS.has(t));
      } else break;
    }
    return { kind: 'effectless', text: 'log' };
  },
  limit: readLimit,
  quota: (cur) => {
    const words: string[] = [];
    while (!cur.atEnd() && (words.length === 0 || /^(over|until|used|\d+|[kmg]?bytes)$/.test(cur.word() ?? ''))) words.push(cur.next()?.text ?? '');
    return { kind: 'condition', text: words.join(' ') };
  },
  notrack: (cur) => effectless(cur),
  xt: (cur) => {
    cur.next();
    const type = cur.next()?.text === 'target' ? 'target' : 'match';
    return { kind: 'xt', xtType: type, name: cur.next()?.text ?? '' };
  },
  masquerade: (cur) => readNat(cur, 'masquerade'),
  snat: (cur) => readNat(cur, 'snat'),
  dnat: (cur) => readNat(cur, 'dnat'),
  redirect: (cur) => readNat(cur, 'redirect'),
  flow: (cur) => effectlessUntilRef(cur),
  add: (cur) => effectlessUntilRef(cur),
  update: (cur) => effectlessUntilRef(cur),
  delete: (cur) => effectlessUntilRef(cur),
  set: (cur) => effectlessUntilRef(cur),
};

/** `limit rate [over] 10/second [burst 5 packets]`, `limit rate 1 mbytes/second`. */
function readLimit(cur: TokenCursor): NftExpr {
  cur.next();
  cur.accept('rate');
  const over = cur.accept('over');
  let rateText = cur.next()?.text ?? '';
  if (/^\d+$/.test(rateText) && /^[kmg]?bytes\//.test(cur.word() ?? '')) rateText += ` ${cur.next()?.text ?? ''}`;
  const m = /^(\d+)(?: ([kmg]?bytes))?\/(\w+)$/.exec(rateText);
  let burst: number | undefined;
  let burstUnit: string | undefined;
  if (cur.accept('burst')) {
    burst = Number(cur.next()?.text);
    if (/^(packets|[kmg]?bytes)$/.test(cur.word() ?? '')) burstUnit = cur.next()?.text;
  }
  if (m === null) return { kind: 'condition', text: `limit rate ${over ? 'over ' : ''}${rateText}` };
  return { kind: 'condition', text: renderLimit({ over, rate: Number(m[1]), rateUnit: m[2], per: m[3] as string, burst, burstUnit }) };
}

/** NAT statements end the rule: their options (addresses, ports, maps, flags) are consumed up to `comment`. */
function readNat(cur: TokenCursor, nat: 'dnat' | 'snat' | 'masquerade' | 'redirect'): NftExpr {
  const words: string[] = [];
  while (!cur.atEnd() && cur.word() !== 'comment') words.push(cur.next()?.text ?? '');
  return { kind: 'nat', nat, text: words.join(' ') };
}

function effectless(cur: TokenCursor): NftExpr {
  return { kind: 'effectless', text: cur.next()?.text ?? '' };
}

/** `add @set { ip saddr }`, `set update ip saddr @x`, `flow add @ft`: up to and including the set (and its key). */
function effectlessUntilRef(cur: TokenCursor): NftExpr {
  const words: string[] = [];
  while (!cur.atEnd()) {
    const t = cur.next() as NonNullable<ReturnType<TokenCursor['next']>>;
    words.push(t.text);
    if (t.text.startsWith('@')) {
      if (cur.word() === '{') skipBraces(cur);
      break;
    }
  }
  return { kind: 'effectless', text: words.join(' ') };
}

function skipBraces(cur: TokenCursor): void {
  let depth = 0;
  do {
    const w = cur.next()?.text;
    if (w === '{') depth++;
    else if (w === '}') depth--;
  } while (!cur.atEnd() && depth > 0);
}

function skipWhile(cur: TokenCursor, keep: (text: string) => boolean): void {
  while (!cur.atEnd() && cur.peek()?.kind !== 'string' && keep(cur.word() ?? '')) cur.next();
}
