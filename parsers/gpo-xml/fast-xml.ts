/**
 * @fileoverview A fast pass over the plain XML a GPO report is made of, with sax's events and positions. It reads a
 * strict subset only: an optional leading `<?xml …?>`, elements with ASCII names, double- or single-quoted attribute
 * values without `&` or `<`, text with the five XML entities, nothing outside the root but whitespace. On anything
 * else (comments, CDATA, other entities, odd spacing, mismatched tags) it stops and returns false, and the caller
 * parses the text with sax instead; within the subset sax reports the same events without errors
 * (test/parsers/gpo-xml/fast-xml.test.ts compares the two on generated reports).
 */
import type { SaxTag } from './sax-loader.js';

/** The positions sax exposes while it emits an event (see SaxParser). */
export interface XmlPosition {
  /** 0-based line of the current position. */
  line: number;
  /** Characters consumed so far. */
  position: number;
  /** Position just after the `<` of the tag being parsed. */
  startTagPosition: number;
}

/** What the pass reports, in document order. */
export interface XmlHandler {
  open(tag: SaxTag): void;
  close(): void;
  text(text: string): void;
}

const GT = 62;
const SLASH = 47;
const EQ = 61;
const QUOTE = 34;
const APOS = 39;

/**
 * Runs the pass, updating `pos` before each event as sax would. Returns false (having possibly reported some events)
 * when the text leaves the subset; the caller then discards what it collected.
 */
export function scanXml(text: string, pos: XmlPosition, handler: XmlHandler): boolean {
  const n = text.length;
  const lines = new LineCounter(text);
  const stack: string[] = [];
  let i = skipSpace(text, 0);
  if (text.startsWith('<?xml', i)) {
    const end = text.indexOf('?>', i + 5);
    if (end < 0) return false;
    i = skipSpace(text, end + 2);
  }
  let sawRoot = false;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (stack.length === 0) {
        if (skipSpace(text, i) < end) return false;
      } else {
        const t = entities(text, i, end);
        if (t === undefined) return false;
        handler.text(t);
      }
    }
    if (lt < 0) break;
    pos.startTagPosition = lt + 1;
    const c = text.charCodeAt(lt + 1);
    if (c === SLASH) {
      const nameEnd = nameEndAt(text, lt + 2);
      const gt = skipSpace(text, nameEnd);
      if (nameEnd === lt + 2 || text.charCodeAt(gt) !== GT) return false;
      if (stack.pop() !== text.slice(lt + 2, nameEnd)) return false;
      pos.position = gt + 1;
      pos.line = lines.before(gt);
      handler.close();
      i = gt + 1;
      continue;
    }
    if (!isNameStart(c) || (sawRoot && stack.length === 0)) return false;
    const tag = readTag(text, lt + 1);
    if (tag === undefined) return false;
    sawRoot = true;
    pos.position = tag.gt + 1;
    pos.line = lines.before(tag.gt);
    handler.open(tag.tag);
    if (tag.tag.isSelfClosing) handler.close();
    else stack.push(tag.tag.name);
    i = tag.gt + 1;
  }
  return sawRoot && stack.length === 0;
}

/** An open tag `<name a="v" …>` or `<name …/>` starting at `start` (just after `<`); undefined outside the subset. */
function readTag(text: string, start: number): { tag: SaxTag; gt: number } | undefined {
  const nameEnd = nameEndAt(text, start);
  const name = text.slice(start, nameEnd);
  // Most elements have no attributes: they share one empty object (nothing writes to a tag's attributes).
  let attributes: Record<string, string> = NO_ATTRIBUTES;
  let i = nameEnd;
  for (;;) {
    const spaced = skipSpace(text, i);
    const c = text.charCodeAt(spaced);
    if (c === GT) return { tag: { name, attributes, isSelfClosing: false }, gt: spaced };
    if (c === SLASH) {
      if (text.charCodeAt(spaced + 1) !== GT) return undefined;
      return { tag: { name, attributes, isSelfClosing: true }, gt: spaced + 1 };
    }
    if (spaced === i || !isNameStart(c)) return undefined;
    const attrEnd = nameEndAt(text, spaced);
    const q = text.charCodeAt(attrEnd + 1);
    if (text.charCodeAt(attrEnd) !== EQ || (q !== QUOTE && q !== APOS)) return undefined;
    const close = text.indexOf(q === QUOTE ? '"' : "'", attrEnd + 2);
    if (close < 0) return undefined;
    const value = text.slice(attrEnd + 2, close);
    const attr = text.slice(spaced, attrEnd);
    if (value.includes('&') || value.includes('<') || Object.hasOwn(attributes, attr)) return undefined;
    if (attributes === NO_ATTRIBUTES) attributes = {};
    attributes[attr] = value;
    i = close + 1;
  }
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Text between tags with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` decoded; undefined for any other `&`. */
function entities(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start, end);
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0) return undefined;
    const value = XML_ENTITIES[raw.slice(amp + 1, semi)];
    if (value === undefined) return undefined;
    out += raw.slice(from, amp) + value;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

const XML_ENTITIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/** `[A-Za-z_]`: an ASCII name start (sax accepts more; anything else leaves the subset). */
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** End of an ASCII name `[A-Za-z0-9_:.-]*` from `i` (the test written out: this loop runs for every name character). */
function nameEndAt(text: string, i: number): number {
  let j = i;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46) j++;
    else return j;
  }
}

/** First index at or after `i` that is not XML whitespace (space, tab, CR, LF). */
function skipSpace(text: string, i: number): number {
  let j = i;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 10 || c === 13 || c === 9) j++;
    else return j;
  }
}

/** Counts line feeds before a position, moving forward only. */
class LineCounter {
  private line = 0;
  private next: number;

  constructor(private readonly text: string) {
    this.next = text.indexOf('\n');
  }

  /** Number of `\n` before index `at` (sax's 0-based line while it reads the character at `at`). */
  before(at: number): number {
    while (this.next >= 0 && this.next < at) {
      this.line++;
      this.next = this.text.indexOf('\n', this.next + 1);
    }
    return this.line;
  }
}
