/**
 * @fileoverview Escaping for the HTML report: every interpolated value is escaped unless it is already
 * SafeHtml (markup this module or a trusted constant built). The `html` tag makes escaping the default,
 * so forgetting it is not possible by omission.
 */

/** Markup that is known to be safe: produced by `html`, or a trusted constant wrapped with `trusted`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`: text (escaped), numbers, markup, lists of these, or nothing. */
export type HtmlValue = string | number | SafeHtml | undefined | null | false | readonly HtmlValue[];

/** C0 controls other than tab, LF and CR, plus DEL: never meaningful in a report; shown as U+FFFD. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any character escapeHtml changes: text without one is returned as it is. */
const HTML_SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f&<>"']/;

/**
 * Escapes text for HTML element content and quoted attribute values alike: `&`, `<`, `>`, `"` and `'`
 * become entities; control characters become U+FFFD. Newlines are kept (they matter inside `<pre>`).
 */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(CONTROL, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Wraps a constant the module itself wrote (CSS, script); never use it on input-derived text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Renders one interpolated value: text is escaped, markup passes, lists are concatenated. */
function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/** Tagged template: the literal parts are trusted markup, every `${value}` is escaped unless SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins markup fragments with a separator (the separator is trusted markup). */
export function joinHtml(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(separator));
}

/** Character codes of `/`, `\\`, `.`, `:`, `_`, `#` and `,`. */
const BREAK_AFTER: ReadonlySet<number> = new Set([...'/\\.:_#,'].map((c) => c.charCodeAt(0)));

/**
 * Escaped text with a line-break opportunity (`<wbr>`) after each `/`, `\\`, `.`, `:`, `_`, `#` and `,`, so
 * long paths and `file:line` references wrap in narrow (printed) columns; copying still gives the text.
 */
export function breakable(text: string): SafeHtml {
  // One scan instead of a look-behind split: this runs for every finding id and rule reference of the report.
  // Pieces are escaped one by one (escaping whole text would put a break inside `&#39;`); none after the last character.
  const escape = HTML_SPECIAL.test(text) ? escapeHtml : (piece: string) => piece;
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (!BREAK_AFTER.has(text.charCodeAt(i))) continue;
    out += `${escape(text.slice(start, i + 1))}<wbr>`;
    start = i + 1;
  }
  return new SafeHtml(out + escape(text.slice(start)));
}
