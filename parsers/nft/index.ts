/**
 * @fileoverview The nft parser: `nft list ruleset` text (and nft scripts) and `nft -j list ruleset` JSON, detected
 * by content, both read into one intermediate representation and normalized by the same code into a first-match
 * RuleSet with nftables hook order.
 */
import type { DecodedInput } from '../../src/input/decode.js';
import type { Parser, ParseOptions, ParseResult } from '../types.js';
import { looksLikeNftJson, looksLikeNftText } from './detect.js';
import { parseNftJson } from './json-parse.js';
import { normalizeDocument } from './normalize.js';
import { parseNftText } from './text-parse.js';

/** Parses decoded nft text or JSON; never throws. */
export function parseNft(input: DecodedInput, _options: ParseOptions = {}): ParseResult {
  const file = input.file;
  if (input.encoding === 'binary' || input.text.trim() === '') {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'NFT_EMPTY', message: 'the file holds no nftables ruleset', ref: { file } }] };
  }
  if (looksLikeNftJson(input.text)) {
    const r = parseNftJson(file, input.text);
    return r.ok ? { ok: true, ruleSet: normalizeDocument(r.doc, r.sink) } : r;
  }
  const { doc, sink } = parseNftText(file, input.text);
  return { ok: true, ruleSet: normalizeDocument(doc, sink) };
}

/** The nft parser of the registry (format id `nft`). */
export const nftParser: Parser = {
  format: 'nft',
  description: 'nftables: `nft list ruleset` text, nft scripts and `nft -j list ruleset` JSON',
  detect: (input) => input.encoding !== 'binary' && (looksLikeNftJson(input.text) || looksLikeNftText(input.text)),
  parse: parseNft,
};

export default nftParser;
