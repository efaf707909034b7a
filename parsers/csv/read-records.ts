/**
 * @fileoverview Stage 1 of the CSV parser: text → header and records with their lines, via csv-parse (`info` gives
 * each record's last line; its first is that minus the line breaks inside quoted cells). Cells are never cast or
 * evaluated: `=HYPERLINK(…)` stays text. Excel-mangled files (each line one quoted field) are unwrapped first.
 */
import { parse } from 'csv-parse/sync';
import { splitLines } from '../../src/input/decode.js';
import { headerIndex, sniffDelimiter, unwrapLine, type Delimiter } from './sniff.js';

/** One CSV record: its cells and its first/last line. */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
  readonly endLine: number;
}

/** The table: header (first record after the preamble), the records after it, and the input lines. */
export interface CsvTable {
  readonly lines: readonly string[];
  readonly delimiter: Delimiter;
  readonly header: CsvRecord;
  readonly records: readonly CsvRecord[];
  /** True when every line was one quoted field and was unwrapped before parsing. */
  readonly unwrapped: boolean;
}

export type ReadResult = { readonly ok: true; readonly table: CsvTable } | { readonly ok: false; readonly line?: number; readonly message: string };

interface Info {
  readonly lines: number;
}

/** Reads the table; fails for a file without a header line or with CSV syntax csv-parse cannot recover from. */
export function readRecords(text: string): ReadResult {
  const lines = splitLines(text);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const start = headerIndex(lines);
  if (start < 0) return { ok: false, message: 'no header line' };
  const body = lines.map((l, i) => (i < start ? '' : l));
  const wrapped = body.slice(start).filter((l) => l.trim() !== '');
  const unwrapped = wrapped.length > 0 && wrapped.every((l) => unwrapLine(l) !== undefined);
  const source = unwrapped ? body.map((l) => unwrapLine(l) ?? l) : body;
  const delimiter = sniffDelimiter(source[start] ?? '');
  let rows: { record: string[]; info: Info }[];
  try {
    rows = parse(source.join('\n'), {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: false,
    }) as { record: string[]; info: Info }[];
  } catch (e) {
    const line = typeof e === 'object' && e !== null && 'lines' in e && typeof e.lines === 'number' ? e.lines : undefined;
    return { ok: false, ...(line === undefined ? {} : { line }), message: e instanceof Error ? e.message : String(e) };
  }
  const records = rows.map(({ record, info }) => toRecord(record, info));
  const [header, ...rest] = records;
  if (header === undefined) return { ok: false, message: 'no header line' };
  return { ok: true, table: { lines, delimiter, header, records: rest, unwrapped } };
}

function toRecord(cells: string[], info: Info): CsvRecord {
  let inner = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) inner++;
  return { cells, line: info.lines - inner, endLine: info.lines };
}
