/**
 * @fileoverview Reading values from nft text tokens: atoms (`22`, `ssh`, `10.0.0.0/8`, `1024-65535`, `"eth0"`),
 * anonymous sets `{ … }` (map elements `k : v` included), `(a|b)` and `a,b` lists, `@set` references, and the
 * verdicts that appear as map data. A cursor over one statement's tokens is shared with the rule reader.
 */
import { flattenValues, type NftMapEntry, type NftValue, type NftVerdict } from './ir.js';
import type { Token } from './text-tokenize.js';

/** A cursor over the tokens of one statement (newlines already removed). */
export class TokenCursor {
  i = 0;

  constructor(readonly tokens: readonly Token[]) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  /** Text of the token at `k` when it is a word or punctuation (not a string). */
  word(k = 0): string | undefined {
    const t = this.tokens[this.i + k];
    return t === undefined || t.kind === 'string' ? undefined : t.text;
  }

  next(): Token | undefined {
    return this.tokens[this.i++];
  }

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Consumes the token when its text is `text` (not a string). */
  accept(text: string): boolean {
    if (this.word() !== text) return false;
    this.i++;
    return true;
  }
}

const VERDICT_WORDS = new Set(['accept', 'drop', 'return', 'continue', 'queue', 'reject']);

/** Reads a value with `,` and `|` continuations: `established,related`, `fin|syn`, `{ … }`, `@x`. */
export function readValue(cur: TokenCursor): NftValue | undefined {
  const first = readPrimary(cur);
  if (first === undefined) return undefined;
  const items: NftValue[] = [first];
  while (cur.word() === ',' || cur.word() === '|') {
    cur.next();
    const v = readPrimary(cur);
    if (v === undefined) break;
    items.push(v);
  }
  return items.length === 1 ? first : { kind: 'set', items: flattenValues(items) };
}

/** One value: a braced set, a parenthesized value, a reference, a string or a word. */
export function readPrimary(cur: TokenCursor): NftValue | undefined {
  const t = cur.peek();
  if (t === undefined) return undefined;
  if (t.kind === 'string') {
    cur.next();
    return { kind: 'atom', text: t.text };
  }
  if (t.text === '{') return readBraced(cur).value;
  if (t.text === '(') {
    cur.next();
    const v = readValue(cur);
    cur.accept(')');
    return v;
  }
  if (t.kind !== 'word') return undefined;
  cur.next();
  return atom(t.text);
}

/** A word as a value: `@name` is a set reference, everything else an atom. */
export function atom(text: string): NftValue {
  if (text.startsWith('@') && text.length > 1) return { kind: 'ref', name: text.slice(1) };
  return { kind: 'atom', text };
}

/** Brace nesting accepted inside one value. */
const MAX_BRACE_DEPTH = 64;

/** Reads `{ a, b, k : v, … }` at the cursor (which must be at `{`): plain elements and map entries. */
export function readBraced(cur: TokenCursor): { value: NftValue; entries: NftMapEntry[] } {
  cur.next();
  const start = cur.i;
  let depth = 1;
  let deepest = 1;
  while (!cur.atEnd() && depth > 0) {
    const w = cur.word();
    if (w === '{') deepest = Math.max(deepest, ++depth);
    else if (w === '}') depth--;
    cur.next();
  }
  // Real rulesets nest a few levels; anything deeper is hostile or broken: an unreadable value, never a stack overflow.
  if (deepest > MAX_BRACE_DEPTH) return { value: { kind: 'atom', text: `{ nested more than ${MAX_BRACE_DEPTH} levels }` }, entries: [] };
  const inner = cur.tokens.slice(start, depth === 0 ? cur.i - 1 : cur.i);
  return readElements(inner);
}

/** Splits the tokens inside braces at top-level commas into values (and map entries for `k : verdict`). */
export function readElements(tokens: readonly Token[]): { value: NftValue; entries: NftMapEntry[] } {
  const items: NftValue[] = [];
  const entries: NftMapEntry[] = [];
  for (const part of splitTopLevel(tokens)) {
    const colon = part.findIndex((t) => t.kind === 'word' && t.text === ':');
    const keyTokens = colon < 0 ? part : part.slice(0, colon);
    const key = elementValue(keyTokens);
    if (key === undefined) continue;
    items.push(key);
    if (colon < 0) continue;
    const verdict = readVerdictTokens(part.slice(colon + 1));
    if (verdict !== undefined) entries.push({ key, verdict });
  }
  return { value: { kind: 'set', items: flattenValues(items) }, entries };
}

/** The value of one element; a concatenation (`1.2.3.4 . 22`) or trailing element options are kept as text. */
function elementValue(tokens: readonly Token[]): NftValue | undefined {
  if (tokens.length === 0) return undefined;
  const cur = new TokenCursor(tokens);
  const v = readPrimary(cur);
  if (v === undefined) return { kind: 'other', text: tokens.map((t) => t.text).join(' ') };
  if (cur.word() === '.') return { kind: 'other', text: tokens.map((t) => t.text).join(' ') };
  return v;
}

function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'nl') continue;
    if (t.kind === 'punct' && (t.text === '{' || t.text === '(')) depth++;
    if (t.kind === 'punct' && (t.text === '}' || t.text === ')')) depth--;
    if (depth === 0 && t.kind === 'punct' && t.text === ',') {
      parts.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length > 0) parts.push(cur);
  return parts;
}

/** A verdict written as map data: `accept`, `jump ssh`, `goto x`. */
export function readVerdictTokens(tokens: readonly Token[]): NftVerdict | undefined {
  const w = tokens[0]?.text;
  if (w === 'jump' || w === 'goto') {
    const target = tokens[1]?.text;
    return target === undefined ? undefined : { kind: 'verdict', verdict: w, target };
  }
  if (w !== undefined && VERDICT_WORDS.has(w)) return { kind: 'verdict', verdict: w as NftVerdict['verdict'] };
  return undefined;
}

