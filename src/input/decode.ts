/**
 * @fileoverview Turns raw bytes into text: BOM and NUL-pattern sniffing for UTF-16LE/BE, UTF-8 with or
 * without BOM, and a CP1252 fallback for bytes that are not valid UTF-8. Line ends stay as they are.
 */

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
  if (evenNul + oddNul > 0) return 'binary';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
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
      return new TextDecoder('windows-1252').decode(b);
    default:
      return new TextDecoder('utf-8').decode(b);
  }
}

/** Splits text into lines, accepting CRLF, LF and lone CR. Line i (0-based) is line i+1 in references. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
