/**
 * @fileoverview A minimal read-only regf walker: from the root key, depth-first over subkeys, collecting each key's
 * values. Guards: a key cell is visited once (cycles), depth ≤ 32, at most 200,000 keys, value data ≤ the file size
 * (shared cells cannot multiply a small file). A damaged value or subkey
 * list is skipped and reported; a damaged base block or root key makes the whole hive unreadable.
 */
import { BASE_BLOCK, HiveError, readBaseBlock, type BaseBlock } from './hive-cells.js';
import { readKey, readSubkeyList, readValue, readValueList, type ValueRecord } from './hive-records.js';

/** One key of the hive with its path from the root (root = []). */
export interface HiveKey {
  readonly name: string;
  readonly path: readonly string[];
  readonly values: readonly ValueRecord[];
  readonly subkeys: readonly HiveKey[];
}

export type HiveResult =
  | { readonly ok: true; readonly root: HiveKey; readonly problems: readonly HiveError[] }
  | { readonly ok: false; readonly error: HiveError };

const MAX_DEPTH = 32;
const MAX_KEYS = 200_000;

interface Walk {
  readonly b: Uint8Array;
  readonly base: BaseBlock;
  readonly visited: Set<number>;
  readonly problems: HiveError[];
  /** Value data read so far: in a real hive each value owns its data cell, so the sum never exceeds the file size. */
  dataBytes: number;
}

/** Reads the hive; never throws. */
export function readHive(bytes: Uint8Array): HiveResult {
  const base = readBaseBlock(bytes);
  if (base instanceof HiveError) return { ok: false, error: base };
  const walk: Walk = { b: bytes, base, visited: new Set(), problems: [], dataBytes: 0 };
  if (base.truncated) walk.problems.push(new HiveError(bytes.length, 'the file is shorter than its base block declares (truncated copy)'));
  const root = readKeyTree(walk, base.rootCell, [], 0);
  if (root instanceof HiveError) return { ok: false, error: root };
  return { ok: true, root, problems: walk.problems };
}

function readKeyTree(w: Walk, cell: number, parentPath: readonly string[], depth: number): HiveKey | HiveError {
  if (w.visited.has(cell)) return new HiveError(cell, `key cell 0x${cell.toString(16)} is reached twice (cycle)`);
  if (w.visited.size >= MAX_KEYS) return new HiveError(cell, `more than ${MAX_KEYS} keys`);
  w.visited.add(cell);
  const key = readKey(w.b, w.base, cell);
  if (key instanceof HiveError) return key;
  const path = depth === 0 ? [] : [...parentPath, key.name];
  const values: ValueRecord[] = [];
  const valueCells = readValueList(w.b, w.base, key);
  if (valueCells instanceof HiveError) w.problems.push(valueCells);
  else readValues(w, key.name, cell, valueCells, values);
  const subkeys: HiveKey[] = [];
  if (key.subkeyCount > 0) {
    if (depth >= MAX_DEPTH) {
      w.problems.push(new HiveError(cell, `key "${key.name}" is nested deeper than ${MAX_DEPTH} levels; its subkeys were not read`));
    } else {
      const list = readSubkeyList(w.b, w.base, key.subkeyList);
      if (list instanceof HiveError) w.problems.push(list);
      else for (const sub of list) keep(w, readKeyTree(w, sub, path, depth + 1), subkeys);
    }
  }
  return { name: key.name, path, values, subkeys };
}

/**
 * Reads a key's values until the data read from the whole hive exceeds the file size: value lists that point many
 * times at the same cells would otherwise multiply a small file into gigabytes of rule strings.
 */
function readValues(w: Walk, keyName: string, cell: number, valueCells: readonly number[], into: ValueRecord[]): void {
  for (const vc of valueCells) {
    if (w.dataBytes > w.b.length) {
      w.problems.push(new HiveError(BASE_BLOCK + cell, `the values of key "${keyName}" share data cells (their data adds up to more than the file size); the remaining values were not read`));
      return;
    }
    const v = readValue(w.b, w.base, vc);
    if (!(v instanceof HiveError)) w.dataBytes += v.data.length;
    keep(w, v, into);
  }
}

function keep<T>(w: Walk, item: T | HiveError, into: T[]): void {
  if (item instanceof HiveError) w.problems.push(item);
  else into.push(item);
}
