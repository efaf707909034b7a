/**
 * @fileoverview Header-level findings of a CSV export, reported once at the header line: unknown and repeated columns,
 * required columns the file lacks (rules then assumed and uncertain), scope columns it lacks, an ambiguous `Port`
 * column, where the direction came from, and an Excel-unwrapped file.
 */
import type { ParseSink } from '../shared/parse-sink.js';
import type { WinFieldKey } from '../ps-json/win-fields.js';
import type { CsvPlan } from './normalize.js';

const ASSUMED: readonly (readonly [WinFieldKey, string])[] = [
  ['enabled', 'enabled'],
  ['action', 'allow'],
];
const SCOPES: readonly (readonly [WinFieldKey, string])[] = [
  ['program', 'Program'],
  ['service', 'Service'],
  ['localAddress', 'Local Address'],
  ['remoteAddress', 'Remote Address'],
];

/** Reports header findings; returns the required fields no column states. */
export function reportColumns(plan: CsvPlan, sink: ParseSink): Set<WinFieldKey> {
  const { columns, table, layout } = plan;
  const line = table.header.line;
  if (table.unwrapped) sink.report('info', 'CSV_UNWRAPPED', 'every line was one quoted field (an Excel round trip); read the field as the row', line);
  if (columns.unknown.length > 0) sink.report('info', 'CSV_UNKNOWN_COLUMNS', `columns not used: ${columns.unknown.map((c) => `"${c}"`).join(', ')}`, line);
  for (const d of columns.duplicates) sink.report('warning', 'CSV_DUPLICATE_COLUMN', `second "${d}" column; the first is used`, line);
  const absent = new Set<WinFieldKey>();
  for (const [key, assumed] of ASSUMED) {
    if (columns.index.has(key)) continue;
    absent.add(key);
    sink.report('warning', 'CSV_MISSING_COLUMN', `no ${key} column: every rule assumed ${assumed} and marked uncertain`, line);
  }
  const missing = SCOPES.filter(([key]) => !columns.index.has(key)).map(([, label]) => label);
  if (layout === 'windows' && missing.length > 0) {
    sink.report('warning', 'CSV_COLUMNS_MISSING', `no ${missing.join('/')} column: rules scoped by ${missing.length > 1 ? 'them' : 'it'} look unscoped`, line);
  }
  if (columns.index.has('port') && !columns.index.has('localPort') && !columns.index.has('remotePort')) {
    sink.report('info', 'CSV_PORT_COLUMN', `"${columns.label.get('port')}" read as the local port of inbound and the remote port of outbound rules`, line);
  }
  if (plan.direction !== undefined && !columns.index.has('direction')) {
    const word = plan.direction === 'in' ? 'inbound' : 'outbound';
    sink.report('info', 'CSV_DIRECTION_ASSUMED', `no Direction column: every rule read as ${word}`, line);
  }
  return absent;
}
