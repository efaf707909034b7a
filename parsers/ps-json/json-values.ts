/**
 * @fileoverview PowerShell's ConvertTo-Json quirks, smoothed over: `{"value":[…],"Count":n}` array wrappers (PS 5.1),
 * `""` for empty collections, numbers and booleans for enums, case-insensitive member names; plus the typed JSON value.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** A JSON value and its path from the root (`['rules', '3']`). */
export interface Located<T extends JsonValue = JsonValue> {
  readonly value: T;
  readonly path: readonly string[];
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The PS 5.1 array wrapper `{ "value": [...], "Count": n }`. */
export function isArrayWrapper(v: JsonValue | undefined): v is JsonObject & { readonly value: readonly JsonValue[] } {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && Array.isArray(v['value']) && typeof v['Count'] === 'number';
}

/** The elements of a collection value: an array, a wrapper, `""`/null (empty) or one object; each with its path. */
export function collectionItems(v: Located): Located[] {
  const value = v.value;
  if (isArrayWrapper(value)) return collectionItems({ value: value.value, path: [...v.path, 'value'] });
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item, i) => ({ value: item, path: [...v.path, String(i)] }));
  if (value === null || value === '') return [];
  return [v];
}

/** The member of `obj` whose name folds to one of `names` (lower-case), first name first. */
export function member(obj: JsonObject, names: readonly string[]): { key: string; value: JsonValue } | undefined {
  const keys = Object.keys(obj);
  for (const name of names) {
    const key = keys.find((k) => k.toLowerCase() === name);
    if (key !== undefined) return { key, value: obj[key] as JsonValue };
  }
  return undefined;
}

/** Deepest nesting of lists and wrappers a property value may have. */
const MAX_LIST_DEPTH = 8;

/**
 * A property value as string items: arrays (and wrappers) flatten, `""`/null are empty, numbers and booleans become
 * their text (`1`, `True`). Undefined for an object that is not a wrapper (nested CIM instance, `-Depth` cut-off).
 */
export function valueItems(v: JsonValue, depth = 0): string[] | undefined {
  if (v === null || v === '') return [];
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (typeof v === 'boolean') return [v ? 'True' : 'False'];
  // ConvertTo-Json never nests lists this deep; bounding the recursion keeps a crafted 10,000-deep value from
  // overflowing the stack (it is then unreadable, like a nested object).
  if (depth >= MAX_LIST_DEPTH) return undefined;
  if (isArrayWrapper(v)) return valueItems(v.value, depth + 1);
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const item of v as readonly JsonValue[]) {
      const items = valueItems(item, depth + 1);
      if (items === undefined) return undefined;
      out.push(...items);
    }
    return out;
  }
  return undefined;
}

/** A string member (for names and ids), or undefined. */
export function stringMember(obj: JsonObject, names: readonly string[]): string | undefined {
  const m = member(obj, names);
  if (m === undefined) return undefined;
  const items = valueItems(m.value);
  return items === undefined || items.length === 0 ? undefined : items.join(', ');
}
