/**
 * @fileoverview Escaping of input-derived text for Markdown (GFM tables, paragraphs) and for the raw
 * HTML that GFM allows (`<details>`), plus a small table builder that escapes every cell.
 */

/** Line breaks and other control characters; a table cell must stay on one line. */
const CONTROL = /\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g;


/**
 * Makes text inert and single-line in Markdown: newlines and control characters become spaces;
 * `\`, `` ` ``, `*`, `[`, `]` and `|` are backslash-escaped (no code spans, emphasis, links or cell
 * breaks); `&`, `<` and `>` become entities, so `<script>` in a rule name stays text even where HTML
 * is allowed. Leading `=`, `+`, `-`, `@` need nothing in Markdown.
 */
export function mdText(text: string): string {
  if (!MD_SPECIAL.test(text)) return text;
  // One pass over the text: a replacement is never scanned again.
  return text.replace(MD_EACH, (c) => MD_REPLACEMENT[c] ?? ' ');
}

/** What mdText changes, one match at a time (a CRLF pair is one match: one space). */
const MD_EACH = /\r\n|[\u0000-\u001f\u007f\u2028\u2029\\`*[\]|&<>]/g;

/** The same test without the global flag (no lastIndex to keep): most cells (ids, ports, file:line) have no match. */
const MD_SPECIAL = new RegExp(MD_EACH.source);

/** Replacements of the characters mdText escapes; every other match (a control character or CRLF) becomes a space. */
const MD_REPLACEMENT: Readonly<Record<string, string>> = { '\\': '\\\\', '`': '\\`', '*': '\\*', '[': '\\[', ']': '\\]', '|': '\\|', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for raw HTML inside Markdown (`<summary>`), where backslash escapes do not apply. */
export function htmlText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column alignment of a table. */
export type Align = 'left' | 'right';

/** A GFM table; every header and cell is escaped with mdText. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  return [...mdTableChunks(header, rows, align)].join('');
}

/** mdTable's text in pieces, one per line (rows are made as they are written). */
export function* mdTableChunks(header: readonly string[], rows: Iterable<readonly string[]>, align?: readonly Align[]): Generator<string> {
  const sep = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  yield `${row(header)}\n|${sep.join('|')}|`;
  for (const r of rows) yield `\n${row(r)}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(mdText).join(' | ')} |`;
}
