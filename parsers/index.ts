/**
 * @fileoverview Parser registry and content-based format detection. Adding a format = one folder + one line here.
 */
import type { DecodedInput } from '../src/input/decode.js';
import { gpoXmlParser } from './gpo-xml/index.js';
import { iptablesSaveParser } from './iptables-save/index.js';
import { netshParser } from './netsh/index.js';
import { regParser } from './reg/index.js';
import { registryPolParser } from './registry-pol/index.js';
import { wfwParser } from './wfw/index.js';
import type { FormatId, Parser } from './types.js';

export type { FormatId, Parser, ParseOptions, ParseResult } from './types.js';

/** Every parser, in detection order: byte signatures first, then the most specific text signatures. */
export const parsers: readonly Parser[] = [registryPolParser, wfwParser, gpoXmlParser, regParser, netshParser, iptablesSaveParser];

export const FORMAT_IDS: readonly FormatId[] = parsers.map((p) => p.format);

/** The parser for a format id. */
export function parserFor(format: string): Parser | undefined {
  return parsers.find((p) => p.format === format);
}

/** The first parser whose signature matches the content. */
export function detectFormat(input: DecodedInput): Parser | undefined {
  return parsers.find((p) => p.detect(input));
}
