/**
 * @fileoverview The JSON diff report and schema/k2audit-diff.schema.json: valid draft 2020-12 with a description
 * on every property; the reporter's output validates in strict mode (undocumented fields rejected); stable key order.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ajvModule from 'ajv/dist/2020.js';
import { diffJsonReport } from '../../reports/diff-json.js';
import type { DiffResult } from '../../src/analyses/diff/types.js';
import { diffFiles } from '../analyses/diff/helpers.js';
import { emptyDiff, sampleDiff } from './diff-sample.js';

type Node = Record<string, unknown>;

const Ajv2020 = ajvModule.default;
const schema = JSON.parse(readFileSync(new URL('../../../schema/k2audit-diff.schema.json', import.meta.url), 'utf8')) as Node;

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

function strictVariant(): Node {
  const copy = structuredClone(schema);
  walk(copy, (n) => {
    if (n.properties !== undefined && n.additionalProperties === undefined) n.additionalProperties = false;
  });
  return copy;
}

const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(strictVariant());

function check(r: DiffResult, ticket?: string): Node {
  const doc = JSON.parse(diffJsonReport(r, ticket === undefined ? {} : { ticket })) as Node;
  assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
  return doc;
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

test('the hand-built sample (every section, hostile names) and the empty diff validate', () => {
  check(sampleDiff(), 'CHG-1');
  check(emptyDiff());
});

test('fixture diffs validate: netsh pair, regression, iptables pair', () => {
  const a = check(diffFiles('fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/rules-after.netsh.txt'));
  assert.equal((a.summary as Node).rules, { added: 1, removed: 1, changed: 1, moved: 0, unchanged: 6 });
  const c = check(diffFiles('fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/removes-5555.netsh.txt'));
  assert.equal([c.verdict, c.regressions], ['fail', ['k2-host-server-in-tcp']]);
  const d = check(diffFiles('fixtures/diff/chains-before.iptables-save', 'fixtures/diff/chains-after.iptables-save'));
  assert.equal((d.policies as Node[])[0], { subject: 'chain filter/OUTPUT', field: 'policy', before: 'accept', after: 'drop', beforeRef: 'fixtures/diff/chains-before.iptables-save:7', afterRef: 'fixtures/diff/chains-after.iptables-save:8' });
});

test('top-level keys in a fixed order; ports as [lo, hi] pairs; flows carry responsible refs', () => {
  const doc = check(sampleDiff());
  assert.equal(Object.keys(doc), ['schemaVersion', 'kind', 'tool', 'generatedAt', 'ticket', 'requirementSetVersion', 'profile', 'failOn', 'verdict', 'before', 'after', 'summary', 'rules', 'policies', 'semantic', 'requirements', 'exposures', 'regressions', 'newExposures', 'unifiedDiff']);
  const change = ((doc.semantic as Node).changes as Node[])[0] as Node;
  assert.equal((change.newlyBlocked as Node[])[0], {
    ports: [[5555, 5555]],
    remote: 'any',
    certainty: 'certain',
    responsible: [
      { side: 'after', kind: 'default-policy', ref: 'after.txt#default-inbound-domain', name: 'default inbound action of the domain profile: block' },
      { side: 'before', kind: 'rule', ref: 'before.txt:2', name: 'K2 Host Server (TCP 5555-In)' },
    ],
  });
  assert.equal(doc.newExposures, ['over-permissive:after.txt:9']);
});

test('the schema rejects a bad certainty and an undocumented field', () => {
  const doc = JSON.parse(diffJsonReport(sampleDiff(), {})) as Node;
  const bad = structuredClone(doc);
  (((bad.semantic as Node).changes as Node[])[0]!.newlyAllowed as Node[])[0]!.certainty = 'maybe';
  assert.not.ok(validate(bad));
  assert.not.ok(validate({ ...structuredClone(doc), surprise: 1 }));
});

test.run();
