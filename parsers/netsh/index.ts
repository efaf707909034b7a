/**
 * @fileoverview The netsh parser: `netsh advfirewall firewall show rule name=all [verbose]` text, optionally
 * followed by `netsh advfirewall show allprofiles`, or the allprofiles output alone (English or German).
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { compareRefs } from '../../src/model/source-ref.js';
import { splitLines, type DecodedInput } from '../../src/input/decode.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { looksLikeNetsh } from './detect.js';
import { normalize } from './normalize.js';
import { normalizeRule } from './normalize-rule.js';
import { parseLines } from './parse.js';
import { ParseSink } from '../shared/parse-sink.js';

/** The one-line advice for exports netsh prints in a locale k2audit has no label table for. */
export const LOCALE_ADVICE =
  'export in a locale-independent way: run: Get-NetFirewallRule -PolicyStore ActiveStore … | ConvertTo-Json ' +
  '(see README), or reg export "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy" fw.reg';

/** Parses netsh text; fatal only for an unsupported locale or a file without any netsh structure. */
export function parseNetsh(input: DecodedInput, options: ParseOptions): ParseResult {
  const lines = inputLines(input.text);
  const sink = new ParseSink(input.file, lines.length);
  const doc = parseLines(lines, sink, (raw) => normalizeRule(raw, sink, options));
  const empty = doc.rules.length === 0 && doc.profiles.length === 0 && doc.noRulesLines.length === 0;
  if (empty && doc.foreignHeaderLine !== undefined) {
    const label = (lines[doc.foreignHeaderLine - 1] ?? '').split(/\s*[:：]/)[0]?.trim() ?? '';
    return fatal(input.file, doc.foreignHeaderLine, 'NETSH_UNSUPPORTED_LOCALE', `netsh labels are neither English nor German ("${label}"); ${LOCALE_ADVICE}`);
  }
  if (empty) {
    return fatal(input.file, undefined, 'NETSH_NO_CONTENT', 'no netsh rule block or profile section found');
  }
  const ruleSet = normalize(doc, sink, options);
  return { ok: true, ruleSet: { ...ruleSet, diagnostics: sortDiagnostics(ruleSet.diagnostics) } };
}

/** Lines of the text; the empty string after a final line break is not a line. */
function inputLines(text: string): string[] {
  const lines = splitLines(text);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function fatal(file: string, line: number | undefined, code: string, message: string): ParseResult {
  const ref = line === undefined ? { file } : { file, line };
  return { ok: false, diagnostics: [{ severity: 'error', code, message, ref }] };
}

function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => compareRefs(a.ref, b.ref));
}

/** The netsh Parser for the registry. */
export const netshParser: Parser = {
  format: 'netsh',
  description: 'netsh advfirewall firewall show rule name=all [verbose] (+ show allprofiles) text, English or German',
  detect: (input: DecodedInput) => looksLikeNetsh(input.text),
  parse: parseNetsh,
};

export default netshParser;
