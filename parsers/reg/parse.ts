/**
 * @fileoverview Stage 1 of the .reg parser: lines → raw items with positions. Recognizes the header
 * (`Windows Registry Editor Version 5.00` / `REGEDIT4`), `[key]` and `[-key]` lines, value lines (hex data may
 * continue over lines ending in `\`), comments (`;`) and blank lines. Blank, comment and header lines are marked
 * here; items are marked by the normalizer.
 */
import { IGNORED, type ParseSink } from '../shared/parse-sink.js';
import { continues, parseData, splitValueLine, type RegData } from './value-syntax.js';

/** A `[key]` line. */
export interface RawKey {
  readonly kind: 'key';
  readonly line: number;
  readonly path: string;
  readonly deleted: boolean;
}

/** A value line (with its continuation lines) and the `[key]` it sits under, if any. */
export interface RawValue {
  readonly kind: 'value';
  readonly lines: readonly number[];
  readonly key: RawKey | undefined;
  readonly name: string;
  readonly data: RegData;
  readonly raw: string;
}

/** A line that is none of the above. */
export interface RawBad {
  readonly kind: 'bad';
  readonly lines: readonly number[];
  readonly error: string;
  readonly raw: string;
}

export type RawItem = RawKey | RawValue | RawBad;

export const HEADER = /^(Windows Registry Editor Version 5\.00|REGEDIT4)\s*$/;

/** Parses all lines; `sink` receives the marks for header, blank and comment lines. */
export function parseRegLines(lines: readonly string[], sink: ParseSink): RawItem[] {
  const items: RawItem[] = [];
  let key: RawKey | undefined;
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const line = i + 1;
    const trimmed = text.trim();
    if (trimmed === '') sink.ignored(line, IGNORED.blank);
    else if (trimmed.startsWith(';')) sink.ignored(line, 'comment');
    else if (!sawHeader && HEADER.test(trimmed)) {
      sawHeader = true;
      sink.parsed(line);
    } else if (trimmed.startsWith('[')) {
      const item = keyItem(trimmed, line);
      items.push(item);
      key = item.kind === 'key' ? item : undefined;
    } else {
      const consumed = valueItem(lines, i, key);
      items.push(consumed.item);
      i = consumed.last;
    }
  }
  return items;
}

function keyItem(text: string, line: number): RawKey | RawBad {
  const close = text.lastIndexOf(']');
  if (close < 0) return { kind: 'bad', lines: [line], error: 'key line without closing "]"', raw: text };
  const inner = text.slice(1, close);
  const deleted = inner.startsWith('-');
  return { kind: 'key', line, path: deleted ? inner.slice(1) : inner, deleted };
}

/** Reads the value at line index `start` and its continuation lines; `last` is the index of its last line. */
function valueItem(lines: readonly string[], start: number, key: RawKey | undefined): { item: RawItem; last: number } {
  const first = lines[start] ?? '';
  const split = splitValueLine(first.trimStart());
  if (!split.ok) return { item: { kind: 'bad', lines: [start + 1], error: split.error, raw: first }, last: start };
  let data = split.value.data;
  let last = start;
  const raw = [first];
  while (continues(data) && last + 1 < lines.length) {
    last++;
    const next = lines[last] ?? '';
    raw.push(next);
    data = data.trimEnd().slice(0, -1) + next.trim();
  }
  const lineNumbers = raw.map((_, k) => start + 1 + k);
  const parsed = parseData(data);
  if (!parsed.ok) return { item: { kind: 'bad', lines: lineNumbers, error: parsed.error, raw: raw.join('\n') }, last };
  return { item: { kind: 'value', lines: lineNumbers, key, name: split.value.name, data: parsed.value, raw: raw.join('\n') }, last };
}
