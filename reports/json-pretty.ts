/**
 * @fileoverview `JSON.stringify(object, null, 2)` in pieces: a large report (a 100,000-rule audit writes about 100 MB
 * of JSON) is written while it is made, a batch of array elements at a time, instead of as one string built from
 * one object tree. The text is byte for byte what JSON.stringify gives (test/reports/json-pretty.test.ts).
 */

/** An array member written a few elements at a time; `map` makes each element's JSON value when it is written. */
export class StreamedArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}

/**
 * The pieces of `JSON.stringify(object, null, 2)` for an object given as its entries in order, where a StreamedArray
 * stands for the array of its mapped items. Values are JSON data; entries whose value is undefined are left out, as
 * JSON.stringify does.
 */
export function* prettyObject(entries: Iterable<readonly [string, unknown]>): Generator<string> {
  let first = true;
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    yield `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (value instanceof StreamedArray) yield* prettyArray(value);
    else yield member(value);
  }
  yield first ? '{}' : '\n}';
}

function* prettyArray<T>(a: StreamedArray<T>): Generator<string> {
  if (a.items.length === 0) {
    yield '[]';
    return;
  }
  for (let i = 0; i < a.items.length; i += BATCH) {
    const batch: unknown[] = [];
    for (let k = i; k < i + BATCH && k < a.items.length; k++) batch.push(a.map(a.items[k] as T));
    yield `${i === 0 ? '[' : ','}\n    ${elements(batch)}`;
  }
  yield '\n  ]';
}

/** Elements stringified per call (JSON.stringify has a fixed cost per call). */
const BATCH = 256;

// A value's text at its depth is cut out of JSON.stringify's text of a one-member wrapper, which indents it exactly
// as the whole document would (no second pass over the text to indent it).
const MEMBER_HEAD = '{\n  "x": ';
const MEMBER_TAIL = '\n}';
const ELEMENT_HEAD = '{\n  "x": [\n    ';
const ELEMENT_TAIL = '\n  ]\n}';

/** The text of a top-level member's value (not undefined). */
function member(value: unknown): string {
  const text = JSON.stringify({ x: value }, null, 2);
  return text.slice(MEMBER_HEAD.length, text.length - MEMBER_TAIL.length);
}

/**
 * The text of consecutive elements (at least one) of a top-level array member, with the separators between them
 * (undefined and functions are null there, as in any array).
 */
function elements(values: readonly unknown[]): string {
  const text = JSON.stringify({ x: values }, null, 2);
  return text.slice(ELEMENT_HEAD.length, text.length - ELEMENT_TAIL.length);
}
