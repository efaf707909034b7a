/**
 * @fileoverview The JSON report: the stable contract of SPEC §7 (schemaVersion 1), documented by
 * schema/k2audit-result.schema.json. Keys are emitted in a fixed order; arrays keep the engine's order.
 */
import type { Diagnostic, LineAccounting } from '../src/model/diagnostic.js';
import { portPairs, type PortSet } from '../src/model/port-set.js';
import { formatRef } from '../src/model/source-ref.js';
import { findingKind, type Finding } from '../src/findings/finding.js';
import { findingText } from './finding-text.js';
import type { AuditResult, Citation, InputSummary, RequirementResult } from '../src/findings/result.js';
import type { RemediationItem } from '../src/findings/remediation.js';
import { prettyObject, StreamedArray } from './json-pretty.js';
import { requirementCounts, severityCounts } from './summary.js';
import type { ReportOptions } from './types.js';

/** Version of the JSON contract; bumped only when a field is renamed or removed. */
export const JSON_SCHEMA_VERSION = 1;

/** Renders the result as pretty-printed JSON followed by a newline. */
export function jsonReport(result: AuditResult, options: ReportOptions): string {
  return [...jsonReportChunks(result, options)].join('');
}

/** jsonReport's text in pieces (the inputs, requirements, findings and remediation a batch of elements at a time). */
export function* jsonReportChunks(result: AuditResult, options: ReportOptions): Generator<string> {
  yield* prettyObject(jsonEntries(result, options));
  yield '\n';
}

/** The JSON document's top-level members, in contract order; the long arrays are mapped as they are written. */
function jsonEntries(result: AuditResult, options: ReportOptions): [string, unknown][] {
  return [
    ['schemaVersion', JSON_SCHEMA_VERSION],
    ['tool', { name: result.tool.name, version: result.tool.version }],
    ['generatedAt', result.generatedAt],
    ['ticket', options.ticket ?? result.ticket ?? null],
    ['requirementSetVersion', result.requirementSet.version],
    ['profile', { name: result.requirementSet.profile, features: [...result.requirementSet.features], firewallProfile: result.firewallProfile }],
    ['failOn', result.failOn],
    ['inputs', new StreamedArray(result.inputs, inputJson)],
    ['verdict', result.verdict],
    ['waivers', result.waivers === undefined ? undefined : { ...result.waivers, files: [...result.waivers.files] }],
    ['summary', { requirements: requirementCounts(result), findings: severityCounts(result) }],
    ['requirements', new StreamedArray(result.requirements, requirementJson)],
    ['findings', new StreamedArray(result.findings, findingJson)],
    ['remediation', new StreamedArray(result.remediation, remediationJson)],
  ];
}

function remediationJson(i: RemediationItem): Record<string, unknown> {
  return {
    id: i.id,
    requirement: i.requirementId ?? null,
    finding: i.findingId ?? null,
    action: i.action,
    summary: i.summary,
    commands: i.commands.map((c) => ({ dialect: c.dialect, text: c.text })),
  };
}

function inputJson(input: InputSummary): Record<string, unknown> {
  return {
    path: input.path,
    format: input.format,
    encoding: input.encoding,
    sha256: input.sha256,
    ruleCount: input.ruleCount,
    accounting: accountingJson(input.accounting),
    diagnostics: input.diagnostics.map(diagnosticJson),
  };
}

function accountingJson(a: LineAccounting): Record<string, unknown> {
  // Reasons sorted so the output does not depend on the order a parser met them.
  const ignored = Object.fromEntries(Object.entries(a.ignored).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return { total: a.total, parsed: a.parsed, ignored, unsupported: a.unsupported };
}

/** `line` is omitted when the diagnostic has no line (XML/JSON element paths); `ref` is always there. */
function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    severity: d.severity,
    ...(d.ref.line === undefined ? {} : { line: d.ref.line }),
    message: d.message,
    code: d.code,
    ref: formatRef(d.ref),
  };
}

function requirementJson(r: RequirementResult): Record<string, unknown> {
  const req = r.requirement;
  return {
    id: req.id,
    category: req.category,
    component: req.component,
    direction: req.direction,
    protocol: req.protocol,
    ports: pairs(req.ports),
    ...(req.ports === undefined ? { unresolved: req.unresolved ?? 'ports unknown' } : {}),
    remote: req.remoteText,
    status: r.status,
    missing: pairs(r.missing),
    allowedBy: refs(r.allowedBy),
    blockedBy: refs(r.blockedBy),
    conditionalBy: refs(r.conditionalBy),
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    ...(r.waiver === undefined ? {} : { waiver: { ...r.waiver }, originalStatus: r.originalStatus }),
    ...(r.families === undefined ? {} : { families: r.families.map((f) => ({ family: f.family, status: f.status, missing: pairs(f.missing) })) }),
    ...(req.condition === undefined ? {} : { condition: req.condition }),
    seed: req.seed === undefined ? null : { document: req.seed.document, line: req.seed.line },
    source: req.source === undefined ? null : formatRef(req.source),
  };
}

/** A finding in the JSON contract's shape (shared with the diff report). No spreads: one object per finding. */
export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: f.id,
    code: f.code,
    kind: findingKind(f.code),
    severity: f.severity,
    message: findingText(f),
    direction: f.direction ?? null,
    protocol: f.protocol ?? null,
    ports: pairs(f.ports),
    rules: f.refs.map(formatRef),
    requirement: f.requirementId ?? null,
    exposes: f.exposes ?? [],
  };
  if (f.waiver !== undefined) out['waiver'] = { ...f.waiver };
  return out;
}

function pairs(set: PortSet | undefined): [number, number][] {
  return set === undefined ? [] : portPairs(set);
}

function refs(citations: readonly Citation[]): string[] {
  return citations.map((c) => formatRef(c.ref));
}
