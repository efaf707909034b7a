/**
 * @fileoverview Bounds-checked access to the cells of a regf hive: the base block (4096 bytes: `regf`, version at
 * 0x14/0x18, file type 0x1C, root cell offset 0x24, hive-bins size 0x28), and allocated cells (i32 size, negative
 * when in use) addressed by offsets relative to the first hive bin at 0x1000. Every read checks the buffer end;
 * failures are HiveError values, never exceptions.
 */

export const BASE_BLOCK = 0x1000;

/** A structural problem, with the absolute byte offset where it was found. */
export class HiveError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** What the base block says. */
export interface BaseBlock {
  readonly major: number;
  readonly minor: number;
  readonly rootCell: number;
  /** End of the hive-bins data (absolute), clamped to the buffer. */
  readonly end: number;
  /** True when the base block declares more hive-bins data than the file holds. */
  readonly truncated: boolean;
}

/** Reads and checks the base block. Supported: regf 1.2 – 1.6, primary file, direct-memory-load format 1. */
export function readBaseBlock(b: Uint8Array): BaseBlock | HiveError {
  if (b.length < 4 || b[0] !== 0x72 || b[1] !== 0x65 || b[2] !== 0x67 || b[3] !== 0x66) return new HiveError(0, 'not a registry hive (missing "regf" signature)');
  if (b.length < BASE_BLOCK + 32) return new HiveError(b.length, `file ends after ${b.length} bytes, inside the base block or first hive bin`);
  const major = u32(b, 0x14);
  const minor = u32(b, 0x18);
  if (major !== 1 || minor < 2 || minor > 6) return new HiveError(0x14, `unknown regf version ${major}.${minor} (known: 1.2 to 1.6)`);
  if (u32(b, 0x1c) !== 0) return new HiveError(0x1c, `file type ${u32(b, 0x1c)} is a transaction log, not a primary hive`);
  const declared = u32(b, 0x28);
  const end = Math.min(b.length, BASE_BLOCK + declared);
  return { major, minor, rootCell: u32(b, 0x24), end, truncated: BASE_BLOCK + declared > b.length };
}

/** The data of the allocated cell at hive offset `cell` (without its 4-byte size), or an error. */
export function cellData(b: Uint8Array, base: BaseBlock, cell: number, what: string): Uint8Array | HiveError {
  const abs = BASE_BLOCK + cell;
  if (cell % 8 !== 0 || cell === 0xffffffff || abs + 4 > base.end) return new HiveError(abs, `${what} cell offset 0x${cell.toString(16)} is outside the hive`);
  const size = i32(b, abs);
  if (size >= 0) return new HiveError(abs, `${what} cell at 0x${cell.toString(16)} is not allocated`);
  const len = -size;
  if (len < 8 || abs + len > base.end) return new HiveError(abs, `${what} cell at 0x${cell.toString(16)} has an impossible size ${len}`);
  return b.subarray(abs + 4, abs + len);
}

/** Whether `data` starts with the two-letter record signature. */
export function hasSignature(data: Uint8Array, sig: string): boolean {
  return data.length >= 2 && data[0] === sig.charCodeAt(0) && data[1] === sig.charCodeAt(1);
}

export function u16(b: Uint8Array, pos: number): number {
  return (b[pos] ?? 0) | ((b[pos + 1] ?? 0) << 8);
}

export function u32(b: Uint8Array, pos: number): number {
  return ((b[pos] ?? 0) | ((b[pos + 1] ?? 0) << 8) | ((b[pos + 2] ?? 0) << 16) | ((b[pos + 3] ?? 0) << 24)) >>> 0;
}

function i32(b: Uint8Array, pos: number): number {
  return u32(b, pos) | 0;
}

const LATIN1 = new TextDecoder('latin1');
const UTF16 = new TextDecoder('utf-16le');

/** A key or value name: compressed (one byte per char) or UTF-16LE; undefined when it runs past `data`. */
export function readName(data: Uint8Array, at: number, length: number, compressed: boolean): string | undefined {
  if (at + length > data.length) return undefined;
  const bytes = data.subarray(at, at + length);
  return compressed ? LATIN1.decode(bytes) : UTF16.decode(bytes);
}
