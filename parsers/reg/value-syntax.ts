/**
 * @fileoverview The value syntax of a .reg line: `"name"=…` or `@=…`, then `"string"` (regedit escapes only `\\` and
 * `\"`), `dword:0000001f`, `hex:`/`hex(N):` comma-separated bytes, or `-` (delete). Pure text functions.
 */

/** Data of one value. `hex` keeps the registry type number (`hex:` = 3 REG_BINARY, `hex(2):` = REG_EXPAND_SZ, …). */
export type RegData =
  | { readonly type: 'sz'; readonly text: string }
  | { readonly type: 'dword'; readonly value: number }
  | { readonly type: 'hex'; readonly regType: number; readonly bytes: Uint8Array }
  | { readonly type: 'delete' };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Splits `"name"=data` / `@=data` into the unescaped name and the data text. */
export function splitValueLine(line: string): Parsed<{ name: string; data: string }> {
  if (line.startsWith('@=')) return { ok: true, value: { name: '', data: line.slice(2) } };
  if (!line.startsWith('"')) return { ok: false, error: 'expected "name"= or @=' };
  const q = readQuoted(line, 0);
  if (q === undefined) return { ok: false, error: 'unterminated value name' };
  const rest = line.slice(q.end).replace(/^\s*/, '');
  if (!rest.startsWith('=')) return { ok: false, error: 'expected "=" after the value name' };
  return { ok: true, value: { name: q.text, data: rest.slice(1).trim() } };
}

/** Whether the data text of a line continues on the next line (hex data ending in `\`). */
export function continues(data: string): boolean {
  return /^hex(\([0-9a-f]+\))?:/i.test(data) && data.trimEnd().endsWith('\\');
}

/** Parses the data part (continuation lines already joined with their `\` removed). */
export function parseData(data: string): Parsed<RegData> {
  if (data === '-') return { ok: true, value: { type: 'delete' } };
  if (data.startsWith('"')) {
    const q = readQuoted(data, 0);
    if (q === undefined) return { ok: false, error: 'unterminated string value' };
    if (data.slice(q.end).trim() !== '') return { ok: false, error: 'text after the closing quote' };
    return { ok: true, value: { type: 'sz', text: q.text } };
  }
  const dword = /^dword:([0-9a-f]{1,8})$/i.exec(data);
  if (dword?.[1] !== undefined) return { ok: true, value: { type: 'dword', value: parseInt(dword[1], 16) } };
  const hex = /^hex(?:\(([0-9a-f]+)\))?:(.*)$/is.exec(data);
  if (hex !== null) return parseHex(hex[1] === undefined ? 3 : parseInt(hex[1], 16), hex[2] ?? '');
  return { ok: false, error: `unrecognized value data "${data.length > 40 ? `${data.slice(0, 39)}…` : data}"` };
}

function parseHex(regType: number, list: string): Parsed<RegData> {
  const parts = list.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const bytes = new Uint8Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (!/^[0-9a-f]{1,2}$/i.test(p)) return { ok: false, error: `invalid hex byte "${p}"` };
    bytes[i] = parseInt(p, 16);
  }
  return { ok: true, value: { type: 'hex', regType, bytes } };
}

/**
 * Reads a quoted string starting at `start` (the opening quote); `end` is the index after the closing quote.
 * Copies whole runs between escapes (rule strings are long; per-character concatenation made 20,000-rule files slow).
 */
function readQuoted(text: string, start: number): { text: string; end: number } | undefined {
  let out = '';
  let from = start + 1;
  let quote = text.indexOf('"', from);
  let slash = text.indexOf('\\', from);
  while (quote >= 0) {
    if (slash < 0 || quote < slash) return { text: out + text.slice(from, quote), end: quote + 1 };
    const next = text[slash + 1];
    const escaped = next === '\\' || next === '"';
    out += text.slice(from, slash) + (escaped ? next : '\\');
    from = slash + (escaped ? 2 : 1);
    if (quote < from) quote = text.indexOf('"', from);
    slash = text.indexOf('\\', from);
  }
  return undefined;
}
