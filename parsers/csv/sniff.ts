/**
 * @fileoverview Cheap looks at CSV text before the real parse: the comment/`#TYPE` preamble, the delimiter of the
 * header line (`,` `;` or tab, counted outside quotes), a quote-aware split of one line, and the Excel round-trip
 * mangling where every line became one quoted field (`"SQL,""Shared"",""TCP"""`).
 */

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = ['\t', ';', ','];

/** Why a preamble line is ignored: blank, PowerShell's `#TYPE` line, or a `#` comment. */
export function preambleReason(line: string): 'blank' | 'type information' | 'comment' | undefined {
  const t = line.trim();
  if (t === '') return 'blank';
  if (/^#TYPE\b/i.test(t)) return 'type information';
  if (t.startsWith('#')) return 'comment';
  return undefined;
}

/** Index of the header line: the first line that is not blank, `#TYPE` or a `#` comment (-1 when none). */
export function headerIndex(lines: readonly string[]): number {
  return lines.findIndex((l) => preambleReason(l) === undefined);
}

/** The delimiter used most often outside quotes in `line`; ties prefer tab, then `;`, then `,`. */
export function sniffDelimiter(line: string): Delimiter {
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = splitLine(line, d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits one line on `delimiter` outside double quotes; quotes are removed and `""` unescaped. */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The field of a line that is one quoted field holding delimiters (Excel round trip), else undefined. */
export function unwrapLine(line: string): string | undefined {
  const t = line.trim();
  if (t.length < 2 || !t.startsWith('"') || !t.endsWith('"')) return undefined;
  const cells = splitLine(t, '\u0000');
  const inner = cells[0] ?? '';
  return cells.length === 1 && /[,;\t]/.test(inner) && splitLine(t, sniffDelimiter(t)).length === 1 ? inner : undefined;
}
