/**
 * @fileoverview The parser registry with every parser loaded: for library callers and tests that want synchronous
 * lookups. The format list lives in registry.ts (lazy loading, used by the CLI); adding a format = one folder + one
 * line there.
 */
import type { DecodedInput } from '../src/input/decode.js';
import { PARSER_ENTRIES } from './registry.js';
import type { Parser } from './types.js';

export type { FormatId, Parser, ParseOptions, ParseResult } from './types.js';
export { FORMAT_IDS } from './registry.js';

/** Every parser, in detection order (see PARSER_ENTRIES). */
export const parsers: readonly Parser[] = await Promise.all(PARSER_ENTRIES.map(async (e) => (await e.load()).default));

/** The parser for a format id. */
export function parserFor(format: string): Parser | undefined {
  return format === 'rejected' ? undefined : parsers.find((p) => p.format === format);
}

/** The first parser whose signature matches the content. */
export function detectFormat(input: DecodedInput): Parser | undefined {
  return parsers.find((p) => p.detect(input));
}
