/**
 * @fileoverview Keeps a diagnostic message on one line and free of terminal controls: values quoted from JSON
 * strings, quoted CSV fields, XML text or binary rule strings may hold line breaks, escape sequences and other control
 * characters. They are shown escaped (`\n`, `\u001b`), so one problem stays one `file:line: message` line.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The message with every control character (C0, DEL, C1, line/paragraph separators) escaped. */
export function oneLine(message: string): string {
  return message.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
