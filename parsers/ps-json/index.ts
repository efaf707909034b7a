/**
 * @fileoverview The PowerShell JSON parser: `Get-NetFirewallRule` (with its port/address/application/service filters
 * joined) and `Get-NetFirewallProfile` as `ConvertTo-Json` writes them, including the document our collection script
 * (scripts/collect-k2-firewall.ps1) produces. Raw rules without filter data are refused with the command to run.
 */
import type { DecodedInput } from '../../src/input/decode.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { compareRefs } from '../../src/model/source-ref.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { COLLECT_ADVICE } from './advice.js';
import { looksLikePsJson } from './detect.js';
import { locate } from './document.js';
import { LineIndex } from './line-index.js';
import type { JsonValue } from './json-values.js';
import { normalize } from './normalize.js';
import { oneLine } from '../shared/one-line.js';

/**
 * Parses PowerShell JSON; fatal for invalid JSON, unknown shapes, filters without rules and rules without filters.
 * Options are not used: every PowerShell rule states its direction.
 */
export function parsePsJson(input: DecodedInput, _options: ParseOptions): ParseResult {
  const text = input.text;
  if (text.trim() === '') return fatal(input.file, 'PSJSON_EMPTY', 'the file is empty');
  let root: JsonValue;
  try {
    root = JSON.parse(text) as JsonValue;
  } catch (e) {
    return invalidJson(input.file, text, e);
  }
  const located = locate(root);
  if (!located.ok && located.reason === 'filters-only') {
    return fatal(input.file, 'PSJSON_FILTERS_ONLY', `the file holds filter objects only, without the rules' Enabled/Direction/Action; ${COLLECT_ADVICE}`);
  }
  if (!located.ok) return fatal(input.file, 'PSJSON_UNRECOGNIZED', `no Get-NetFirewallRule or Get-NetFirewallProfile objects found; ${COLLECT_ADVICE}`);
  const rs = normalize(text, input.file, located.doc);
  if ('code' in rs) return fatal(input.file, rs.code, rs.message);
  return { ok: true, ruleSet: { ...rs, diagnostics: sortDiagnostics(rs.diagnostics) } };
}

function invalidJson(file: string, text: string, e: unknown): ParseResult {
  const message = (e instanceof Error ? e.message : String(e)).replace(/, (?:\.\.\.)?"[^]*"(?:\.\.\.)? is not valid JSON$/, '');
  const at = /position (\d+)/.exec(message);
  const line = at === null ? undefined : new LineIndex(text).lineAt(Number(at[1]));
  // V8 quotes the text around the error (newlines included) in "Unexpected token" messages: dropped above.
  const detail = oneLine(message.replace(/\s*\(line \d+ column \d+\)/, ''));
  return fatal(file, 'PSJSON_INVALID_JSON', `not valid JSON (${detail}); was the file truncated or edited?`, line);
}

function fatal(file: string, code: string, message: string, line?: number): ParseResult {
  const ref = line === undefined ? { file } : { file, line };
  return { ok: false, diagnostics: [{ severity: 'error', code, message, ref }] };
}

function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => compareRefs(a.ref, b.ref));
}

/** The PowerShell JSON Parser for the registry. */
export const psJsonParser: Parser = {
  format: 'ps-json',
  description: 'PowerShell Get-NetFirewallRule (+ filters) / Get-NetFirewallProfile ConvertTo-Json, incl. scripts/collect-k2-firewall.ps1 output',
  detect: (input: DecodedInput) => looksLikePsJson(input.text),
  parse: parsePsJson,
};

export default psJsonParser;
