/**
 * @fileoverview Diagnostic codes of the iptables-save parser and one collector that ties them to file:line.
 */
import type { Diagnostic, DiagnosticSeverity } from '../../src/model/diagnostic.js';
import { oneLine } from '../shared/one-line.js';

/** Stable diagnostic codes (tests assert them). */
export type IptCode =
  | 'IPT_EMPTY'
  | 'IPT_LEGACY_TABLES_PRESENT'
  | 'IPT_INCOMPATIBLE_TABLE'
  | 'IPT_MISSING_COMMIT'
  | 'IPT_STRAY_COMMIT'
  | 'IPT_TABLE_ASSUMED'
  | 'IPT_UNKNOWN_TABLE'
  | 'IPT_DUPLICATE_TABLE'
  | 'IPT_UNSUPPORTED_COMMAND'
  | 'IPT_UNREADABLE_LINE'
  | 'IPT_UNTERMINATED_QUOTE'
  | 'IPT_BAD_POLICY'
  | 'IPT_UNDECLARED_CHAIN'
  | 'IPT_POLICY_NOT_EXPORTED'
  | 'IPT_NO_BUILTIN_CHAINS'
  | 'IPT_NO_FILTER_CHAIN'
  | 'IPT_ROUTED_CHAIN'
  | 'IPT_UNREACHABLE_CHAIN'
  | 'IPT_NAT_REDIRECT'
  | 'IPT_FAMILY_INFERRED'
  | 'IPT_MIXED_FAMILIES'
  | 'IPT_UNKNOWN_OPTION'
  | 'IPT_UNKNOWN_MATCH'
  | 'IPT_UNKNOWN_TARGET'
  | 'IPT_LEGACY_NEGATION'
  | 'IPT_MISSING_VALUE'
  | 'IPT_BAD_TOKEN'
  | 'IPT_BAD_PORT'
  | 'IPT_BAD_ADDRESS'
  | 'IPT_BAD_PROTOCOL'
  | 'IPT_BAD_VALUE';

/** A problem found before the file name and line are attached. */
export interface Problem {
  readonly severity: DiagnosticSeverity;
  readonly code: IptCode;
  readonly message: string;
}

/** Collects diagnostics of one file. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];

  constructor(readonly file: string) {}

  /** Adds a diagnostic at `line` (undefined: the whole file). */
  add(severity: DiagnosticSeverity, code: IptCode, message: string, line: number | undefined): void {
    const ref = line === undefined ? { file: this.file } : { file: this.file, line };
    this.list.push({ severity, code, message: oneLine(message), ref });
  }

  /** Adds a problem found while reading one line. */
  addProblem(p: Problem, line: number): void {
    this.add(p.severity, p.code, p.message, line);
  }
}
