/**
 * @fileoverview Byte ⇄ text views for the fuzz mutations: line edits decode the bytes the way they are encoded (UTF-8,
 * UTF-8 with BOM, UTF-16LE/BE with BOM, or Latin-1 for anything else) and encode the result the same way, so that an
 * edit keeps the encoding; `reencode` changes it on purpose.
 */

/** Target encodings of a `reencode` mutation. */
export const REENCODINGS = ['utf-16le', 'utf-16be', 'utf-16le-nobom', 'utf-8-bom', 'strip-bom', 'latin1', 'odd-byte'] as const;
export type Reencoding = (typeof REENCODINGS)[number];

/** The parts one after the other. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** How the bytes are viewed as text for line mutations, so that the result is re-encoded the same way. */
export type View = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1';

/** How `b` is encoded, as far as line edits need to know. */
export function viewOf(b: Uint8Array): View {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  if (b.includes(0)) return 'latin1';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return 'utf-8';
  } catch {
    return 'latin1';
  }
}

/** The text of `b` in its view (BOM removed). */
export function toText(b: Uint8Array, view: View): string {
  switch (view) {
    case 'utf-16le':
      return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(b.subarray(2));
    case 'utf-16be':
      return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(b.subarray(2));
    case 'utf-8-bom':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.subarray(3));
    case 'utf-8':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
    default:
      return Buffer.from(b).toString('latin1');
  }
}

/** `text` encoded in the view (BOM added back). */
export function fromText(text: string, view: View): Uint8Array {
  switch (view) {
    case 'utf-16le':
      return concat(Uint8Array.of(0xff, 0xfe), utf16(text, true));
    case 'utf-16be':
      return concat(Uint8Array.of(0xfe, 0xff), utf16(text, false));
    case 'utf-8-bom':
      return concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(text));
    case 'utf-8':
      return new TextEncoder().encode(text);
    default:
      return Uint8Array.from(Buffer.from(text, 'latin1'));
  }
}

/** UTF-16 code units as they are, lone surrogates included (TextEncoder would replace them). */
function utf16(text: string, le: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 * i] = le ? u & 255 : u >> 8;
    out[2 * i + 1] = le ? u >> 8 : u & 255;
  }
  return out;
}

/** `b` re-encoded, its BOM stripped, or cut to an odd length. */
export function reencode(b: Uint8Array, to: Reencoding): Uint8Array {
  const view = viewOf(b);
  const text = toText(b, view);
  switch (to) {
    case 'utf-16le':
      return fromText(text, 'utf-16le');
    case 'utf-16be':
      return fromText(text, 'utf-16be');
    case 'utf-16le-nobom':
      return utf16(text, true);
    case 'utf-8-bom':
      return fromText(text, 'utf-8-bom');
    case 'strip-bom':
      return view === 'utf-16le' || view === 'utf-16be' ? b.subarray(2) : view === 'utf-8-bom' ? b.subarray(3) : b;
    case 'latin1':
      return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
    case 'odd-byte':
      return b.length === 0 ? b : b.subarray(0, b.length % 2 === 0 ? b.length - 1 : b.length);
  }
}
