/**
 * @fileoverview Stage 1 of the Registry.pol parser: a bounds-checked PReg reader. Layout: `PReg`, u32 version 1,
 * then entries `[key\0;value\0;type;size;data]` where strings, `[`, `;` and `]` are UTF-16LE and type/size are
 * u32 LE. Every offset and size is checked against the buffer; the first structural problem stops the read with
 * its byte offset (entries before it are kept). Never throws, never loops without consuming bytes.
 */

/** One entry, with its 1-based index and the byte offset of its `[`. */
export interface PolEntry {
  readonly index: number;
  readonly offset: number;
  readonly key: string;
  readonly name: string;
  readonly type: number;
  readonly data: Uint8Array;
}

export interface PolFile {
  readonly entries: readonly PolEntry[];
  /** The structural problem that ended the read, with the byte offset where it was found. */
  readonly error?: { readonly offset: number; readonly message: string };
}

/** The PReg magic, `PReg` in ASCII. */
export const PREG_MAGIC = [0x50, 0x52, 0x65, 0x67] as const;
/** Longest key or value name accepted (registry limits: 255 for names, 32767 for paths). */
const MAX_STRING_UNITS = 32767;

const UTF16 = new TextDecoder('utf-16le');
const OPEN = 0x5b;
const SEMI = 0x3b;
const CLOSE = 0x5d;

class Failure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Reads the whole file. */
export function readPolFile(bytes: Uint8Array): PolFile {
  if (bytes.length < 8 || !PREG_MAGIC.every((b, i) => bytes[i] === b)) {
    return { entries: [], error: { offset: 0, message: 'not a PReg file (missing "PReg" signature)' } };
  }
  const version = u32(bytes, 4);
  if (version !== 1) return { entries: [], error: { offset: 4, message: `unsupported PReg version ${version} (expected 1)` } };
  const entries: PolEntry[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    const r = readEntry(bytes, pos, entries.length + 1);
    if (r instanceof Failure) return { entries, error: { offset: r.offset, message: r.message } };
    entries.push(r.entry);
    pos = r.next;
  }
  return { entries };
}

function readEntry(b: Uint8Array, start: number, index: number): { entry: PolEntry; next: number } | Failure {
  let pos = expect(b, start, OPEN, '"["');
  if (pos instanceof Failure) return pos;
  const key = readString(b, pos, 'key name');
  if (key instanceof Failure) return key;
  pos = expect(b, key.next, SEMI, '";" after the key name');
  if (pos instanceof Failure) return pos;
  const name = readString(b, pos, 'value name');
  if (name instanceof Failure) return name;
  pos = expect(b, name.next, SEMI, '";" after the value name');
  if (pos instanceof Failure) return pos;
  const type = readU32(b, pos, 'value type');
  if (type instanceof Failure) return type;
  pos = expect(b, pos + 4, SEMI, '";" after the value type');
  if (pos instanceof Failure) return pos;
  const size = readU32(b, pos, 'data size');
  if (size instanceof Failure) return size;
  pos = expect(b, pos + 4, SEMI, '";" after the data size');
  if (pos instanceof Failure) return pos;
  if (size > b.length - pos) {
    return new Failure(pos, `data size ${size} exceeds the ${b.length - pos} bytes left in the file (truncated or corrupt entry ${index})`);
  }
  const data = b.subarray(pos, pos + size);
  const next = expect(b, pos + size, CLOSE, `"]" closing entry ${index} (data size ${size} does not match the entry)`);
  if (next instanceof Failure) return next;
  return { entry: { index, offset: start, key: key.text, name: name.text, type, data }, next };
}

/** Expects the UTF-16LE code unit `unit` at `pos`; returns the position after it. */
function expect(b: Uint8Array, pos: number, unit: number, what: string): number | Failure {
  if (pos + 2 > b.length) return new Failure(pos, `file ends where ${what} was expected`);
  if (b[pos] !== unit || b[pos + 1] !== 0) return new Failure(pos, `expected ${what}`);
  return pos + 2;
}

/** A NUL-terminated UTF-16LE string at `pos`; `next` is the position after the terminator. */
function readString(b: Uint8Array, pos: number, what: string): { text: string; next: number } | Failure {
  const limit = Math.min(b.length - 1, pos + MAX_STRING_UNITS * 2);
  for (let i = pos; i < limit; i += 2) {
    if (b[i] === 0 && b[i + 1] === 0) return { text: UTF16.decode(b.subarray(pos, i)), next: i + 2 };
  }
  return new Failure(pos, `unterminated ${what}`);
}

function readU32(b: Uint8Array, pos: number, what: string): number | Failure {
  if (pos + 4 > b.length) return new Failure(pos, `file ends inside the ${what}`);
  return u32(b, pos);
}

function u32(b: Uint8Array, pos: number): number {
  return ((b[pos] ?? 0) | ((b[pos + 1] ?? 0) << 8) | ((b[pos + 2] ?? 0) << 16) | ((b[pos + 3] ?? 0) << 24)) >>> 0;
}
