/**
 * @fileoverview Turns raw bytes into text: BOM and NUL-pattern sniffing for UTF-16LE/BE, UTF-8 with or
 * without BOM, and a CP1252 fallback for bytes that are not valid UTF-8. Line ends stay as they are.
 */
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'binary';

/** An input file after decoding. Parsers receive this, never a path. */
export interface DecodedInput {
  /** The path as the user gave it; used in every SourceRef. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** The decoded text without BOM ('' for binary content). */
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** Decodes bytes, sniffing the encoding. Binary content (NULs that are not UTF-16) gets encoding 'binary'. */
export function decode(file: string, bytes: Uint8Array): DecodedInput {
  const enc = sniff(bytes);
  return { file, bytes, encoding: enc, text: enc === 'binary' ? '' : toText(bytes, enc) };
}

/** Decodes a string that is already text (tests, stdin). */
export function fromText(file: string, text: string): DecodedInput {
  return { file, bytes: new TextEncoder().encode(text), text, encoding: 'utf-8' };
}

/** Binary containers recognised by their magic (Registry.pol `PReg`, registry hive `regf`): never decoded as text. */
const BINARY_MAGIC = ['PReg', 'regf'];

function sniff(b: Uint8Array): TextEncoding {
  if (BINARY_MAGIC.some((m) => [...m].every((ch, i) => b[i] === ch.charCodeAt(0)))) return 'binary';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  const n = Math.min(b.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const pairs = n / 2;
  if (pairs > 0 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (pairs > 0 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  // A NUL anywhere in a file that is not UTF-16 makes it binary, wherever it sits (not only in the sniffed head).
  if (evenNul + oddNul > 0 || b.indexOf(0, n) !== -1) return 'binary';
  return isUtf8(b) ? 'utf-8' : 'windows-1252';
}

function toText(b: Uint8Array, enc: TextEncoding): string {
  switch (enc) {
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(b).replace(/^\uFEFF/, '');
    case 'utf-16be':
      return new TextDecoder('utf-16be').decode(b).replace(/^\uFEFF/, '');
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(b.subarray(3));
    case 'windows-1252':
      return decodeCp1252(b);
    default:
      return new TextDecoder('utf-8').decode(b);
  }
}

/** Windows-1252 characters of the bytes 0x80–0x9F (the five unassigned bytes keep their C1 code point, as in WHATWG). */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252 by hand: Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, turning €, ‚ and “ ” into C1
 * control characters. Latin-1 first, then the 0x80–0x9F block mapped.
 */
function decodeCp1252(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Splits text into lines, accepting CRLF, LF and lone CR. Line i (0-based) is line i+1 in references. */
export function splitLines(text: string): string[] {
  // Fast paths (several times quicker than the regex split on large exports): text with one kind of line end.
  // Mixed line ends (or a lone CR) take the general split.
  if (!text.includes('\r')) return text.split('\n');
  if (text.includes('\r\n')) {
    const lines = text.split('\r\n');
    // Every CR and every LF belongs to a CRLF exactly when each occurs once per split.
    const breaks = lines.length - 1;
    if (occurrences(text, '\n') === breaks && occurrences(text, '\r') === breaks) return lines;
  }
  return text.split(/\r\n|\n|\r/);
}

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
