/**
 * @fileoverview The SARIF reporter: the log validates against the official SARIF 2.1.0 JSON Schema, and
 * carries stable fingerprints, levels, locations, artifacts with hashes, suppressions for waivers.
 *
 * schema/sarif-2.1.0.json is copied verbatim from oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json at
 * commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34 (the repository's copy of the Approved Errata 01 schema; its
 * `id` is https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
 * That document declares JSON Schema draft-04 (`$schema` draft-04, `id`), which Ajv 8 does not implement;
 * the test asserts it uses no keyword whose meaning differs between draft-04 and draft-07 (boolean
 * exclusiveMinimum/Maximum), renames `id` to `$id` in memory and validates with Ajv's draft-07 class.
 * Formats (`uri`, `uri-reference`, `date-time`) are checked by the validators defined below.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ajvModule from 'ajv';
import { ALL_PORTS } from '../../src/model/port-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { AuditResult } from '../../src/findings/result.js';
import { FINGERPRINT_KEY, fileUri, sarifLevel, sarifReport, SARIF_SCHEMA_URI } from '../../reports/sarif.js';
import { EVIL_NAME, FINDINGS, NETSH, passingResult, sampleResult } from './sample-result.js';

type Node = Record<string, unknown>;

const Ajv = ajvModule.default;
const raw = JSON.parse(readFileSync(new URL('../../../schema/sarif-2.1.0.json', import.meta.url), 'utf8')) as Node;

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** Every subschema object of the document. */
function walk(node: unknown, visit: (n: Node) => void): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((n) => walk(n, visit));
    return;
  }
  visit(node as Node);
  for (const v of Object.values(node)) walk(v, visit);
}

function draft07(): Node {
  const { id, $schema: _drop, ...rest } = structuredClone(raw);
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: id, ...rest };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function isUri(s: string): boolean {
  if (!SCHEME.test(s) || !URI_CHARS.test(s)) return false;
  return URL.canParse(s);
}

function isUriReference(s: string): boolean {
  if (!URI_CHARS.test(s)) return false;
  return SCHEME.test(s) ? URL.canParse(s) : URL.canParse(s, 'file:///base/');
}

// strictRequired is off: the official schema names properties of the parent object in anyOf/oneOf branches (legal, but Ajv's strict mode flags it).
const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
ajv.addFormat('uri', isUri);
ajv.addFormat('uri-reference', isUriReference);
ajv.addFormat('date-time', (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(draft07());

function sarif(result: AuditResult = sampleResult(), ticket?: string): Node {
  return JSON.parse(sarifReport(result, ticket === undefined ? {} : { ticket })) as Node;
}

function run(doc: Node): Node {
  const runs = doc.runs as Node[];
  assert.is(runs.length, 1);
  return runs[0] as Node;
}

function results(doc: Node): Node[] {
  return run(doc).results as Node[];
}

const overPermissive: Finding = {
  id: 'over-permissive:exports/k2-app01.netsh.txt:60',
  code: 'RULE_OVER_PERMISSIVE',
  severity: 'info',
  args: { ruleId: `${NETSH}:60`, ruleName: HOSTILE, traits: ['any-port'], excess: '1-65535/tcp', keep: '' },
  refs: [{ file: NETSH, line: 60 }, { file: 'C:\\exports\\a b#1.txt', vendorId: '{GUID-1}' }],
  direction: 'in',
  protocol: 'tcp',
  ports: ALL_PORTS,
  exposes: ['Remote Desktop 3389/tcp'],
};

function hostileResult(): AuditResult {
  return { ...sampleResult(), findings: [...FINDINGS, overPermissive] };
}

test('the schema file is the OASIS SARIF 2.1.0 schema, draft-04, with no keyword that changed meaning by draft-07', () => {
  assert.is(raw.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  assert.is(raw.id, SARIF_SCHEMA_URI);
  assert.is(raw.$schema, 'http://json-schema.org/draft-04/schema#');
  const changed: unknown[] = [];
  walk(raw, (n) => {
    for (const k of ['exclusiveMinimum', 'exclusiveMaximum', 'dependencies']) if (k in n && typeof n[k] !== 'object') changed.push(n[k]);
  });
  assert.equal(changed, []);
  assert.is(Object.keys(raw.definitions as Node).length, 52);
});

test('the SARIF output validates against the SARIF 2.1.0 schema', () => {
  for (const [name, doc] of [
    ['sample', sarif(sampleResult(), 'CHG-1234')],
    ['passing', sarif(passingResult())],
    ['hostile', sarif(hostileResult())],
    ['no inputs', sarif({ ...passingResult(), inputs: [], findings: FINDINGS })],
  ] as const) {
    const ok = validate(doc);
    assert.ok(ok, `${name}: ${JSON.stringify(validate.errors, null, 2)}`);
  }
});

test('the validator is not vacuous: broken logs are rejected', () => {
  const bad = (mutate: (doc: Node) => void): boolean => {
    const doc = sarif();
    mutate(doc);
    return validate(doc) as boolean;
  };
  assert.not.ok(bad((d) => ((results(d)[0] as Node).level = 'fatal')));
  assert.not.ok(bad((d) => delete (results(d)[0] as Node).message));
  assert.not.ok(bad((d) => ((d as Node).version = '2.0.0')));
  assert.not.ok(bad((d) => ((run(d).artifacts as Node[]).push({ location: { uri: 'has space' } }))));
  assert.not.ok(bad((d) => ((run(d) as Node).extra = 1)));
});

test('driver: name, version, one rule per finding code; results point at their rule', () => {
  const doc = sarif();
  assert.is(doc.$schema, SARIF_SCHEMA_URI);
  assert.is(doc.version, '2.1.0');
  const driver = (run(doc).tool as Node).driver as Node;
  assert.is(driver.name, 'k2audit');
  assert.is(driver.version, '0.1.0');
  assert.not.ok('informationUri' in driver);
  const rules = driver.rules as Node[];
  const ids = rules.map((r) => r.id);
  assert.is(new Set(ids).size, ids.length);
  assert.ok(ids.includes('REQUIREMENT_BLOCKED') && ids.includes('WAIVER_EXPIRED') && ids.includes('ANOMALY_PAIRS_CAPPED'));
  for (const r of results(doc)) assert.is((rules[r.ruleIndex as number] as Node).id, r.ruleId);
  assert.equal((rules[ids.indexOf('FIREWALL_OFF')] as Node).properties, { kind: 'firewall-off' });
});

test('results: finding id as partial fingerprint, level from severity, message from findingMessage, properties', () => {
  const rs = results(sarif());
  assert.equal(
    rs.map((r) => [r.ruleId, r.level, (r.partialFingerprints as Node)[FINGERPRINT_KEY]]),
    FINDINGS.map((f) => [f.code, sarifLevel(f.severity), f.id]),
  );
  assert.equal(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as 'high')), ['error', 'error', 'warning', 'note', 'note']);
  const blocked = rs[1] as Node;
  assert.equal(blocked.message, { text: 'K2 Host Server connections (5555/tcp inbound) is blocked' });
  assert.equal(blocked.properties, { severity: 'high', kind: 'gap', requirementId: 'k2-host-server-in-tcp', direction: 'in', protocol: 'tcp', ports: '5555', exposes: [] });
  assert.equal((rs[0] as Node).properties, { severity: 'critical', kind: 'firewall-off', exposes: ['Remote Desktop 3389/tcp', 'WinRM 5985/tcp'] });
});

test('locations: file:line as region.startLine, element paths and vendor ids as logical locations, artifact index', () => {
  const rs = results(sarif(hostileResult()));
  assert.equal((rs[1] as Node).locations, [{ physicalLocation: { artifactLocation: { uri: 'exports/k2-app01.netsh.txt', index: 0 }, region: { startLine: 52 } } }]);
  assert.equal((rs[0] as Node).locations, [
    {
      physicalLocation: { artifactLocation: { uri: 'exports/k2-app01%20gpo.xml', index: 1 } },
      logicalLocations: [{ fullyQualifiedName: 'DomainProfile/EnableFirewall', kind: 'element' }],
    },
  ]);
  const unknown = rs[3] as Node;
  assert.equal(unknown.locations, [{ physicalLocation: { artifactLocation: { uri: 'exports/k2-app01.netsh.txt', index: 0 } } }], 'no refs: the audited export');
  const op = rs[5] as Node;
  assert.equal((op.locations as Node[])[1], {
    physicalLocation: { artifactLocation: { uri: 'file:///C:/exports/a%20b%231.txt' } },
    logicalLocations: [{ name: '{GUID-1}', kind: 'object' }],
  });
  assert.is(fileUri('a:b/c d.txt'), 'a%3Ab/c%20d.txt');
  assert.is(fileUri('/abs/x.txt'), '/abs/x.txt');
});

test('artifacts: one per input with SHA-256, encoding, format; run properties carry the sign-off fields', () => {
  const r = run(sarif(sampleResult(), 'CHG-1234'));
  assert.equal(r.artifacts, [
    { location: { uri: 'exports/k2-app01.netsh.txt' }, encoding: 'utf-16le', hashes: { 'sha-256': 'a'.repeat(64) }, roles: ['analysisTarget'], properties: { format: 'netsh', ruleCount: 14 } },
    { location: { uri: 'exports/k2-app01%20gpo.xml' }, encoding: 'utf-8', hashes: { 'sha-256': '0123456789abcdef'.repeat(4) }, roles: ['analysisTarget'], properties: { format: 'gpo-xml', ruleCount: 3 } },
  ]);
  assert.equal(r.properties, {
    verdict: 'fail',
    failOn: 'high',
    profile: 'farm',
    features: ['email=smtp', 'web=https'],
    requirementSetVersion: 'k2-ports-1',
    firewallProfile: 'domain',
    generatedAt: '2024-05-01T12:00:00.000Z',
    ticket: 'CHG-1234',
  });
});

test('hostile rule names stay data: no raw markup in the file, exact text after parsing', () => {
  const text = sarifReport(hostileResult(), { ticket: EVIL_NAME });
  assert.not.ok(/[<>&]/.test(text), 'markup characters are \\u escaped');
  assert.ok(text.includes('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'));
  const doc = JSON.parse(text) as Node;
  assert.ok(((results(doc)[5] as Node).message as Node).text?.toString().includes(`rule "${HOSTILE}" opens more than`));
  assert.is((run(doc).properties as Node).ticket, EVIL_NAME);
});

test('waived findings carry an accepted external suppression', () => {
  const note = { id: 'w#0', reason: 'migration <x>', approver: 'A. B', ticket: 'CHG-9', expires: '2030-01-01' };
  const doc = sarif({ ...sampleResult(), findings: [{ ...(FINDINGS[1] as Finding), waiver: note }] });
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.equal((results(doc)[0] as Node).suppressions, [{ kind: 'external', status: 'accepted', justification: 'migration <x> (approved by A. B, ticket CHG-9, until 2030-01-01)' }]);
});

test('output is deterministic and ends with one newline', () => {
  const a = sarifReport(sampleResult(), { ticket: 'T' });
  assert.is(a, sarifReport(sampleResult(), { ticket: 'T' }));
  assert.ok(a.endsWith('}\n') && !a.endsWith('\n\n'));
});

test.run();
