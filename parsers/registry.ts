/**
 * @fileoverview The lazy parser registry: cheap content detection for every format, and each parser's module loaded
 * only when its format is chosen. Adding a format = one folder + one line in PARSER_ENTRIES.
 */
import type { DecodedInput } from '../src/input/decode.js';
import { looksLikeCsv } from './csv/detect.js';
import { looksLikeGpoXml } from './gpo-xml/detect.js';
import { looksLikeIptables } from './iptables-save/detect.js';
import { looksLikeNetsh } from './netsh/detect.js';
import { looksLikeNftJson, looksLikeNftText } from './nft/detect.js';
import { looksLikePsJson } from './ps-json/detect.js';
import { looksLikeReg } from './reg/detect.js';
import { looksLikeRegistryPol } from './registry-pol/detect.js';
import { recognize } from './rejected/index.js';
import { looksLikeWfw } from './wfw/detect.js';
import type { FormatId, Parser } from './types.js';

/** One format: its content signature (the same test as its Parser's `detect`) and how to load its Parser. */
export interface ParserEntry {
  readonly format: FormatId;
  /** Whether the decoded content looks like this format; must agree with the loaded Parser's `detect`. */
  readonly detect: (input: DecodedInput) => boolean;
  /** Imports the format's module (parsers/<format>/index.js) and yields its default-exported Parser. */
  readonly load: () => Promise<{ readonly default: Parser }>;
}

/**
 * Every format, in detection order: byte signatures first, then the most specific text signatures; the recogniser of
 * lossy artifacts (GPO HTML, Format-List text, …) before CSV, whose detection accepts any table so that it can refuse
 * unknown layouts with a clear message.
 */
export const PARSER_ENTRIES: readonly ParserEntry[] = [
  { format: 'registry-pol', detect: (i) => looksLikeRegistryPol(i.bytes), load: () => import('./registry-pol/index.js') },
  { format: 'wfw', detect: (i) => looksLikeWfw(i.bytes), load: () => import('./wfw/index.js') },
  { format: 'gpo-xml', detect: (i) => looksLikeGpoXml(i.text), load: () => import('./gpo-xml/index.js') },
  { format: 'reg', detect: (i) => looksLikeReg(i.text), load: () => import('./reg/index.js') },
  { format: 'netsh', detect: (i) => looksLikeNetsh(i.text), load: () => import('./netsh/index.js') },
  { format: 'iptables-save', detect: (i) => i.encoding !== 'binary' && looksLikeIptables(i.text), load: () => import('./iptables-save/index.js') },
  { format: 'nft', detect: (i) => i.encoding !== 'binary' && (looksLikeNftJson(i.text) || looksLikeNftText(i.text)), load: () => import('./nft/index.js') },
  { format: 'ps-json', detect: (i) => looksLikePsJson(i.text), load: () => import('./ps-json/index.js') },
  { format: 'rejected', detect: (i) => recognize(i.text) !== undefined, load: () => import('./rejected/index.js') },
  { format: 'csv', detect: (i) => looksLikeCsv(i.text), load: () => import('./csv/index.js') },
];

/** Formats a user can name with --input-format. */
export const FORMAT_IDS: readonly FormatId[] = PARSER_ENTRIES.map((e) => e.format).filter((f) => f !== 'rejected');

/** The format a user may select by this name (`--input-format`), if any; 'rejected' is never selectable. */
export function selectableFormat(name: string): FormatId | undefined {
  return FORMAT_IDS.find((f) => f === name);
}

/** The first format whose signature matches the content, without loading any parser. */
export function detectFormatId(input: DecodedInput): FormatId | undefined {
  return PARSER_ENTRIES.find((e) => e.detect(input))?.format;
}

const loading = new Map<FormatId, Promise<Parser>>();

/** The Parser of a registered format, its module imported on first use. */
export function loadParser(format: FormatId): Promise<Parser> {
  const cached = loading.get(format);
  if (cached !== undefined) return cached;
  const entry = PARSER_ENTRIES.find((e) => e.format === format);
  if (entry === undefined) return Promise.reject(new Error(`no parser is registered for format "${format}"`));
  const parser = entry.load().then((m) => m.default);
  loading.set(format, parser);
  return parser;
}
