/**
 * @fileoverview The iptables-save parser: iptables-save / ip6tables-save dumps (legacy and nft), restore input
 * (ufw user.rules, rules.v4) and `iptables -S` output → a first-match RuleSet.
 */
import { splitLines, type DecodedInput } from '../../src/input/decode.js';
import type { Parser, ParseOptions, ParseResult } from '../types.js';
import { looksLikeIptables } from './detect.js';
import { DiagnosticSink } from './diagnostics.js';
import { interpretRule } from './interpret.js';
import { normalizeDump } from './normalize.js';
import { parseDump } from './parse.js';

/** Parses decoded iptables text; never throws. */
export function parseIptables(input: DecodedInput, _options: ParseOptions = {}): ParseResult {
  if (input.encoding === 'binary') {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'IPT_EMPTY', message: 'binary content is not iptables-save text', ref: { file: input.file } }] };
  }
  const lines = toLines(input.text);
  if (lines.every((l) => l.trim() === '')) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'IPT_EMPTY', message: 'the file holds no iptables statements', ref: { file: input.file } }] };
  }
  const dump = parseDump(input.file, lines, interpretRule);
  const sink = new DiagnosticSink(input.file);
  for (const d of dump.diagnostics) sink.list.push(d);
  return { ok: true, ruleSet: normalizeDump(dump, sink) };
}

/** Lines of the text; a final newline does not start another line. */
function toLines(text: string): string[] {
  const lines = splitLines(text);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const iptablesSaveParser: Parser = {
  format: 'iptables-save',
  description: 'iptables-save / ip6tables-save dumps (legacy and nft), restore files (ufw user.rules) and iptables -S output',
  detect: (input) => input.encoding !== 'binary' && looksLikeIptables(input.text),
  parse: parseIptables,
};

/** Alias for callers that import the parser by role. */
export { iptablesSaveParser as parser };
export default iptablesSaveParser;
