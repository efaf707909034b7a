/**
 * @fileoverview The SARIF 2.1.0 report for code-scanning dashboards: one run, one reportingDescriptor per
 * finding code, one result per finding with a stable partial fingerprint (the finding id), artifacts with
 * the inputs' SHA-256. Deterministic: fixed key order, the result's order, no clock.
 */
import { formatPorts } from '../src/model/port-set.js';
import type { SourceRef } from '../src/model/source-ref.js';
import { findingKind, type Finding, type FindingCode } from '../src/findings/finding.js';
import { findingText } from './finding-text.js';
import type { AuditResult } from '../src/findings/result.js';
import type { Severity } from '../src/findings/severity.js';
import type { ReportOptions } from './types.js';

/** The schema the log declares (OASIS SARIF 2.1.0 Errata 01); an identifier, never fetched. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Name of the partial fingerprint; versioned, so a change of recipe is a new key. */
export const FINGERPRINT_KEY = 'k2auditFindingId/v1';

/** One short description per finding code: the `Record` makes the list exhaustive at compile time. */
const RULE_TEXT: Readonly<Record<FindingCode, string>> = {
  REQUIREMENT_BLOCKED: 'A required flow is blocked by the firewall.',
  REQUIREMENT_PARTIAL: 'A required flow is allowed only for some ports or remote addresses.',
  REQUIREMENT_CONDITIONAL: 'A required flow is allowed only under conditions the export cannot prove.',
  REQUIREMENT_UNKNOWN: 'Whether a required flow is allowed cannot be decided from the inputs.',
  FIREWALL_OFF: 'The firewall is off for the audited profile: every port is open.',
  RETURN_TRAFFIC_BLOCKED: 'A chain drops by default and accepts no ESTABLISHED packets, so replies are dropped.',
  RULE_OVER_PERMISSIVE: 'A rule opens more than the requirements need.',
  RULE_SHADOWED: 'A rule never decides anything because earlier rules cover it.',
  RULE_REDUNDANT: 'A rule is redundant: removing it changes nothing.',
  RULES_CORRELATED: 'Two rules partly overlap with different actions; their order decides the overlap.',
  RULE_GENERALIZATION: 'A rule generalizes earlier rules that have a different action.',
  ALLOW_OVERRIDDEN: 'An allow rule has no effect because block rules cover everything it allows.',
  BLOCK_CUTS_REQUIREMENT: 'A block rule cuts into a required flow.',
  DISABLED_RULE_WOULD_CLOSE_GAP: 'A disabled rule would close a requirement gap if enabled.',
  WAIVER_EXPIRED: 'A waiver has expired, so the finding it covered fails again.',
  WAIVER_UNUSED: 'A waiver matches no finding or requirement.',
  ANOMALY_PAIRS_CAPPED: 'More rule pairs were found than the report lists.',
};

const CODES = Object.keys(RULE_TEXT) as FindingCode[];
const RULE_INDEX: ReadonlyMap<FindingCode, number> = new Map(CODES.map((c, i) => [c, i]));

/** SARIF level for a severity: critical/high → error, medium → warning, low/info → note. */
export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  if (s === 'critical' || s === 'high') return 'error';
  return s === 'medium' ? 'warning' : 'note';
}

/**
 * A file path as a URI reference: `\` becomes `/`, each segment is percent-encoded (spaces, `#`, `:`), and a
 * Windows drive path becomes `file:///C:/…`. Relative paths stay relative, as given.
 */
export function fileUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(slashed);
  const encoded = slashed
    .split('/')
    .map((seg, i) => (drive && i === 0 ? seg : encodeURIComponent(seg)))
    .join('/');
  return drive ? `file:///${encoded}` : encoded;
}

function artifacts(result: AuditResult): { list: Record<string, unknown>[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const list: Record<string, unknown>[] = [];
  for (const input of result.inputs) {
    if (index.has(input.path)) continue;
    index.set(input.path, list.length);
    list.push({
      location: { uri: fileUri(input.path) },
      encoding: input.encoding,
      hashes: { 'sha-256': input.sha256 },
      roles: ['analysisTarget'],
      properties: { format: input.format, ruleCount: input.ruleCount },
    });
  }
  return { list, index };
}

/** File URIs by path: a report cites few files, each of them many times. */
type UriCache = Map<string, string>;

function uriOf(path: string, uris: UriCache): string {
  const known = uris.get(path);
  if (known !== undefined) return known;
  const uri = fileUri(path);
  uris.set(path, uri);
  return uri;
}

function location(ref: SourceRef, index: ReadonlyMap<string, number>, uris: UriCache): Record<string, unknown> {
  const i = index.get(ref.file);
  const artifactLocation = { uri: uriOf(ref.file, uris), ...(i === undefined ? {} : { index: i }) };
  const region = ref.line !== undefined && ref.line >= 1 ? { region: { startLine: ref.line } } : {};
  const logical: Record<string, string>[] = [];
  if (ref.path !== undefined && ref.path.length > 0) logical.push({ fullyQualifiedName: ref.path.join('/'), kind: 'element' });
  if (ref.vendorId !== undefined) logical.push({ name: ref.vendorId, kind: 'object' });
  return { physicalLocation: { artifactLocation, ...region }, ...(logical.length === 0 ? {} : { logicalLocations: logical }) };
}

function resultJson(f: Finding, result: AuditResult, index: ReadonlyMap<string, number>, uris: UriCache): Record<string, unknown> {
  // A finding without refs (e.g. an unresolvable requirement) is about the audited export as a whole.
  const first = result.inputs[0];
  const refs: readonly SourceRef[] = f.refs.length > 0 ? f.refs : first === undefined ? [] : [{ file: first.path }];
  const properties = {
    severity: f.severity,
    kind: findingKind(f.code),
    ...(f.requirementId === undefined ? {} : { requirementId: f.requirementId }),
    ...(f.direction === undefined ? {} : { direction: f.direction }),
    ...(f.protocol === undefined ? {} : { protocol: f.protocol }),
    ...(f.ports === undefined ? {} : { ports: formatPorts(f.ports) }),
    exposes: [...(f.exposes ?? [])],
  };
  const w = f.waiver;
  const suppressions =
    w === undefined
      ? {}
      : { suppressions: [{ kind: 'external', status: 'accepted', justification: `${w.reason} (approved by ${w.approver}, ticket ${w.ticket}, until ${w.expires})` }] };
  return {
    ruleId: f.code,
    ruleIndex: RULE_INDEX.get(f.code) ?? -1,
    level: sarifLevel(f.severity),
    message: { text: findingText(f) },
    locations: refs.map((r) => location(r, index, uris)),
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    ...suppressions,
    properties,
  };
}

/** The SARIF log as a plain object (exported for tests). */
export function toSarif(result: AuditResult, options: ReportOptions): Record<string, unknown> {
  const { list, index } = artifacts(result);
  const uris: UriCache = new Map();
  const ticket = options.ticket ?? result.ticket;
  const rules = CODES.map((code) => ({ id: code, shortDescription: { text: RULE_TEXT[code] }, properties: { kind: findingKind(code) } }));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: result.tool.name, version: result.tool.version, rules } },
        artifacts: list,
        results: result.findings.map((f) => resultJson(f, result, index, uris)),
        properties: {
          verdict: result.verdict,
          failOn: result.failOn,
          profile: result.requirementSet.profile,
          features: [...result.requirementSet.features],
          requirementSetVersion: result.requirementSet.version,
          firewallProfile: result.firewallProfile,
          generatedAt: result.generatedAt,
          ...(ticket === undefined ? {} : { ticket }),
        },
      },
    ],
  };
}

/**
 * Renders the log as pretty JSON plus a newline. `<`, `>`, `&` and U+2028/2029 are written as `\u` escapes:
 * the same JSON value, but inert if a viewer pastes it into HTML or a script.
 */
export function sarifReport(result: AuditResult, options: ReportOptions): string {
  const text = JSON.stringify(toSarif(result, options), null, 2);
  const safe = text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${safe}\n`;
}
