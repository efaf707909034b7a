/**
 * @fileoverview The JSON reporter: exact contract fields, key order, unresolved ports, diagnostics without lines.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonReport } from '../../reports/json.js';
import type { AuditResult } from '../../src/findings/result.js';
import { EVIL_NAME, GPO, NETSH, REQUIREMENTS, SEED, sampleResult } from './sample-result.js';

type Json = Record<string, unknown>;

function render(result: AuditResult = sampleResult(), ticket?: string): Json {
  const text = jsonReport(result, ticket === undefined ? {} : { ticket });
  return JSON.parse(text) as Json;
}

const list = (v: unknown): Json[] => v as Json[];

test('output is 2-space JSON ending in one newline, top-level keys in fixed order', () => {
  const text = jsonReport(sampleResult(), {});
  assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
  assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {'));
  const keys = Object.keys(JSON.parse(text) as Json);
  assert.equal(keys, [
    'schemaVersion', 'tool', 'generatedAt', 'ticket', 'requirementSetVersion', 'profile', 'failOn',
    'inputs', 'verdict', 'summary', 'requirements', 'findings', 'remediation',
  ]);
});

test('header fields: tool, profile, verdict, ticket, summary counts', () => {
  const j = render(sampleResult(), 'CHG-42');
  assert.equal(j.tool, { name: 'k2audit', version: '0.1.0' });
  assert.equal(j.profile, { name: 'farm', features: ['email=smtp', 'web=https'], firewallProfile: 'domain' });
  assert.is(j.verdict, 'fail');
  assert.is(j.failOn, 'high');
  assert.is(j.ticket, 'CHG-42');
  assert.is(j.generatedAt, '2024-05-01T12:00:00.000Z');
  assert.is(j.requirementSetVersion, 'k2-ports-1');
  assert.equal(j.summary, {
    requirements: { allowed: 1, partial: 1, blocked: 1, conditional: 1, unknown: 1, waived: 1 },
    findings: { critical: 1, high: 1, medium: 2, low: 1, info: 0 },
  });
  assert.is(render().ticket, null);
});

test('inputs: diagnostics keep line when there is one, omit it (never 0) for element paths', () => {
  const inputs = list(render().inputs);
  const netsh = inputs[0] as Json;
  assert.equal(Object.keys(netsh), ['path', 'format', 'encoding', 'sha256', 'ruleCount', 'accounting', 'diagnostics']);
  assert.is(netsh.path, NETSH);
  assert.is(netsh.format, 'netsh');
  assert.is(netsh.encoding, 'utf-16le');
  assert.is(netsh.ruleCount, 14);
  assert.equal(netsh.accounting, { total: 120, parsed: 100, ignored: { blank: 10, separator: 8 }, unsupported: 2 });
  assert.equal(Object.keys((netsh.accounting as { ignored: Json }).ignored), ['blank', 'separator']);
  assert.equal(list(netsh.diagnostics)[0], {
    severity: 'error', line: 17, message: 'unknown protocol "tpc"', code: 'UNKNOWN_PROTOCOL', ref: `${NETSH}:17`,
  });
  const gpoFirst = list((inputs[1] as Json).diagnostics)[0] as Json;
  assert.not.ok('line' in gpoFirst);
  assert.is(gpoFirst.ref, `${GPO}#Rules/FirewallRule[7]`);
});

test('requirements: exact fields, engine order kept, ruleRefs from citations', () => {
  const reqs = list(render().requirements);
  assert.equal(reqs.map((r) => r.id), REQUIREMENTS.map((r) => r.requirement.id));
  assert.equal(reqs[0], {
    id: 'k2-host-server-in-tcp',
    category: 'K2 Platform',
    component: 'K2 Host Server connections',
    direction: 'in',
    protocol: 'tcp',
    ports: [[5555, 5555]],
    remote: 'any',
    status: 'blocked',
    missing: [[5555, 5555]],
    allowedBy: [],
    blockedBy: [`${NETSH}:52`],
    conditionalBy: [],
    seed: { document: SEED, line: 48 },
    source: null,
  });
  const web = reqs[2] as Json;
  assert.equal(web.ports, [[80, 80], [443, 443]]);
  assert.equal(web.blockedBy, [`${GPO}#DomainProfile/DefaultInboundAction`]);
  assert.equal((reqs[3] as Json).conditionalBy, [`${GPO}#Rules/FirewallRule[3]`]);
  const ssh = reqs[5] as Json;
  assert.is(ssh.source, 'reqs.yaml:3');
  assert.is(ssh.seed, null);
  assert.is(ssh.remote, '10.0.0.0/8');
});

test('unresolved requirement: ports [] plus the unresolved text, reason and condition carried', () => {
  const sap = list(render().requirements)[4] as Json;
  assert.equal(sap.ports, []);
  assert.is(sap.unresolved, 'set --feature sap=NN');
  assert.is(sap.reason, 'the SAP system number is not set');
  assert.is(sap.condition, 'feature k2connect');
  assert.not.ok('unresolved' in (list(render().requirements)[0] as Json));
});

test('findings: order kept, kind from code, message from messages.ts, nulls for absent fields', () => {
  const findings = list(render().findings);
  assert.equal(findings.map((f) => f.code), [
    'FIREWALL_OFF', 'REQUIREMENT_BLOCKED', 'REQUIREMENT_PARTIAL', 'REQUIREMENT_UNKNOWN', 'REQUIREMENT_CONDITIONAL',
  ]);
  assert.equal(findings[0], {
    id: 'f-0a1b2c3d',
    code: 'FIREWALL_OFF',
    kind: 'firewall-off',
    severity: 'critical',
    message: 'the firewall is OFF for the domain profile: every port is open',
    direction: null,
    protocol: null,
    ports: [],
    rules: [`${GPO}#DomainProfile/EnableFirewall`],
    requirement: null,
    exposes: ['Remote Desktop 3389/tcp', 'WinRM 5985/tcp'],
  });
  assert.equal(findings[1], {
    id: 'f-1b2c3d4e',
    code: 'REQUIREMENT_BLOCKED',
    kind: 'gap',
    severity: 'high',
    message: 'K2 Host Server connections (5555/tcp inbound) is blocked',
    direction: 'in',
    protocol: 'tcp',
    ports: [[5555, 5555]],
    rules: [`${NETSH}:52`],
    requirement: 'k2-host-server-in-tcp',
    exposes: [],
  });
});

test('input text is carried verbatim (JSON escaping only) and the report is deterministic', () => {
  const text = jsonReport(sampleResult(), {});
  assert.ok(text.includes('"Edge `traversal`\\"\\nsecond line | pipe"'));
  assert.is(jsonReport(sampleResult(), {}), text);
  // Requirements and findings cite rules by position only; remediation text carries the name as plain JSON data.
  const doc = JSON.parse(text) as { requirements: unknown; findings: unknown; remediation: { summary: string }[] };
  assert.not.ok(JSON.stringify([doc.requirements, doc.findings]).includes(EVIL_NAME));
  assert.ok(doc.remediation.some((r) => r.summary.includes(EVIL_NAME)));
});

test.run();
