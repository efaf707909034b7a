/**
 * @fileoverview A minimal read-only regf walker: from the root key, depth-first over subkeys, collecting each key's
 * values. Guards: a key cell is visited once (cycles), depth ≤ 32, at most 200,000 keys. A damaged value or subkey
 * list is skipped and reported; a damaged base block or root key makes the whole hive unreadable.
 */
import { HiveError, readBaseBlock, type BaseBlock } from './hive-cells.js';
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
}

/** Reads the hive; never throws. */
export function readHive(bytes: Uint8Array): HiveResult {
  const base = readBaseBlock(bytes);
  if (base instanceof HiveError) return { ok: false, error: base };
  const walk: Walk = { b: bytes, base, visited: new Set(), problems: [] };
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
  else for (const vc of valueCells) keep(w, readValue(w.b, w.base, vc), values);
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

function keep<T>(w: Walk, item: T | HiveError, into: T[]): void {
  if (item instanceof HiveError) w.problems.push(item);
  else into.push(item);
}
