/**
 * @fileoverview Content sniffing for CSV/TSV rule lists: after an optional `#` preamble, a header-like first line of
 * at least three cells (short, mostly words) split by `,` `;` or tab, and a next line with at least two cells. Any
 * such table is claimed, including other vendors' CSVs, so that the parser can say "unsupported CSV layout"; the
 * registry should therefore try this parser after the formats with stronger signatures.
 */
import { splitLines } from '../../src/input/decode.js';
import { headerIndex, sniffDelimiter, splitLine, unwrapLine } from './sniff.js';

const SNIFF_CHARS = 64 * 1024;

/** Whether the text looks like a delimited table with a header row. */
export function looksLikeCsv(text: string): boolean {
  const lines = splitLines(text.slice(0, SNIFF_CHARS)).slice(0, 200);
  const h = headerIndex(lines);
  if (h < 0) return false;
  const header = lines[h] ?? '';
  if (/^\s*[<{[]/.test(header)) return false;
  const cells = cellsOf(header);
  if (cells.length < 3 || !isHeaderLike(cells)) return false;
  const next = lines.slice(h + 1).find((l) => l.trim() !== '');
  return next === undefined || cellsOf(next).length >= 2;
}

function cellsOf(line: string): string[] {
  const inner = unwrapLine(line);
  const text = inner ?? line;
  return splitLine(text, sniffDelimiter(text));
}

function isHeaderLike(cells: readonly string[]): boolean {
  if (cells.some((c) => c.length > 64)) return false;
  const wordy = cells.filter((c) => /^[\p{L}][\p{L}\p{N} _.:()/-]*$/u.test(c.trim())).length;
  return wordy * 2 >= cells.length;
}
