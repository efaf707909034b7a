/**
 * @fileoverview Parser registry and content-based format detection. Adding a format = one folder + one line here.
 */
import type { DecodedInput } from '../src/input/decode.js';
import { iptablesSaveParser } from './iptables-save/index.js';
import { netshParser } from './netsh/index.js';
import type { FormatId, Parser } from './types.js';

export type { FormatId, Parser, ParseOptions, ParseResult } from './types.js';

/** Every parser, in detection order (most specific signatures first). */
export const parsers: readonly Parser[] = [netshParser, iptablesSaveParser];

export const FORMAT_IDS: readonly FormatId[] = parsers.map((p) => p.format);

/** The parser for a format id. */
export function parserFor(format: string): Parser | undefined {
  return parsers.find((p) => p.format === format);
}

/** The first parser whose signature matches the content. */
export function detectFormat(input: DecodedInput): Parser | undefined {
  return parsers.find((p) => p.detect(input));
}
