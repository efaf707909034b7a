/**
 * @fileoverview Reads one export synchronously, with every parser loaded (parsers/index.ts): for library callers and
 * tests. The CLI uses load-input-async.ts, which imports only the parser of the detected format.
 */
import { parsers } from '../../parsers/index.js';
import type { LoadedInput } from '../engine/audit.js';
import { decodeExport, loadedOrThrow, parseExport, type LoadOptions, type ReadExport } from './load-input-async.js';

export { loadOptionsFrom, type LoadOptions, type ReadExport } from './load-input-async.js';

/** Reads, detects and parses one input without judging it; unreadable files still throw InputError. */
export function readExport(path: string, opts: LoadOptions): ReadExport {
  const d = decodeExport(path, opts);
  const parser = parsers.find((p) => p.format === d.format);
  if (parser === undefined) throw new Error(`no parser is registered for format "${d.format}"`);
  return parseExport(d, parser, opts);
}

/** Loads one input for an audit. Invalid input throws InputError with `file:line: message`. */
export function loadInput(path: string, opts: LoadOptions): LoadedInput {
  return loadedOrThrow(path, readExport(path, opts));
}
