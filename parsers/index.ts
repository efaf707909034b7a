/**
 * @fileoverview Parser registry and content-based format detection. Adding a format = one folder + one line here.
 */
import type { DecodedInput } from '../src/input/decode.js';
import { csvParser } from './csv/index.js';
import { gpoXmlParser } from './gpo-xml/index.js';
import { iptablesSaveParser } from './iptables-save/index.js';
import { netshParser } from './netsh/index.js';
import { nftParser } from './nft/index.js';
import { psJsonParser } from './ps-json/index.js';
import { regParser } from './reg/index.js';
import { registryPolParser } from './registry-pol/index.js';
import { rejectedParser } from './rejected/index.js';
import { wfwParser } from './wfw/index.js';
import type { FormatId, Parser } from './types.js';

export type { FormatId, Parser, ParseOptions, ParseResult } from './types.js';

/**
 * Every parser, in detection order: byte signatures first, then the most specific text signatures; the recogniser of
 * lossy artifacts (GPO HTML, Format-List text, …) before CSV, whose detection accepts any table so that it can refuse
 * unknown layouts with a clear message.
 */
export const parsers: readonly Parser[] = [registryPolParser, wfwParser, gpoXmlParser, regParser, netshParser, iptablesSaveParser, nftParser, psJsonParser, rejectedParser, csvParser];

/** Formats a user can name with --input-format. */
export const FORMAT_IDS: readonly FormatId[] = parsers.map((p) => p.format).filter((f) => f !== 'rejected');

/** The parser for a format id. */
export function parserFor(format: string): Parser | undefined {
  return format === 'rejected' ? undefined : parsers.find((p) => p.format === format);
}

/** The first parser whose signature matches the content. */
export function detectFormat(input: DecodedInput): Parser | undefined {
  return parsers.find((p) => p.detect(input));
}
