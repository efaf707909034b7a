/**
 * @fileoverview The CSV parser: Windows firewall rule lists as CSV/TSV (console "Export List", Export-FirewallRules,
 * PowerShell Export-Csv of joined filters) and the native k2audit CSV (fixtures/csv/NATIVE.md). Columns are mapped
 * by header aliases; delimiter and encoding are sniffed; other vendors' CSVs and lossy exports are refused.
 */
import type { DecodedInput } from '../../src/input/decode.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { compareRefs } from '../../src/model/source-ref.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { parseProtocol } from '../../src/model/protocol.js';
import { looksLikeCsv } from './detect.js';
import { resolveDirection } from './direction.js';
import { detectLayout, noPortData, type ColumnMap } from './layout.js';
import { normalizeCsv } from './normalize.js';
import { readRecords, type CsvTable } from './read-records.js';

/** Parses a CSV export; fatal for unreadable CSV, unsupported layouts, missing ports or an unknown direction. */
export function parseCsv(input: DecodedInput, options: ParseOptions): ParseResult {
  const file = input.file;
  if (input.text.trim() === '') return fatal(file, 'CSV_EMPTY', 'the file is empty');
  const read = readRecords(input.text);
  if (!read.ok) return fatal(file, 'CSV_MALFORMED', `not readable as CSV: ${read.message}`, read.line);
  const table = read.table;
  const layout = detectLayout(table.header.cells);
  if (!layout.ok) return fatal(file, layout.code, layout.message, table.header.line);
  if (portDataEmpty(table, layout.columns)) {
    const refusal = noPortData();
    return fatal(file, refusal.code, refusal.message, table.header.line);
  }
  let direction: ReturnType<typeof resolveDirection>;
  if (!layout.columns.index.has('direction')) {
    direction = resolveDirection(options.direction, file);
    if (direction === undefined) {
      return fatal(
        file,
        'CSV_DIRECTION_UNKNOWN',
        'the CSV has no Direction column (an Export List covers one node): pass --direction in|out, or name the file *.inbound.csv / *.outbound.csv',
        table.header.line,
      );
    }
  }
  const rs = normalizeCsv({ file, table, layout: layout.layout, columns: layout.columns, ...(direction === undefined ? {} : { direction: direction.direction }) });
  return { ok: true, ruleSet: { ...rs, diagnostics: sortDiagnostics(rs.diagnostics) } };
}

/** Port columns present but empty in every row that could carry ports (TCP/UDP or no protocol column). */
function portDataEmpty(table: CsvTable, columns: ColumnMap): boolean {
  const portCols = (['localPort', 'remotePort', 'port'] as const).map((k) => columns.index.get(k)).filter((i): i is number => i !== undefined);
  const protoCol = columns.index.get('protocol');
  let candidates = 0;
  for (const r of table.records) {
    const proto = protoCol === undefined ? undefined : parseProtocol(r.cells[protoCol] ?? '');
    if (proto !== undefined && !proto.has(6) && !proto.has(17)) continue;
    if (r.cells.every((c) => c.trim() === '')) continue;
    candidates++;
    if (portCols.some((i) => (r.cells[i] ?? '').trim() !== '')) return false;
  }
  return candidates > 0;
}

function fatal(file: string, code: string, message: string, line?: number): ParseResult {
  const ref = line === undefined ? { file } : { file, line };
  return { ok: false, diagnostics: [{ severity: 'error', code, message, ref }] };
}

function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => compareRefs(a.ref, b.ref));
}

/** The CSV Parser for the registry (detection is generic: register it after the formats with strong signatures). */
export const csvParser: Parser = {
  format: 'csv',
  description: 'CSV/TSV rule lists: firewall console Export List, Export-FirewallRules, Export-Csv of joined filters, native k2audit CSV',
  detect: (input: DecodedInput) => looksLikeCsv(input.text),
  parse: parseCsv,
};

export default csvParser;
