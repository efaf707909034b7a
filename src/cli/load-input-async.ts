/**
 * @fileoverview Reads one export for the CLI: bytes → decoded text → detected format → the format's parser, imported
 * only now (parsers/registry.ts) → parsed rule set + input summary. load-input.ts is the synchronous variant.
 */
import { detectFormatId, FORMAT_IDS, loadParser, selectableFormat } from '../../parsers/registry.js';
import type { FormatId, Parser, ParseOptions } from '../../parsers/types.js';
import { decode, type DecodedInput } from '../input/decode.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Direction } from '../model/rule.js';
import { formatRef } from '../model/source-ref.js';
import type { LoadedInput } from '../engine/audit.js';
import type { StageTimer } from '../engine/stage-timer.js';
import { InputError, UsageError } from './errors.js';
import { readInput, sha256 } from './io.js';

export interface LoadOptions extends ParseOptions {
  /** `--input-format`: skip detection. */
  readonly inputFormat?: string;
  /** Benchmark hook: marks `read` and `parse`. */
  readonly timer?: StageTimer;
}

/** Load options from command-line values (`--input-format`, `--direction`) and an optional benchmark timer. */
export function loadOptionsFrom(a: { readonly inputFormat?: string | undefined; readonly direction?: Direction | undefined }, timer?: StageTimer): LoadOptions {
  return {
    ...(a.inputFormat === undefined ? {} : { inputFormat: a.inputFormat }),
    ...(a.direction === undefined ? {} : { direction: a.direction }),
    ...(timer === undefined ? {} : { timer }),
  };
}

/** What reading one export produced, errors included. */
export interface ReadExport {
  readonly loaded?: LoadedInput;
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
}

/** One export's bytes, their decoding, and the format to parse them as. */
export interface DecodedExport {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly input: DecodedInput;
  readonly format: FormatId;
}

/** Reads and decodes one export and picks its format (`--input-format`, else content detection). */
export function decodeExport(path: string, opts: LoadOptions): DecodedExport {
  const bytes = readInput(path);
  const input = decode(path, bytes);
  opts.timer?.mark('read');
  if (opts.inputFormat !== undefined) {
    const format = selectableFormat(opts.inputFormat);
    if (format === undefined) throw new UsageError(`unknown --input-format "${opts.inputFormat}"; formats: ${FORMAT_IDS.join(', ')}`);
    return { path, bytes, input, format };
  }
  const format = detectFormatId(input);
  if (format !== undefined) return { path, bytes, input, format };
  const what = input.encoding === 'binary' ? 'a binary file' : 'text';
  throw new InputError(`${path}: not a supported firewall export (${what} of unknown format); formats: ${FORMAT_IDS.join(', ')}`);
}

/** Parses a decoded export with its format's parser, without judging the result. */
export function parseExport(d: DecodedExport, parser: Parser, opts: LoadOptions): ReadExport {
  const result = parser.parse(d.input, opts);
  opts.timer?.mark('parse');
  if (!result.ok) return { diagnostics: result.diagnostics, errors: result.diagnostics.filter((x) => x.severity === 'error') };
  const rs = result.ruleSet;
  const summary = {
    path: d.path,
    format: parser.format,
    encoding: d.input.encoding,
    sha256: sha256(d.bytes),
    ruleCount: rs.rules.length,
    diagnostics: rs.diagnostics,
    accounting: rs.accounting,
  };
  return { loaded: { ruleSet: rs, summary }, diagnostics: rs.diagnostics, errors: rs.diagnostics.filter((x) => x.severity === 'error') };
}

/** The loaded input of a read, or an InputError with `file:line: message` when it has errors. */
export function loadedOrThrow(path: string, r: ReadExport): LoadedInput {
  if (r.loaded === undefined || r.errors.length > 0) throw new InputError(firstError(path, r.errors));
  return r.loaded;
}

/** Reads, detects and parses one input without judging it; unreadable files still throw InputError. */
export async function readExportAsync(path: string, opts: LoadOptions): Promise<ReadExport> {
  const d = decodeExport(path, opts);
  return parseExport(d, await loadParser(d.format), opts);
}

/** Loads one input for an audit. Invalid input throws InputError with `file:line: message`. */
export async function loadInputAsync(path: string, opts: LoadOptions): Promise<LoadedInput> {
  return loadedOrThrow(path, await readExportAsync(path, opts));
}

function firstError(path: string, errors: readonly Diagnostic[]): string {
  const first = errors[0];
  if (first === undefined) return `${path}: the file could not be read as a firewall export`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run: k2audit parse ${path})` : '';
  return `${formatRef(first.ref)}: ${first.message}${more}`;
}
