/**
 * @fileoverview `nft -j` JSON values, left-hand expressions and verdicts → the IR: `22`, `"@set"`,
 * `{"set":[…]}`, `["established","related"]`, `{"range":[a,b]}`, `{"prefix":{…}}`, `{"|":[…]}`, `{"elem":{…}}`;
 * `{"payload":…}`, `{"meta":…}`, `{"ct":…}`, `{"&":[L, mask]}`; `{"accept":null}`, `{"jump":{"target":…}}`.
 */
import { flattenValues, type NftSelector, type NftValue, type NftVerdict } from './ir.js';

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A parsed JSON object. */
export type JsonObject = { [key: string]: Json };

/** Whether `v` is a plain object. */
export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The single key of `{"key": …}` objects (expressions and statements), or undefined. */
export function soleKey(v: Json | undefined): string | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 ? keys[0] : undefined;
}

/** A right-hand value. */
export function valueFromJson(v: Json | undefined): NftValue {
  if (typeof v === 'number' || typeof v === 'boolean') return { kind: 'atom', text: String(v) };
  if (typeof v === 'string') return v.startsWith('@') && v.length > 1 ? { kind: 'ref', name: v.slice(1) } : { kind: 'atom', text: v };
  if (Array.isArray(v)) return { kind: 'set', items: flattenValues(v.map(valueFromJson)) };
  if (!isObject(v)) return { kind: 'other', text: JSON.stringify(v ?? null) };
  const key = soleKey(v);
  const body = key === undefined ? undefined : v[key];
  switch (key) {
    case 'set':
      return { kind: 'set', items: flattenValues((Array.isArray(body) ? body : [body ?? null]).map(elementValue)) };
    case 'range':
      return Array.isArray(body) && body.length === 2 ? { kind: 'range', lo: scalar(body[0]), hi: scalar(body[1]) } : other(v);
    case 'prefix':
      return isObject(body) ? { kind: 'atom', text: `${scalar(body.addr)}/${scalar(body.len)}` } : other(v);
    case '|':
      return Array.isArray(body) ? { kind: 'set', items: flattenValues(body.map(valueFromJson)) } : other(v);
    case 'elem':
      return isObject(body) ? valueFromJson(body.val) : other(v);
    default:
      return other(v);
  }
}

/** A set element: a value, or the key of a `[key, data]` map pair. */
export function elementValue(v: Json): NftValue {
  if (Array.isArray(v) && v.length === 2) return valueFromJson(v[0]);
  return valueFromJson(v);
}

/** A left-hand expression; undefined when it is not payload/meta/ct (the caller keeps it opaque). */
export function selectorFromJson(v: Json | undefined): NftSelector | undefined {
  const key = soleKey(v);
  if (key === undefined || !isObject(v)) return undefined;
  const body = v[key];
  if (key === '&' && Array.isArray(body) && body.length === 2) {
    const inner = selectorFromJson(body[0]);
    return inner === undefined || inner.mask !== undefined ? undefined : { key: inner.key, mask: valueFromJson(body[1]) };
  }
  if (!isObject(body)) return undefined;
  if (key === 'payload' && typeof body.protocol === 'string' && typeof body.field === 'string') return { key: `${body.protocol} ${body.field}` };
  if (key === 'meta' && typeof body.key === 'string') return { key: `meta ${body.key}` };
  if (key === 'ct' && typeof body.key === 'string') {
    const parts = ['ct', body.dir, body.family, body.key].filter((p): p is string => typeof p === 'string');
    return { key: parts.join(' ') };
  }
  return undefined;
}

/** `{"accept":null}`, `{"jump":{"target":"x"}}`, `{"reject":{…}}`, `{"queue":{…}}`; undefined otherwise. */
export function verdictFromJson(v: Json | undefined): NftVerdict | undefined {
  const key = soleKey(v);
  if (key === undefined || !isObject(v)) return undefined;
  const body = v[key];
  switch (key) {
    case 'accept':
    case 'drop':
    case 'return':
    case 'continue':
    case 'reject':
    case 'queue':
      return { kind: 'verdict', verdict: key };
    case 'jump':
    case 'goto':
      return isObject(body) && typeof body.target === 'string' ? { kind: 'verdict', verdict: key, target: body.target } : undefined;
    default:
      return undefined;
  }
}

function scalar(v: Json | undefined): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v ?? null);
}

function other(v: Json): NftValue {
  return { kind: 'other', text: JSON.stringify(v) };
}

