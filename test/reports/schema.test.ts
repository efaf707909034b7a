/**
 * @fileoverview schema/k2audit-result.schema.json: valid draft 2020-12, describes every field, and accepts
 * exactly what the JSON reporter writes (validated with ajv in strict mode, undocumented fields rejected).
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ajvModule from 'ajv/dist/2020.js';
import { jsonReport } from '../../reports/json.js';
import type { AuditResult } from '../../src/findings/result.js';
import { passingResult, sampleResult } from './sample-result.js';

type Node = Record<string, unknown>;

const Ajv2020 = ajvModule.default;
const schemaUrl = new URL('../../../schema/k2audit-result.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Node;

/** Calls `visit` on every subschema object (properties, $defs, items, prefixItems, additionalProperties). */
function walk(node: unknown, visit: (n: Node, path: string) => void, path = '#'): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const n = node as Node;
  visit(n, path);
  for (const key of ['properties', '$defs'] as const) {
    const map = n[key] as Node | undefined;
    if (map !== undefined) for (const [k, v] of Object.entries(map)) walk(v, visit, `${path}/${key}/${k}`);
  }
  if (Array.isArray(n.prefixItems)) n.prefixItems.forEach((v, i) => walk(v, visit, `${path}/prefixItems/${i}`));
  walk(n.items, visit, `${path}/items`);
  walk(n.additionalProperties, visit, `${path}/additionalProperties`);
}

/** The published schema lets consumers accept added fields; the test variant forbids undocumented ones. */
function strictVariant(): Node {
  const copy = structuredClone(schema);
  walk(copy, (n) => {
    if (n.properties !== undefined && n.additionalProperties === undefined) n.additionalProperties = false;
  });
  return copy;
}

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(strictVariant());
const validateOpen = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);

function check(result: AuditResult, ticket?: string): void {
  const doc: unknown = JSON.parse(jsonReport(result, ticket === undefined ? {} : { ticket }));
  const ok = validate(doc);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

test('the schema is draft 2020-12 and every property has a description', () => {
  assert.is(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const missing: string[] = [];
  walk(schema, (n, path) => {
    if (path.includes('/prefixItems/') || path.endsWith('/items') || path.endsWith('/additionalProperties')) return;
    if (typeof n.description !== 'string' || n.description === '') missing.push(path);
  });
  assert.equal(missing, []);
});

test('the full sample (every status, every finding code, hostile names) validates', () => {
  check(sampleResult());
  check(sampleResult(), 'CHG-1234');
});

test('a passing result without profile, findings or diagnostics validates', () => {
  check(passingResult());
});

test('a result with no inputs and no requirements validates', () => {
  check({ ...sampleResult(), inputs: [], requirements: [], findings: [] });
});

test('the schema rejects a bad status, a diagnostic line 0 and an undocumented field', () => {
  const doc = JSON.parse(jsonReport(sampleResult(), {})) as {
    requirements: Node[];
    inputs: { diagnostics: Node[] }[];
  } & Node;
  const badStatus = structuredClone(doc);
  (badStatus.requirements[0] as Node).status = 'open';
  assert.not.ok(validate(badStatus));
  const lineZero = structuredClone(doc);
  (lineZero.inputs[1]?.diagnostics[0] as Node).line = 0;
  assert.not.ok(validate(lineZero));
  const extra = { ...structuredClone(doc), surprise: true };
  assert.not.ok(validate(extra));
  const nested = structuredClone(doc);
  (nested.requirements[1] as Node).note = 'not documented';
  assert.not.ok(validate(nested));
  // Consumers using the published (open) schema accept added fields.
  assert.ok(validateOpen(extra));
});

test.run();
