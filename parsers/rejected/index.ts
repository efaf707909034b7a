/**
 * @fileoverview The rejected-artifact parser: recognizes files that look like a firewall export but cannot be audited
 * (GPO HTML, Format-List/Format-Table text, `iptables -L`, Export-Clixml) and answers with one error that names the
 * exact command to run instead. It never produces rules.
 */
import { splitLines, type DecodedInput } from '../../src/input/decode.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { RECOGNIZERS, type Recognizer } from './recognizers.js';

const SNIFF_CHARS = 64 * 1024;
const SNIFF_LINES = 300;

/** The recognizer whose signature the text shows, if any. */
export function recognize(text: string): Recognizer | undefined {
  const head = text.slice(0, SNIFF_CHARS);
  const lines = splitLines(head).slice(0, SNIFF_LINES);
  return RECOGNIZERS.find((r) => r.matches(head, lines));
}

/** Always `ok: false`: one error with the command to run instead (or, for unrecognized text, what k2audit reads). */
export function parseRejected(input: DecodedInput, _options: ParseOptions): ParseResult {
  const r = recognize(input.text);
  const code = r?.code ?? 'REJECTED_UNKNOWN';
  const message = r?.message ?? 'not a recognized lossy artifact; run k2audit without --input-format to detect the format';
  return { ok: false, diagnostics: [{ severity: 'error', code, message, ref: { file: input.file } }] };
}

/**
 * The Parser for the registry. FormatId has no 'rejected' member and parsers/types.ts is not ours to edit, so it
 * borrows 'clixml' (whose only current answer is this refusal) until the lead adds an id for it.
 */
export const rejectedParser: Parser = {
  format: 'rejected',
  description: 'recognizes GPO HTML reports, Format-List/Format-Table text, iptables -L listings and Export-Clixml, and says what to run instead',
  detect: (input: DecodedInput) => recognize(input.text) !== undefined,
  parse: parseRejected,
};

export default rejectedParser;
