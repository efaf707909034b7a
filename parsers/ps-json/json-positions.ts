/**
 * @fileoverview Positions in JSON text, which JSON.parse does not give: the start/end offsets of every value down to a
 * small depth (the rule objects of an array or of a `rules` member) and the offset of one member key on demand.
 * One linear pass; the text is assumed valid (JSON.parse ran first).
 */

/** Offsets of one value: `start` at its first character, `end` after its last. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Frame {
  readonly array: boolean;
  readonly path: string | undefined;
  readonly start: number;
  index: number;
  key: string;
  expectKey: boolean;
}

const SEP = '\u0001';
/** Characters that end a number or literal: whitespace, `,`, `]`, `}`. */
const SCALAR_END: ReadonlySet<number> = new Set([0x20, 0x0a, 0x0d, 0x09, 0x2c, 0x5d, 0x7d]);

/** Map key of a JSON path (`['rules', '3']`). */
export function pathKey(path: readonly string[]): string {
  return path.join(SEP);
}

/** Spans of every value whose path has at most `maxDepth` segments, keyed by pathKey(). */
export function valueSpans(text: string, maxDepth: number): Map<string, Span> {
  return new SpanScanner(text, maxDepth).run();
}

/** The single pass behind valueSpans(): a stack of open containers and the path of the value starting next. */
class SpanScanner {
  private readonly spans = new Map<string, Span>();
  private readonly stack: Frame[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  run(): Map<string, Span> {
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a) i++;
      else if (c === 0x2c) i = this.comma(i);
      else if (c === 0x22) i = this.string(i);
      else if (c === 0x7b || c === 0x5b) i = this.open(i, c === 0x5b);
      else if (c === 0x7d || c === 0x5d) i = this.close(i);
      else i = this.scalar(i);
    }
    return this.spans;
  }

  /** Path of the value starting now, or undefined when it is deeper than recorded. */
  private here(): string | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) return '';
    if (top.path === undefined || this.stack.length > this.maxDepth) return undefined;
    const seg = top.array ? String(top.index) : top.key;
    return top.path === '' && this.stack.length === 1 ? seg : `${top.path}${SEP}${seg}`;
  }

  private comma(i: number): number {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) (top.array ? top.index++ : (top.expectKey = true));
    return i + 1;
  }

  private string(i: number): number {
    const end = skipString(this.text, i);
    const top = this.stack[this.stack.length - 1];
    const recorded = this.stack.length <= this.maxDepth;
    if (top !== undefined && !top.array && top.expectKey) {
      // Keys matter only where a child path is recorded; decoding every key would dominate the pass.
      top.key = top.path !== undefined && recorded ? (JSON.parse(this.text.slice(i, end)) as string) : '';
      top.expectKey = false;
    } else if (recorded) record(this.spans, this.here(), i, end);
    return end;
  }

  private open(i: number, array: boolean): number {
    if (this.stack.length < this.maxDepth) {
      this.stack.push({ array, path: this.here(), start: i, index: 0, key: '', expectKey: !array });
      return i + 1;
    }
    // None of its children is recorded: jump to its end.
    const end = skipContainer(this.text, i);
    record(this.spans, this.here(), i, end);
    return end;
  }

  private close(i: number): number {
    const frame = this.stack.pop();
    if (frame !== undefined) record(this.spans, frame.path, frame.start, i + 1);
    return i + 1;
  }

  private scalar(i: number): number {
    let j = i + 1;
    while (j < this.text.length && !SCALAR_END.has(this.text.charCodeAt(j))) j++;
    if (this.stack.length <= this.maxDepth) record(this.spans, this.here(), i, j);
    return j;
  }
}

function record(spans: Map<string, Span>, path: string | undefined, start: number, end: number): void {
  if (path !== undefined) spans.set(path, { start, end });
}

const STRUCTURAL = /["{}[\]]/g;

/** Offset just after the object or array starting at `start`, jumping between quotes and brackets. */
function skipContainer(text: string, start: number): number {
  let depth = 0;
  STRUCTURAL.lastIndex = start;
  for (let m = STRUCTURAL.exec(text); m !== null; m = STRUCTURAL.exec(text)) {
    const c = m[0];
    if (c === '"') STRUCTURAL.lastIndex = skipString(text, m.index);
    else if (c === '{' || c === '[') depth++;
    else if (--depth === 0) return m.index + 1;
  }
  return text.length;
}

/** Offset just after the string literal starting at `start` (a `"`): the next quote not escaped by a backslash. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/** Offset of member `key` of the object spanning `span` (a direct member only), or undefined. */
export function memberOffset(text: string, span: Span, key: string): number | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(text, i);
      if (depth === 1 && expectKey && (JSON.parse(text.slice(i, end)) as string) === key) return i;
      expectKey = false;
      i = end - 1;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      expectKey = c === 0x7b && depth === 1;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 1) expectKey = true;
  }
  return undefined;
}
