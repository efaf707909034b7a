/**
 * @fileoverview Waiver files (JSON or YAML), validated with zod; errors name the field
 * (`waivers.yaml: waivers[0].expires: expected a date YYYY-MM-DD`).
 */
import { z } from 'zod';
import { parseStructuredText, zodIssueText } from '../input/structured-file.js';
import type { Waiver } from './types.js';

const text = z.string({ error: (i) => (i.input === undefined ? 'required' : 'expected a string') }).trim().min(1, { error: 'must not be empty' });
const date = z
  .string({ error: (i) => (i.input === undefined ? 'required (every waiver expires)' : 'expected a date YYYY-MM-DD') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: 'not a calendar date' });

const waiverSchema = z
  .strictObject(
    { finding: text.optional(), requirement: text.optional(), reason: text, approver: text, ticket: text, expires: date },
    { error: 'expected an object with finding or requirement, reason, approver, ticket and expires' },
  )
  .refine((w) => (w.finding === undefined) !== (w.requirement === undefined), { error: 'give exactly one of "finding" or "requirement"' });

const fileSchema = z.strictObject({ description: z.string().optional(), waivers: z.array(waiverSchema, { error: 'expected a list' }) }, { error: 'expected an object with a "waivers" list' });

export type WaiverFileResult = { ok: true; waivers: Waiver[] } | { ok: false; error: string };

/** Parses and validates a waiver file. */
export function loadWaiverFile(body: string, file: string): WaiverFileResult {
  const data = parseStructuredText(body, 'waiver file');
  if (!data.ok) return { ok: false, error: `${file}: ${data.error}` };
  const parsed = fileSchema.safeParse(data.value);
  if (!parsed.success) return { ok: false, error: `${file}: ${zodIssueText(parsed.error.issues[0], 'invalid waiver file')}` };
  const waivers = parsed.data.waivers.map((w, i): Waiver => ({
    id: `${file}#waivers[${i}]`,
    ...(w.finding === undefined ? {} : { finding: w.finding }),
    ...(w.requirement === undefined ? {} : { requirement: w.requirement }),
    reason: w.reason,
    approver: w.approver,
    ticket: w.ticket,
    expires: w.expires,
    source: { file, path: ['waivers', String(i)] },
  }));
  return { ok: true, waivers };
}
