/**
 * @fileoverview Tokenizer for nft text: words (numbers, names, addresses, prefixes, ranges, `@set`, `$var`),
 * quoted strings, punctuation (`{ } ; , ( ) | &`, comparison operators) and newlines, each with its 1-based line
 * and offsets. `#` comments are dropped but remembered per line (the parser reports some of them).
 */

export type TokenKind = 'word' | 'string' | 'punct' | 'nl';

/** One token with its 1-based line and offsets in the text. */
export interface Token {
  readonly kind: TokenKind;
  /** Word text, string content without quotes, the punctuation, or '' for a newline. */
  readonly text: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** A whole text, tokenized at once. */
export interface Tokenized {
  readonly tokens: Token[];
  /** Comment text (after `#`) by line. */
  readonly comments: Map<number, string>;
  /** Lines holding an unterminated string. */
  readonly unterminated: number[];
  readonly lineCount: number;
}

const SINGLE = 1;
const OPERATOR = 2;
const WORD_END = 4;
/** Character classes by char code (ASCII only; every other character is part of a word). */
const CLASS = new Uint8Array(128);
for (const c of '{};,()|&') CLASS[c.charCodeAt(0)] = SINGLE | WORD_END;
for (const c of '!=<>') CLASS[c.charCodeAt(0)] = OPERATOR | WORD_END;
for (const c of ' \t\n\r"#\f\v') CLASS[c.charCodeAt(0)] = WORD_END;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const EQUALS = 0x3d;
const SEMICOLON = 0x3b;

function classOf(code: number): number {
  return code < 128 ? (CLASS[code] as number) : 0;
}

/**
 * An incremental tokenizer: the parser pulls tokens one at a time, so they die young instead of all living until
 * the end of the parse. Busy lines, comments and unterminated strings are recorded on the way.
 */
export class Lexer {
  readonly comments = new Map<number, string>();
  readonly unterminated: number[] = [];
  /** 1 for every line holding a token other than a newline or `;`. */
  readonly busy: Uint8Array;
  private line = 1;
  private i = 0;

  constructor(readonly text: string) {
    this.busy = new Uint8Array(lineCountOf(text) + 2);
  }

  /** Number of lines (a final line end does not start another line). */
  get lineCount(): number {
    return this.busy.length - 2;
  }

  /** The next token, or undefined at the end of the text. */
  next(): Token | undefined {
    const text = this.text;
    const n = text.length;
    while (this.i < n) {
      const i = this.i;
      const line = this.line;
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === 0x0c || c === 0x0b) {
        this.i++;
        continue;
      }
      if (c === LF || c === CR) {
        const len = c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        this.i += len;
        return { kind: 'nl', text: '', line, start: i, end: i + len };
      }
      if (c === BACKSLASH && (text.charCodeAt(i + 1) === LF || text.charCodeAt(i + 1) === CR)) {
        // Line continuation: the newline is whitespace, but the next line is still counted.
        this.i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === LF ? 3 : 2;
        this.line++;
        continue;
      }
      if (c === HASH) {
        this.i = lineEnd(text, i);
        this.comments.set(line, text.slice(i + 1, this.i));
        continue;
      }
      return this.token(i, line, c);
    }
    return undefined;
  }

  /** A string, punctuation or word token starting at `i` (character code `c`). */
  private token(i: number, line: number, c: number): Token {
    const text = this.text;
    // A lone `;` separates statements; a line holding nothing else counts as blank.
    if (c !== SEMICOLON) this.busy[line] = 1;
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const closed = text.charCodeAt(end - 1) === QUOTE && end - 1 > i;
      if (!closed) this.unterminated.push(line);
      this.i = end;
      const body = text.slice(i + 1, closed ? end - 1 : end);
      return { kind: 'string', text: body.includes('\\') ? body.replace(/\\(.)/g, '$1') : body, line, start: i, end };
    }
    const cls = classOf(c);
    if ((cls & SINGLE) !== 0) {
      this.i++;
      return { kind: 'punct', text: text[i] as string, line, start: i, end: i + 1 };
    }
    if ((cls & OPERATOR) !== 0) {
      const two = text.charCodeAt(i + 1) === EQUALS ? 2 : 1;
      this.i += two;
      return { kind: 'punct', text: text.slice(i, i + two), line, start: i, end: i + two };
    }
    let j = i + 1;
    while (j < text.length && (classOf(text.charCodeAt(j)) & WORD_END) === 0) j++;
    this.i = j;
    return { kind: 'word', text: text.slice(i, j), line, start: i, end: j };
  }
}

/** Splits nft text into tokens at once (tests, small inputs). */
export function tokenize(text: string): Tokenized {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) tokens.push(t);
  return { tokens, comments: lexer.comments, unterminated: lexer.unterminated, lineCount: lexer.lineCount };
}

/** Lines of a text as splitLines counts them, without a final empty line. */
function lineCountOf(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lines++;
  }
  const last = text.charCodeAt(text.length - 1);
  return last === LF || last === CR ? lines - 1 : lines;
}

function lineEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && text.charCodeAt(j) !== LF && text.charCodeAt(j) !== CR) j++;
  return j;
}

/** Offset after the string starting at `from` (a quote); an unterminated string ends at the line end. */
function stringEnd(text: string, from: number): number {
  let j = from + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\' && text[j + 1] !== '\n' && text[j + 1] !== '\r') j += 2;
    else if (c === '"') return j + 1;
    else if (c === '\n' || c === '\r') return j;
    else j++;
  }
  return j;
}
