/**
 * @fileoverview Offsets and lines of the elements of the top-level `nftables` array, which JSON.parse does not
 * give: one linear pass over the (already validated) text. Lines are reported only where they tell elements apart
 * (pretty-printed JSON); `nft -j` prints everything on one line.
 */

/** One element of the `nftables` array. */
export interface ElementSpan {
  readonly start: number;
  readonly end: number;
  /** 1-based line of its first character when no other element starts on that line. */
  readonly line: number | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/** Spans of the `nftables` array elements of valid JSON text, in order. */
export function elementSpans(text: string): ElementSpan[] {
  const raw = scan(text);
  const lines = startLines(text, raw);
  const perLine = new Map<number, number>();
  for (const l of lines) perLine.set(l, (perLine.get(l) ?? 0) + 1);
  return raw.map(([start, end], i) => {
    const line = lines[i] as number;
    return { start, end, line: perLine.get(line) === 1 ? line : undefined };
  });
}

/** [start, end) of each element of the array that is the value of the root's `nftables` key. */
function scan(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let arrayDepth = -1;
  let lastKey = '';
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth === 1) lastKey = text.slice(i + 1, end - 1);
      if (depth === arrayDepth && start < 0) spans.push([i, end]);
      i = end - 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === arrayDepth && start < 0) start = i;
      depth++;
      if (c === 0x5b && depth === 2 && arrayDepth < 0 && lastKey === 'nftables') arrayDepth = 2;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === arrayDepth && start >= 0) {
        spans.push([start, i + 1]);
        start = -1;
      }
      if (depth === 1 && arrayDepth === 2 && c === 0x5d) arrayDepth = -3;
    } else if (depth === arrayDepth && start < 0 && c > 0x20 && c !== 0x2c) {
      let j = i + 1;
      while (j < text.length && !/[\s,\]]/.test(text[j] as string)) j++;
      spans.push([i, j]);
      i = j - 1;
    }
  }
  return spans;
}

/** Offset after the string literal starting at `from`. */
function stringEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i++;
  }
  return text.length;
}

/** Line of each span start (spans are in order, so one forward walk counts the line ends). */
function startLines(text: string, spans: readonly [number, number][]): number[] {
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const [start] of spans) {
    for (; at < start; at++) {
      const c = text.charCodeAt(at);
      if (c === LF || (c === CR && text.charCodeAt(at + 1) !== LF)) line++;
    }
    lines.push(line);
  }
  return lines;
}
