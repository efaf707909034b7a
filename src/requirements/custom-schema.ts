/**
 * @fileoverview zod schema of custom requirement files (`--requirements`), with field-level error wording.
 */
import { z } from 'zod';

/** Message for a wrong or missing value: `required` when absent, else what was expected. */
function expected(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'required' : `expected ${what}`);
}

/** Keywords are matched case-insensitively (`TCP`, `In`). */
function keyword<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const lower = (v: unknown): unknown => (typeof v === 'string' ? v.trim().toLowerCase() : v);
  return z.preprocess(lower, z.enum(values, { error: expected(what) }));
}

const text = (what: string) => z.string({ error: expected(what) }).trim().min(1, { error: 'must not be empty' });

/** Ids appear in reports and finding fingerprints, so they stay plain. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ID_RULE = 'must start with a letter or digit and use only letters, digits, ".", "_", "-"';

const requirementSchema = z.strictObject(
  {
    id: text('a string').regex(ID_PATTERN, { error: ID_RULE }),
    direction: keyword(['in', 'out'], '"in" or "out"'),
    protocol: keyword(['tcp', 'udp', 'tcp+udp', 'both'], '"tcp", "udp", "tcp+udp" or "both"'),
    ports: z.union([z.string(), z.number()], {
      error: expected('a port list ("80,443", "1000-2000") or a port number'),
    }),
    remote: text('an address list ("any", "10.0.0.0/8,192.168.1.0/24")').optional(),
    component: text('a string').optional(),
    category: text('a string').optional(),
    note: text('a string').optional(),
  },
  { error: expected('an object with id, direction, protocol and ports') },
);

/** The whole file: `{ requirements: [ … ] }` with an optional description. */
export const requirementFileSchema = z.strictObject(
  {
    description: z.string({ error: expected('a string') }).optional(),
    requirements: z.array(requirementSchema, { error: expected('a list of requirements') }).min(1, {
      error: 'must list at least one requirement',
    }),
  },
  { error: expected('an object with a "requirements" list') },
);

/** One validated entry of `requirements`. */
export type RequirementFileEntry = z.infer<typeof requirementSchema>;
/** A validated requirement file. */
export type RequirementFile = z.infer<typeof requirementFileSchema>;
