/**
 * @fileoverview The rule fields PowerShell JSON and Windows-shaped CSV share: canonical keys, and one raw rule as a
 * map of key → value items, each with the position it came from. Both parsers fill it; win-rule.ts reads it.
 */
import type { SourceRef } from '../../src/model/source-ref.js';

/** Canonical Windows rule fields (Get-NetFirewallRule + its filter objects, Export List columns, native CSV). */
export type WinFieldKey =
  | 'id'
  | 'name'
  | 'group'
  | 'enabled'
  | 'direction'
  | 'action'
  | 'override'
  | 'profile'
  | 'protocol'
  | 'localPort'
  | 'remotePort'
  | 'port'
  | 'icmpType'
  | 'localAddress'
  | 'remoteAddress'
  | 'program'
  | 'package'
  | 'service'
  | 'interfaceType'
  | 'interfaceAlias'
  | 'localUser'
  | 'remoteUser'
  | 'remoteMachine'
  | 'owner'
  | 'authentication'
  | 'encryption'
  | 'store'
  | 'storeName';

/** A problem the reader found before interpretation (an Excel-corrupted cell): reported as an error, value unreadable. */
export interface ValueProblem {
  readonly code: string;
  readonly message: string;
}

/** One stated value: its items (JSON array elements, or the one string/cell) and where it is. */
export interface WinValue {
  readonly items: readonly string[];
  readonly ref: SourceRef;
  readonly problem?: ValueProblem | undefined;
}

/** One rule as the export states it, before interpretation. */
export interface WinRawRule {
  /** Where the rule is (JSON element path / CSV record line) with the vendor id when known. */
  readonly ref: SourceRef;
  readonly id: string;
  readonly fields: ReadonlyMap<WinFieldKey, WinValue>;
  /** The rule's source text, verbatim. */
  readonly raw: string;
}

/** Reader options that differ between layouts. */
export interface WinReadOptions {
  /** Diagnostic code prefix (`PSJSON`, `CSV`). */
  readonly prefix: string;
  /** Direction for rules that do not state one (CSV Export List: `--direction` or a file-name hint). */
  readonly direction?: 'in' | 'out';
  /** Native CSV: `;` also separates list items and `P:Q` port ranges are accepted. */
  readonly lenientLists?: boolean;
}

/** The field's value text as stated (items joined with `, `). */
export function valueText(v: WinValue): string {
  return v.items.join(', ');
}
