/**
 * @fileoverview Mutations of an export file as plain data (so a failing case prints and replays exactly), and the
 * function that applies them: byte flips, truncation, duplicated/deleted/swapped lines, inserted tokens, long lines
 * and encoding changes. Positions are unbounded naturals taken modulo the current length, so any mutation applies to
 * any file.
 */

import { concat, fromText, reencode, toText, viewOf, type Reencoding } from './text-view.js';

export { REENCODINGS, type Reencoding } from './text-view.js';

/** One change to the bytes of an input. */
export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly xor: number }
  | { readonly kind: 'set-byte'; readonly at: number; readonly value: number }
  | { readonly kind: 'insert-bytes'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'delete-bytes'; readonly at: number; readonly count: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate-line'; readonly line: number; readonly times: number }
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'swap-lines'; readonly a: number; readonly b: number }
  | { readonly kind: 'insert-token'; readonly line: number; readonly column: number; readonly token: string }
  | { readonly kind: 'replace-word'; readonly line: number; readonly word: number; readonly token: string }
  | { readonly kind: 'long-line'; readonly line: number; readonly length: number; readonly unit: string }
  /** `depth` openers (and, when `close`, the closers after them) inserted into a line: nesting for JSON, XML, braces. */
  | { readonly kind: 'nest'; readonly line: number; readonly column: number; readonly open: string; readonly close: string; readonly depth: number }
  | { readonly kind: 'reencode'; readonly to: Reencoding };

/** Applies the mutations in order. */
export function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  return mutations.reduce((b, m) => applyOne(b, m), bytes);
}

function applyOne(b: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'flip':
      return withByte(b, m.at, (x) => x ^ m.xor);
    case 'set-byte':
      return withByte(b, m.at, () => m.value);
    case 'insert-bytes': {
      const at = b.length === 0 ? 0 : m.at % (b.length + 1);
      return concat(b.subarray(0, at), Uint8Array.from(m.bytes), b.subarray(at));
    }
    case 'delete-bytes': {
      if (b.length === 0) return b;
      const at = m.at % b.length;
      return concat(b.subarray(0, at), b.subarray(at + m.count));
    }
    case 'truncate':
      return b.length === 0 ? b : b.slice(0, m.at % b.length);
    case 'reencode':
      return reencode(b, m.to);
    default:
      return onText(b, (lines) => applyToLines(lines, m));
  }
}

function withByte(b: Uint8Array, at: number, f: (x: number) => number): Uint8Array {
  if (b.length === 0) return b;
  const out = b.slice();
  const i = at % b.length;
  out[i] = f(out[i] ?? 0) & 255;
  return out;
}


function onText(b: Uint8Array, f: (lines: string[]) => string[]): Uint8Array {
  const view = viewOf(b);
  const text = toText(b, view);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return fromText(f(text.split(eol)).join(eol), view);
}

function applyToLines(lines: string[], m: Mutation): string[] {
  const n = lines.length;
  const out = [...lines];
  switch (m.kind) {
    case 'duplicate-line': {
      const i = m.line % n;
      out.splice(i, 0, ...Array<string>(m.times).fill(lines[i] ?? ''));
      return out;
    }
    case 'delete-line':
      out.splice(m.line % n, 1);
      return out;
    case 'swap-lines': {
      const a = m.a % n;
      const b = m.b % n;
      [out[a], out[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return out;
    }
    case 'insert-token': {
      const i = m.line % n;
      const line = lines[i] ?? '';
      const at = m.column % (line.length + 1);
      out[i] = line.slice(0, at) + m.token + line.slice(at);
      return out;
    }
    case 'replace-word': {
      const i = m.line % n;
      const words = (lines[i] ?? '').split(/(\s+|[,;|=:"])/);
      const at = words.length === 0 ? 0 : (m.word * 2) % words.length;
      words[at] = m.token;
      out[i] = words.join('');
      return out;
    }
    case 'nest': {
      const i = m.line % n;
      const line = lines[i] ?? '';
      const at = m.column % (line.length + 1);
      out[i] = line.slice(0, at) + m.open.repeat(m.depth) + m.close.repeat(m.depth) + line.slice(at);
      return out;
    }
    case 'long-line': {
      const i = m.line % n;
      const unit = m.unit === '' ? 'x' : m.unit;
      out[i] = (lines[i] ?? '') + unit.repeat(Math.ceil(m.length / unit.length)).slice(0, m.length);
      return out;
    }
    default:
      return out;
  }
}
