/**
 * @fileoverview Reads one export: bytes → decoded text → detected format → parsed rule set + input summary.
 */
import { detectFormat, FORMAT_IDS, parserFor } from '../../parsers/index.js';
import type { ParseOptions } from '../../parsers/types.js';
import { decode } from '../input/decode.js';
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

/** Reads, detects and parses one input without judging it; unreadable files still throw InputError. */
export function readExport(path: string, opts: LoadOptions): ReadExport {
  const bytes = readInput(path);
  const input = decode(path, bytes);
  opts.timer?.mark('read');
  const parser = opts.inputFormat === undefined ? detectFormat(input) : parserFor(opts.inputFormat);
  if (parser === undefined) {
    if (opts.inputFormat !== undefined) throw new UsageError(`unknown --input-format "${opts.inputFormat}"; formats: ${FORMAT_IDS.join(', ')}`);
    const what = input.encoding === 'binary' ? 'a binary file' : 'text';
    throw new InputError(`${path}: not a supported firewall export (${what} of unknown format); formats: ${FORMAT_IDS.join(', ')}`);
  }
  const result = parser.parse(input, opts);
  opts.timer?.mark('parse');
  if (!result.ok) return { diagnostics: result.diagnostics, errors: result.diagnostics.filter((d) => d.severity === 'error') };
  const rs = result.ruleSet;
  const summary = {
    path,
    format: parser.format,
    encoding: input.encoding,
    sha256: sha256(bytes),
    ruleCount: rs.rules.length,
    diagnostics: rs.diagnostics,
    accounting: rs.accounting,
  };
  return { loaded: { ruleSet: rs, summary }, diagnostics: rs.diagnostics, errors: rs.diagnostics.filter((d) => d.severity === 'error') };
}

/** Loads one input for an audit. Invalid input throws InputError with `file:line: message`. */
export function loadInput(path: string, opts: LoadOptions): LoadedInput {
  const r = readExport(path, opts);
  if (r.loaded === undefined || r.errors.length > 0) throw new InputError(firstError(path, r.errors));
  return r.loaded;
}

function firstError(path: string, errors: readonly Diagnostic[]): string {
  const first = errors[0];
  if (first === undefined) return `${path}: the file could not be read as a firewall export`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run: k2audit parse ${path})` : '';
  return `${formatRef(first.ref)}: ${first.message}${more}`;
}
