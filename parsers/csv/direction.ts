/**
 * @fileoverview The direction of CSV rows when the file has no Direction column (the firewall console's Export List
 * covers one node): `--direction`, else a hint in the file name (`inbound`, `outbound`, `_in.`, `-out.`, …).
 */
import type { Direction } from '../../src/model/rule.js';

const IN_WORDS = /(^|[^a-z])(inbound|ingress|eingehend)([^a-z]|$)/;
const OUT_WORDS = /(^|[^a-z])(outbound|egress|ausgehend)([^a-z]|$)/;
const IN_TOKEN = /(^|[._\- ])in([._\- ]|$)/;
const OUT_TOKEN = /(^|[._\- ])out([._\- ]|$)/;

/** The direction a file name states, or undefined when it states none or both. */
export function directionFromName(file: string): Direction | undefined {
  const base = (file.split(/[\\/]/).pop() ?? '').toLowerCase();
  const isIn = IN_WORDS.test(base) || IN_TOKEN.test(base);
  const isOut = OUT_WORDS.test(base) || OUT_TOKEN.test(base);
  if (isIn === isOut) return undefined;
  return isIn ? 'in' : 'out';
}

/** Where a direction came from, for the info diagnostic. */
export type DirectionSource = { readonly direction: Direction; readonly from: 'option' | 'file name' };

/** `--direction` first, then the file name. */
export function resolveDirection(option: Direction | undefined, file: string): DirectionSource | undefined {
  if (option !== undefined) return { direction: option, from: 'option' };
  const hint = directionFromName(file);
  return hint === undefined ? undefined : { direction: hint, from: 'file name' };
}
