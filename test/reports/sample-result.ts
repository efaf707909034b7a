/**
 * @fileoverview Hand-built AuditResult values for reporter tests: two inputs, one requirement per status,
 * one finding per code, and hostile input text (`<script>` and `|` in a rule name, newlines, backticks).
 */
import { AddressSet } from '../../src/model/address-set.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { parseAddressList } from '../../src/model/ip.js';
import { NO_PORTS, ports } from '../../src/model/port-set.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { Finding } from '../../src/findings/finding.js';
import type { RemediationItem } from '../../src/findings/remediation.js';
import type { AuditResult, Citation, InputSummary, RequirementResult } from '../../src/findings/result.js';
import type { Requirement } from '../../src/requirements/types.js';

export const SEED = '000_9cde9e52c73b87e5.txt';
export const NETSH = 'exports/k2-app01.netsh.txt';
export const GPO = 'exports/k2-app01 gpo.xml';
export const EVIL_NAME = '<script>alert(1)</script>|x';

const GPO_RULES: readonly string[] = ['Rules', 'FirewallRule[3]'];

function address(text: string): AddressSet {
  const r = parseAddressList(text);
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

function rule(name: string, ref: SourceRef): Citation {
  return { kind: 'rule', ruleId: ref.line === undefined ? `${ref.file}#x` : `${ref.file}:${ref.line}`, name, ref };
}

function seedReq(fields: Omit<Requirement, 'remote' | 'remoteText' | 'seed'>, line: number, remote = 'any'): Requirement {
  return {
    ...fields,
    remote: remote === 'any' ? AddressSet.ANY : address(remote),
    remoteText: remote,
    seed: { document: SEED, line, text: `seed row ${line}` },
  };
}

const hostServer = seedReq(
  { id: 'k2-host-server-in-tcp', category: 'K2 Platform', component: 'K2 Host Server connections', direction: 'in', protocol: 'tcp', ports: ports(5555) },
  48,
);
const workflow = seedReq(
  { id: 'k2-workflow-in-tcp', category: 'K2 Platform', component: 'K2 workflow client connections', direction: 'in', protocol: 'tcp', ports: ports(5252) },
  47,
);
const web = seedReq(
  { id: 'k2-web-in-tcp', category: 'K2 Platform', component: 'K2 Web Sites and Services', direction: 'in', protocol: 'tcp', ports: ports(80, 443) },
  43,
);
const config = seedReq(
  { id: 'k2-config-in-tcp', category: 'K2 Platform', component: 'K2 Configuration Service connections', direction: 'in', protocol: 'tcp', ports: ports(5560) },
  49,
);
const sap = seedReq(
  {
    id: 'k2connect-sap-out-tcp',
    category: 'Integration',
    component: 'SAP (K2 Connect)',
    direction: 'out',
    protocol: 'tcp',
    ports: undefined,
    unresolved: 'set --feature sap=NN',
    condition: 'feature k2connect',
  },
  34,
);
const ssh: Requirement = {
  id: 'ssh-in-tcp',
  category: 'Custom',
  component: 'SSH administration',
  direction: 'in',
  protocol: 'tcp',
  ports: ports(22),
  remote: address('10.0.0.0/8'),
  remoteText: '10.0.0.0/8',
  source: { file: 'reqs.yaml', line: 3 },
};

const evil = rule(EVIL_NAME, { file: NETSH, line: 52 });
const webRule = rule('K2 Web `HTTP`', { file: NETSH, line: 12 });
const hostRule = rule('K2 Config (program)', { file: GPO, path: GPO_RULES });
const defaultIn: Citation = {
  kind: 'default-policy',
  name: 'default inbound action of the domain profile: block',
  ref: { file: GPO, path: ['DomainProfile', 'DefaultInboundAction'] },
};

/** One requirement per status; deliberately not in id order (reporters must keep the engine's order). */
export const REQUIREMENTS: readonly RequirementResult[] = [
  { requirement: hostServer, status: 'blocked', missing: ports(5555), allowedBy: [], blockedBy: [evil], conditionalBy: [] },
  { requirement: workflow, status: 'allowed', missing: NO_PORTS, allowedBy: [rule('K2 Workflow', { file: NETSH, line: 10 })], blockedBy: [], conditionalBy: [] },
  { requirement: web, status: 'partial', missing: ports(443), allowedBy: [webRule], blockedBy: [defaultIn], conditionalBy: [] },
  { requirement: config, status: 'conditional', missing: ports(5560), allowedBy: [], blockedBy: [], conditionalBy: [hostRule] },
  {
    requirement: sap,
    status: 'unknown',
    missing: NO_PORTS,
    allowedBy: [],
    blockedBy: [],
    conditionalBy: [],
    reason: 'the SAP system number is not set',
  },
  { requirement: ssh, status: 'waived', missing: ports(22), allowedBy: [], blockedBy: [defaultIn], conditionalBy: [] },
];

/** One finding per code, sorted by severity then id as the engine does. */
export const FINDINGS: readonly Finding[] = [
  {
    id: 'f-0a1b2c3d',
    code: 'FIREWALL_OFF',
    severity: 'critical',
    args: { profile: 'domain' },
    refs: [{ file: GPO, path: ['DomainProfile', 'EnableFirewall'] }],
    exposes: ['Remote Desktop 3389/tcp', 'WinRM 5985/tcp'],
  },
  {
    id: 'f-1b2c3d4e',
    code: 'REQUIREMENT_BLOCKED',
    severity: 'high',
    args: { requirementId: hostServer.id, component: hostServer.component },
    refs: [evil.ref],
    direction: 'in',
    protocol: 'tcp',
    ports: ports(5555),
    requirementId: hostServer.id,
  },
  {
    id: 'f-2c3d4e5f',
    code: 'REQUIREMENT_PARTIAL',
    severity: 'medium',
    args: { requirementId: web.id, component: web.component, missing: '443', scopedTo: '10.1.0.0/16' },
    refs: [webRule.ref, defaultIn.ref],
    direction: 'in',
    protocol: 'tcp',
    ports: ports(80, 443),
    requirementId: web.id,
  },
  {
    id: 'f-3d4e5f60',
    code: 'REQUIREMENT_UNKNOWN',
    severity: 'medium',
    args: { requirementId: sap.id, component: sap.component, reason: 'the SAP system number is not set' },
    refs: [],
    direction: 'out',
    protocol: 'tcp',
    requirementId: sap.id,
  },
  {
    id: 'f-4e5f6071',
    code: 'REQUIREMENT_CONDITIONAL',
    severity: 'low',
    args: { requirementId: config.id, component: config.component, conditions: ['program C:\\k2\\host.exe'] },
    refs: [hostRule.ref],
    direction: 'in',
    protocol: 'tcp',
    ports: ports(5560),
    requirementId: config.id,
  },
];

/** Remediation items (only the HTML report shows them); the command quotes the hostile rule name. */
export const REMEDIATION: readonly RemediationItem[] = [
  {
    id: 'fix:k2-host-server-in-tcp',
    requirementId: hostServer.id,
    action: 'add',
    summary: `add an inbound allow rule for 5555/tcp; remove or narrow block rule "${EVIL_NAME}"`,
    commands: [
      { dialect: 'netsh', text: 'netsh advfirewall firewall add rule name="K2 Host Server (TCP 5555-In)" dir=in action=allow protocol=TCP localport=5555' },
      { dialect: 'netsh', text: `netsh advfirewall firewall delete rule name="${EVIL_NAME}"` },
    ],
  },
  { id: 'fix:k2-workflow-in-tcp', requirementId: workflow.id, action: 'none', summary: 'no change needed', commands: [] },
  {
    id: 'fix:f-0a1b2c3d',
    findingId: 'f-0a1b2c3d',
    action: 'manual',
    summary: 'turn the firewall on for the domain profile',
    commands: [{ dialect: 'powershell', text: 'Set-NetFirewallProfile -Profile Domain -Enabled True' }],
  },
];

function diag(severity: Diagnostic['severity'], code: string, message: string, ref: SourceRef): Diagnostic {
  return { severity, code, message, ref };
}

const netshInput: InputSummary = {
  path: NETSH,
  format: 'netsh',
  encoding: 'utf-16le',
  sha256: 'a'.repeat(64),
  ruleCount: 14,
  diagnostics: [
    diag('error', 'UNKNOWN_PROTOCOL', 'unknown protocol "tpc"', { file: NETSH, line: 17 }),
    diag('warning', 'UNSUPPORTED_FIELD', 'unsupported field "Edge `traversal`"\nsecond line | pipe', { file: NETSH, line: 40 }),
  ],
  accounting: { total: 120, parsed: 100, ignored: { separator: 8, blank: 10 }, unsupported: 2 },
};

/** Eleven diagnostics, so the Markdown report collapses them; one has no line (element path). */
const gpoDiagnostics: Diagnostic[] = [
  diag('warning', 'UNSUPPORTED_ELEMENT', 'unsupported element "Authentication"', { file: GPO, path: ['Rules', 'FirewallRule[7]'] }),
  ...Array.from({ length: 10 }, (_, i) => diag('info', 'LOCAL_RULE_IGNORED', `local rule "R${i + 1}" ignored`, { file: GPO, line: 100 + i })),
];

const gpoInput: InputSummary = {
  path: GPO,
  format: 'gpo-xml',
  encoding: 'utf-8',
  sha256: '0123456789abcdef'.repeat(4),
  ruleCount: 3,
  diagnostics: gpoDiagnostics,
  accounting: { total: 400, parsed: 390, ignored: { comment: 10 }, unsupported: 0 },
};

/** The complete sample: fails at `high`. */
export function sampleResult(): AuditResult {
  return {
    tool: { name: 'k2audit', version: '0.1.0' },
    requirementSet: { profile: 'farm', version: 'k2-ports-1', features: ['email=smtp', 'web=https'] },
    firewallProfile: 'domain',
    inputs: [netshInput, gpoInput],
    verdict: 'fail',
    failOn: 'high',
    requirements: REQUIREMENTS,
    findings: FINDINGS,
    remediation: REMEDIATION,
    generatedAt: '2024-05-01T12:00:00.000Z',
  };
}

/** A passing result: one allowed requirement, no findings, no diagnostics, no profile (custom file only). */
export function passingResult(): AuditResult {
  const base = sampleResult();
  return {
    ...base,
    requirementSet: { profile: null, version: 'k2-ports-1', features: [] },
    inputs: [{ ...netshInput, diagnostics: [] }],
    verdict: 'pass',
    failOn: 'none',
    requirements: [REQUIREMENTS[1] as RequirementResult],
    findings: [],
  };
}
