/**
 * @fileoverview `JSON.stringify(object, null, 2)` in pieces: a large report (a 100,000-rule audit writes about 100 MB
 * of JSON) is written while it is made, one array element at a time, instead of as one string built from one
 * object tree. The text is byte for byte what JSON.stringify gives (test/reports/json-pretty.test.ts).
 */

/** An array member written element by element; `map` makes each element's JSON value when it is written. */
export class StreamedArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}

/**
 * The pieces of `JSON.stringify(object, null, 2)` for an object given as its entries in order, where a StreamedArray
 * stands for the array of its mapped items. Entries whose value is undefined are left out, as JSON.stringify does.
 */
export function* prettyObject(entries: Iterable<readonly [string, unknown]>): Generator<string> {
  let first = true;
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    yield `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (value instanceof StreamedArray) yield* prettyArray(value);
    else yield indented(JSON.stringify(value, null, 2), '\n  ');
  }
  yield first ? '{}' : '\n}';
}

function* prettyArray<T>(a: StreamedArray<T>): Generator<string> {
  if (a.items.length === 0) {
    yield '[]';
    return;
  }
  for (let i = 0; i < a.items.length; i++) {
    // An element that maps to undefined (or a function) is null in an array, as JSON.stringify writes it.
    const text = JSON.stringify(a.map(a.items[i] as T), null, 2) as string | undefined;
    yield `${i === 0 ? '[' : ','}\n    ${text === undefined ? 'null' : indented(text, '\n    ')}`;
  }
  yield '\n  ]';
}

/** Text nested one level deeper: JSON has no raw line breaks except between its own lines (strings escape them). */
function indented(text: string, newline: string): string {
  return text.includes('\n') ? text.replace(/\n/g, newline) : text;
}
