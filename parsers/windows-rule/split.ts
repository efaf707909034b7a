/**
 * @fileoverview Stage 1 of the firewall rule-string grammar (MS-GPFAS 2.2.2.19): `v2.30|Action=Allow|LPort=80|…|`
 * → version plus an ordered key/value list. Fields split on `|`, each at its FIRST `=` (descriptions and SDDL
 * values contain `=`); keys may repeat and interleave. Nothing is interpreted here.
 */
import type { SourceRef } from '../../src/model/source-ref.js';

/** One `Key=Value` field of a rule, in source order; `ref` is set where a field has its own position (XML). */
export interface RuleField {
  readonly key: string;
  readonly value: string;
  readonly ref?: SourceRef;
}

/** A rule string split into its parts. */
export interface SplitRule {
  /** The version element (`v2.30`), or undefined when the string does not start with one. */
  readonly version: string | undefined;
  readonly fields: readonly RuleField[];
  /** Elements that are not `Key=Value` (no `=`, or an empty key), verbatim. */
  readonly malformed: readonly string[];
}

const VERSION = /^v\d+\.\d+$/i;

/** Splits a rule string; empty elements (the trailing `|`, a doubled `||`) are skipped. */
export function splitRuleString(text: string): SplitRule {
  const parts = text.split('|');
  let version: string | undefined;
  const fields: RuleField[] = [];
  const malformed: string[] = [];
  parts.forEach((part, index) => {
    if (index === 0 && VERSION.test(part.trim())) {
      version = part.trim();
      return;
    }
    if (part === '') return;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      malformed.push(part);
      return;
    }
    fields.push({ key: part.slice(0, eq), value: part.slice(eq + 1) });
  });
  return { version, fields, malformed };
}

/** Whether text looks like a firewall rule string (`v2.x|…`). */
export function isRuleString(text: string): boolean {
  return /^v\d+\.\d+\|/i.test(text);
}
