/**
 * @fileoverview One CSV record → one WinRawRule: each mapped cell becomes a value at the record's line, with an Excel
 * corruption problem attached where the cell shows one. The verbatim record lines are the rule's raw text.
 */
import type { SourceRef } from '../../src/model/source-ref.js';
import type { WinFieldKey, WinRawRule, WinValue } from '../ps-json/win-fields.js';
import type { ColumnKey } from './columns.js';
import { excelProblem } from './excel.js';
import type { ColumnMap } from './layout.js';
import type { CsvRecord } from './read-records.js';

const NOT_FIELDS: ReadonlySet<ColumnKey> = new Set(['displayName', 'order', 'unused']);

/** Builds the raw rule of a record; `lenient` is the native CSV's list/range syntax. */
export function rowRule(record: CsvRecord, columns: ColumnMap, lines: readonly string[], file: string, lenient: boolean): WinRawRule {
  const cell = (key: ColumnKey): string | undefined => {
    const i = columns.index.get(key);
    return i === undefined ? undefined : record.cells[i];
  };
  const vendorId = cell('id')?.trim();
  const ref: SourceRef = { file, line: record.line, ...(vendorId === undefined || vendorId === '' ? {} : { vendorId }) };
  const fields = new Map<WinFieldKey, WinValue>();
  for (const [key, i] of columns.index) {
    if (NOT_FIELDS.has(key)) continue;
    const text = record.cells[i];
    if (text === undefined) continue;
    const problem = excelProblem(key, columns.label.get(key) ?? key, text, lenient);
    fields.set(key as WinFieldKey, { items: text.trim() === '' ? [] : [text], ref, ...(problem === undefined ? {} : { problem }) });
  }
  const display = cell('displayName');
  if (display !== undefined && display !== '') fields.set('name', { items: [display], ref });
  return {
    ref,
    id: `${file}:${record.line}`,
    fields,
    raw: lines.slice(record.line - 1, record.endLine).join('\n'),
  };
}

/** Whether every cell of the record is empty or blank (a separator or trailing-delimiter line). */
export function isEmptyRecord(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}
