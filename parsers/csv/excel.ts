/**
 * @fileoverview Values a round trip through Excel corrupts (WINDOWS.md §4, seen in the Grafnetter CSV): ICMP `3:4`
 * shown as the time `3:04`, port ranges turned into dates (`5-10` → `10-May`, `5/10/2024`), long numbers into
 * scientific notation. Found before interpretation, reported as an error naming the column, and the value unreadable.
 */
import type { ValueProblem } from '../ps-json/win-fields.js';
import type { ColumnKey } from './columns.js';

const DATE_PATTERNS: readonly RegExp[] = [
  /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/,
  /^\d{1,2}[- ][A-Za-z]{3,9}([- ]\d{2,4})?$/,
  /^[A-Za-z]{3,9}[- ]\d{1,4}$/,
];
const TIME = /^(\d{1,2}):(\d{2})(:\d{2})?(\s?[AP]M)?$/i;
const SCIENTIFIC = /^\d+(\.\d+)?E[+-]?\d+$/i;
const CHECKED: ReadonlySet<ColumnKey> = new Set(['localPort', 'remotePort', 'port', 'icmpType', 'localAddress', 'remoteAddress']);

/** The corruption a cell shows, or undefined. `lenientPorts` (native CSV) allows `P:Q` port ranges. */
export function excelProblem(key: ColumnKey, label: string, value: string, lenientPorts: boolean): ValueProblem | undefined {
  const v = value.trim();
  if (!CHECKED.has(key) || v === '') return undefined;
  const fix = 're-export the file instead of saving it from Excel';
  const time = TIME.exec(v);
  if (key === 'icmpType' && time !== null && (time[2]?.startsWith('0') === true || time[3] !== undefined || time[4] !== undefined)) {
    const code = Number(time[2]);
    return corrupted(`column ${label}: "${v}" looks like an Excel time (ICMP type:code ${time[1]}:${code}?); ${fix}`);
  }
  const isPort = key === 'localPort' || key === 'remotePort' || key === 'port';
  if (isPort && time !== null && !(lenientPorts && time[3] === undefined && time[4] === undefined)) {
    return corrupted(`column ${label}: "${v}" looks like an Excel time, not a port; ${fix}`);
  }
  if (DATE_PATTERNS.some((p) => p.test(v))) return corrupted(`column ${label}: "${v}" looks like an Excel date (a port range or list?); ${fix}`);
  if (SCIENTIFIC.test(v)) return corrupted(`column ${label}: "${v}" looks like Excel scientific notation; ${fix}`);
  return undefined;
}

function corrupted(message: string): ValueProblem {
  return { code: 'CSV_EXCEL_CORRUPTED', message };
}
