/**
 * @fileoverview State shared by the nft text statement readers: the token stream with newlines, statement
 * collection (up to a newline or `;` outside braces), `define` variables and their expansion, positions, rule
 * ids and raw text.
 */
import { DocumentBuilder } from './document.js';
import type { NftFamily, NftPos, NftRule } from './ir.js';
import { NFT_FAMILIES } from './ir.js';
import type { NftSink } from './sink.js';
import { readTextRule } from './text-rule.js';
import type { Lexer, Token } from './text-tokenize.js';

const MAX_EXPANSION_DEPTH = 16;

/** The reader state of one text input. */
export class TextContext {
  readonly builder: DocumentBuilder;
  readonly defines = new Map<string, Token[]>();
  private readonly idsOnLine = new Map<number, number>();
  /** Lookahead tokens pulled from the lexer. */
  private readonly buffer: Token[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly lexer: Lexer,
    readonly sink: NftSink,
  ) {
    this.builder = new DocumentBuilder(sink);
  }

  /** The token `k` places ahead (0: the current one). */
  peek(k = 0): Token | undefined {
    while (this.buffer.length <= k) {
      const t = this.lexer.next();
      if (t === undefined) return undefined;
      this.buffer.push(t);
    }
    return this.buffer[k];
  }

  /** Consumes the current token. */
  advance(): Token | undefined {
    this.peek();
    return this.buffer.shift();
  }

  /** Skips newlines and `;`. */
  skipSeparators(): void {
    for (let t = this.peek(); t !== undefined && (t.kind === 'nl' || (t.kind === 'punct' && t.text === ';')); t = this.peek()) this.advance();
  }

  /**
   * Collects one statement: tokens up to a newline or `;` outside braces (consumed), or up to a `}` that closes
   * the enclosing block (not consumed). Newlines inside braces are dropped.
   */
  collect(): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (let t = this.peek(); t !== undefined; t = this.peek()) {
      if (depth === 0 && (t.kind === 'nl' || (t.kind === 'punct' && t.text === ';'))) {
        this.advance();
        break;
      }
      if (t.kind === 'punct' && t.text === '}' && depth === 0) break;
      this.advance();
      if (t.kind === 'nl') continue;
      if (t.kind === 'punct' && t.text === '{') depth++;
      if (t.kind === 'punct' && t.text === '}') depth--;
      out.push(t);
    }
    return out;
  }

  /** Position of a token span (text: its lines; the SourceRef cites the first). */
  pos(first: Token, last: Token = first): NftPos {
    return { first: first.line, last: last.line, ref: { file: this.file, line: first.line } };
  }

  /** Position of a non-empty token list. */
  posOf(tokens: readonly Token[]): NftPos {
    return this.pos(tokens[0] as Token, tokens[tokens.length - 1] as Token);
  }

  /** The source text of a token span on one line (multi-line statements joined by single spaces). */
  raw(tokens: readonly Token[]): string {
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first === undefined || last === undefined) return '';
    if (first.line === last.line) return this.text.slice(first.start, last.end);
    return this.text.slice(first.start, last.end).replace(/\s*[\r\n]+\s*/g, ' ');
  }

  /** Builds a rule from its statement tokens (`head` tokens such as `add rule ip filter INPUT` are kept in raw). */
  rule(all: readonly Token[], body: readonly Token[]): NftRule {
    const pos = this.posOf(all);
    const line = pos.first;
    const n = (this.idsOnLine.get(line) ?? 0) + 1;
    this.idsOnLine.set(line, n);
    const { exprs, comment } = readTextRule(this.expand(body, 0));
    return { id: n === 1 ? `${this.file}:${line}` : `${this.file}:${line}#${n}`, exprs, comment, raw: this.raw(all), pos };
  }

  /** Replaces `$name` words by the tokens of their `define`; undefined variables are reported and kept. */
  expand(tokens: readonly Token[], depth: number): Token[] {
    if (!tokens.some((t) => t.kind === 'word' && t.text.startsWith('$'))) return [...tokens];
    const out: Token[] = [];
    for (const t of tokens) {
      const value = t.kind === 'word' && t.text.startsWith('$') ? this.defines.get(t.text.slice(1)) : undefined;
      if (value === undefined || depth > MAX_EXPANSION_DEPTH) {
        if (t.kind === 'word' && t.text.startsWith('$')) {
          this.sink.report('error', 'NFT_UNDEFINED_VARIABLE', `undefined variable "${t.text}"`, { file: this.file, line: t.line });
        }
        out.push(t);
      } else out.push(...this.expand(value, depth + 1));
    }
    return out;
  }

  /** Splits an optional leading family word off `words` when `names` more words follow it. */
  family(words: readonly Token[], names: number): { family: NftFamily; rest: Token[] } {
    const first = words[0];
    if (first !== undefined && first.kind === 'word' && NFT_FAMILIES.has(first.text) && words.length > names) {
      return { family: first.text as NftFamily, rest: words.slice(1) };
    }
    return { family: 'ip', rest: [...words] };
  }
}
