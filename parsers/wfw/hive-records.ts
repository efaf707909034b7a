/**
 * @fileoverview The regf records a read-only walk needs: `nk` (key), subkey lists `lf`/`lh`/`li`/`ri`, value lists,
 * `vk` (value) and value data (inline, one data cell, or big data `db` with a segment list). Offsets inside each
 * record are checked against the record's own cell.
 */
import { BASE_BLOCK, cellData, hasSignature, HiveError, readName, u16, u32, type BaseBlock } from './hive-cells.js';

/** A key record. */
export interface KeyRecord {
  readonly name: string;
  readonly subkeyCount: number;
  readonly subkeyList: number;
  readonly valueCount: number;
  readonly valueList: number;
}

/** A value with its data bytes. */
export interface ValueRecord {
  readonly name: string;
  readonly type: number;
  readonly data: Uint8Array;
}

const BIG_DATA_SEGMENT = 16344;
const MAX_VALUES = 1_000_000;

export function readKey(b: Uint8Array, base: BaseBlock, cell: number): KeyRecord | HiveError {
  const d = cellData(b, base, cell, 'key');
  if (d instanceof HiveError) return d;
  if (!hasSignature(d, 'nk') || d.length < 0x4c) return new HiveError(BASE_BLOCK + cell, `cell 0x${cell.toString(16)} is not a key (nk) record`);
  const name = readName(d, 0x4c, u16(d, 0x48), (u16(d, 2) & 0x20) !== 0);
  if (name === undefined) return new HiveError(BASE_BLOCK + cell, `key name at 0x${cell.toString(16)} runs past its cell`);
  return { name, subkeyCount: u32(d, 0x14), subkeyList: u32(d, 0x1c), valueCount: u32(d, 0x24), valueList: u32(d, 0x28) };
}

/** Cell offsets of the subkeys listed at `cell` (`lf`/`lh`: 8-byte entries, `li`: 4-byte, `ri`: list of lists). */
export function readSubkeyList(b: Uint8Array, base: BaseBlock, cell: number, nested = false): number[] | HiveError {
  const d = cellData(b, base, cell, 'subkey list');
  if (d instanceof HiveError) return d;
  const count = u16(d, 2);
  const stride = hasSignature(d, 'lf') || hasSignature(d, 'lh') ? 8 : hasSignature(d, 'li') || hasSignature(d, 'ri') ? 4 : 0;
  if (stride === 0) return new HiveError(BASE_BLOCK + cell, `cell 0x${cell.toString(16)} is not a subkey list`);
  if (4 + count * stride > d.length) return new HiveError(BASE_BLOCK + cell, `subkey list at 0x${cell.toString(16)} claims ${count} entries but its cell is too small`);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(u32(d, 4 + i * stride));
  if (!hasSignature(d, 'ri')) return offsets;
  if (nested) return new HiveError(BASE_BLOCK + cell, `index root at 0x${cell.toString(16)} nested in another index root`);
  const all: number[] = [];
  for (const sub of offsets) {
    const part = readSubkeyList(b, base, sub, true);
    if (part instanceof HiveError) return part;
    all.push(...part);
  }
  return all;
}

/** Cell offsets of a key's values. */
export function readValueList(b: Uint8Array, base: BaseBlock, key: KeyRecord): number[] | HiveError {
  if (key.valueCount === 0) return [];
  const d = cellData(b, base, key.valueList, 'value list');
  if (d instanceof HiveError) return d;
  if (key.valueCount > MAX_VALUES || key.valueCount * 4 > d.length) {
    return new HiveError(BASE_BLOCK + key.valueList, `value list of key "${key.name}" claims ${key.valueCount} values but its cell is too small`);
  }
  const out: number[] = [];
  for (let i = 0; i < key.valueCount; i++) out.push(u32(d, i * 4));
  return out;
}

export function readValue(b: Uint8Array, base: BaseBlock, cell: number): ValueRecord | HiveError {
  const d = cellData(b, base, cell, 'value');
  if (d instanceof HiveError) return d;
  if (!hasSignature(d, 'vk') || d.length < 0x14) return new HiveError(BASE_BLOCK + cell, `cell 0x${cell.toString(16)} is not a value (vk) record`);
  const name = readName(d, 0x14, u16(d, 2), (u16(d, 0x10) & 1) !== 0);
  if (name === undefined) return new HiveError(BASE_BLOCK + cell, `value name at 0x${cell.toString(16)} runs past its cell`);
  const size = u32(d, 4);
  const type = u32(d, 0x0c);
  if ((size & 0x80000000) !== 0) {
    const len = size & 0x7fffffff;
    if (len > 4) return new HiveError(BASE_BLOCK + cell, `inline value "${name}" claims ${len} bytes (at most 4)`);
    return { name, type, data: d.subarray(8, 8 + len) };
  }
  const data = readData(b, base, u32(d, 8), size, name);
  return data instanceof HiveError ? data : { name, type, data };
}

function readData(b: Uint8Array, base: BaseBlock, cell: number, size: number, name: string): Uint8Array | HiveError {
  if (size === 0) return new Uint8Array(0);
  const d = cellData(b, base, cell, `data of value "${name}"`);
  if (d instanceof HiveError) return d;
  if (size > BIG_DATA_SEGMENT && base.minor >= 4 && hasSignature(d, 'db')) return readBigData(b, base, d, size, name);
  if (size > d.length) return new HiveError(BASE_BLOCK + cell, `value "${name}" claims ${size} data bytes but its cell holds ${d.length}`);
  return d.subarray(0, size);
}

/** Big data: `db`, segment count u16 at 2, segment-list cell at 4; each segment holds up to 16344 bytes. */
function readBigData(b: Uint8Array, base: BaseBlock, db: Uint8Array, size: number, name: string): Uint8Array | HiveError {
  const count = u16(db, 2);
  const list = cellData(b, base, u32(db, 4), `segment list of value "${name}"`);
  if (list instanceof HiveError) return list;
  if (count * 4 > list.length) return new HiveError(0, `segment list of value "${name}" is too small for ${count} segments`);
  // Checked before allocating: a lying size (up to 2 GB from a few bytes) must not become an allocation.
  if (size > b.length || size > count * BIG_DATA_SEGMENT) {
    return new HiveError(0, `big-data value "${name}" claims ${size} bytes, more than its ${count} segments or the whole file hold`);
  }
  const out = new Uint8Array(size);
  let filled = 0;
  for (let i = 0; i < count && filled < size; i++) {
    const seg = cellData(b, base, u32(list, i * 4), `segment ${i + 1} of value "${name}"`);
    if (seg instanceof HiveError) return seg;
    const take = Math.min(seg.length, BIG_DATA_SEGMENT, size - filled);
    out.set(seg.subarray(0, take), filled);
    filled += take;
  }
  if (filled < size) return new HiveError(0, `big-data value "${name}" holds ${filled} of its ${size} bytes`);
  return out;
}
