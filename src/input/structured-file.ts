/**
 * @fileoverview Structured user files (requirements, waivers): JSON or YAML text → data, and zod issues → one line
 * naming the field (`requirements[1].ports: port 70000 out of range 0-65535`).
 */
import YAML from 'yaml';
import type { z } from 'zod';

export type Step<T> = { ok: true; value: T } | { ok: false; error: string };

/** JSON when the text starts like JSON (better messages); YAML otherwise, or when it is YAML flow syntax. */
export function parseStructuredText(text: string, what: string): Step<unknown> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: `empty ${what}` };
  if (!/^\s*[{[]/.test(body)) return parseYaml(body);
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const yaml = parseYaml(body);
    return yaml.ok ? yaml : { ok: false, error: `invalid JSON: ${(e as Error).message}` };
  }
}

function parseYaml(body: string): Step<unknown> {
  const doc = YAML.parseDocument(body);
  const err = doc.errors[0];
  if (err !== undefined) {
    const line = err.linePos?.[0].line;
    const message = err.code === 'MULTIPLE_DOCS' ? 'more than one YAML document' : firstLine(err.message);
    return { ok: false, error: `${line === undefined ? '' : `line ${line}: `}invalid YAML: ${message}` };
  }
  try {
    return { ok: true, value: doc.toJS() as unknown };
  } catch (e) {
    return { ok: false, error: `invalid YAML: ${firstLine((e as Error).message)}` };
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** `requirements[1].ports: message`, or the message alone for a top-level problem. */
export function zodIssueText(issue: z.core.$ZodIssue | undefined, fallback: string): string {
  if (issue === undefined) return fallback;
  const where = formatPath(issue.path);
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return where === '' ? message : `${where}: ${message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
