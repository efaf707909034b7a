/**
 * @fileoverview The parser seam: every input format is one folder under parsers/ exporting a `Parser`.
 */
import type { Diagnostic } from '../src/model/diagnostic.js';
import type { Direction, RuleSet } from '../src/model/rule.js';
import type { DecodedInput } from '../src/input/decode.js';

export type FormatId =
  | 'netsh'
  | 'iptables-save'
  | 'gpo-xml'
  | 'reg'
  | 'ps-json'
  | 'csv'
  | 'registry-pol'
  | 'wfw'
  | 'nft'
  | 'clixml'
  /** Lossy artifacts recognised only to be refused with the command to run instead (never selectable). */
  | 'rejected';

/** Options a user can pass that change how an export is read. */
export interface ParseOptions {
  /** Direction for exports that do not state it (e.g. a netsh `dir=in` dump is still explicit). */
  readonly direction?: Direction;
}

export type ParseResult =
  | { readonly ok: true; readonly ruleSet: RuleSet }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface Parser {
  readonly format: FormatId;
  readonly description: string;
  /** Whether the decoded content looks like this format (content sniffing, never the file name). */
  detect(input: DecodedInput): boolean;
  /** Parses; never throws on bad content: problems become diagnostics, fatal ones `ok: false`. */
  parse(input: DecodedInput, options: ParseOptions): ParseResult;
}
