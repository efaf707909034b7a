/**
 * @fileoverview Which CSV layout a header is: Windows-shaped (Export List, Export-FirewallRules, Export-Csv of joined
 * filters) or the native k2audit CSV (an `order` column, no Windows-only columns); anything else — Palo Alto,
 * FortiGate, Azure, AWS, a raw export without port columns — is refused with the reason.
 */
import { COLLECT_ADVICE } from '../ps-json/advice.js';
import { columnKey, isForeignColumn, type ColumnKey } from './columns.js';

export type Layout = 'windows' | 'native';

/** Header cell positions by canonical column (first occurrence), plus what did not map. */
export interface ColumnMap {
  readonly index: ReadonlyMap<ColumnKey, number>;
  /** The header text of each mapped column, for messages. */
  readonly label: ReadonlyMap<ColumnKey, string>;
  readonly unknown: readonly string[];
  readonly duplicates: readonly string[];
}

export type LayoutResult =
  | { readonly ok: true; readonly layout: Layout; readonly columns: ColumnMap }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Columns only Windows-shaped (or native) rule lists have; two are needed to call a file one of ours. */
const SIGNATURE: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  'displayName', 'enabled', 'direction', 'protocol', 'localPort', 'remotePort', 'port', 'localAddress', 'remoteAddress',
  'program', 'icmpType', 'override', 'interfaceType', 'store', 'package', 'owner', 'localUser', 'remoteUser', 'remoteMachine', 'order',
]);
/** Columns the native CSV does not have: with any of them an `order` column is just extra data. */
const WINDOWS_ONLY: readonly ColumnKey[] = ['displayName', 'program', 'package', 'service', 'override', 'icmpType', 'store', 'owner', 'localUser', 'remoteUser', 'remoteMachine', 'interfaceType'];
const PORT_COLUMNS: readonly ColumnKey[] = ['localPort', 'remotePort', 'port'];

/** Classifies the header. */
export function detectLayout(header: readonly string[]): LayoutResult {
  const columns = mapColumns(header);
  const signature = [...columns.index.keys()].filter((k) => SIGNATURE.has(k)).length;
  if (header.some(isForeignColumn) || signature < 2) return unsupported(header);
  const native = columns.index.has('order') && !WINDOWS_ONLY.some((k) => columns.index.has(k));
  if (!PORT_COLUMNS.some((k) => columns.index.has(k))) return noPortData();
  return { ok: true, layout: native ? 'native' : 'windows', columns };
}

/** The refusal for exports whose port columns are missing or empty (a raw Get-NetFirewallRule | Export-Csv). */
export function noPortData(): { ok: false; code: string; message: string } {
  return {
    ok: false,
    code: 'CSV_NO_PORT_DATA',
    message: `cannot audit: the CSV has no port data (Get-NetFirewallRule | Export-Csv leaves out the port filters); ${COLLECT_ADVICE}`,
  };
}

function unsupported(header: readonly string[]): { ok: false; code: string; message: string } {
  const shown = header.slice(0, 8).map((c) => `"${c.trim()}"`).join(', ') + (header.length > 8 ? ', …' : '');
  return {
    ok: false,
    code: 'CSV_UNSUPPORTED_LAYOUT',
    message: `unsupported CSV layout (columns ${shown}): k2audit reads Windows firewall CSVs (Export List, Export-FirewallRules, Export-Csv of joined filters) and the native k2audit CSV (fixtures/csv/NATIVE.md)`,
  };
}

function mapColumns(header: readonly string[]): ColumnMap {
  const index = new Map<ColumnKey, number>();
  const label = new Map<ColumnKey, string>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const hasDisplay = header.some((c) => columnKey(c) === 'displayName');
  header.forEach((cell, i) => {
    if (cell.trim() === '') return;
    let key = columnKey(cell);
    // With a DisplayName column, `Name` is the rule id (Export-FirewallRules, Export-Csv); otherwise the name.
    if (key === 'name' && hasDisplay) key = 'id';
    if (key === undefined) unknown.push(cell.trim());
    else if (index.has(key)) {
      if (key !== 'unused') duplicates.push(cell.trim());
    } else {
      index.set(key, i);
      label.set(key, cell.trim());
    }
  });
  return { index, label, unknown, duplicates };
}
