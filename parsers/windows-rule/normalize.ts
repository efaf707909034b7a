/**
 * @fileoverview Stage 2 of the rule-string grammar: a key/value list (from a registry string or GPO XML children)
 * → one model Rule. Absent keys mean any/all (MS-GPFAS): no Profile = all profiles, no Protocol = any, no port or
 * address key = any. Port keys apply to TCP/UDP rules only, ICMP keys to ICMP rules only.
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { ICMP, ICMPV6, protocols, TCP, UDP, type ProtocolSet } from '../../src/model/protocol.js';
import { ANY_PORT_MATCH, type PortMatch, type Rule } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import { parseAction, parseBoolean, parseDirection, readProfiles, readProtocol, readRequired } from './core-values.js';
import { groupFields, type GroupedFields } from './group-fields.js';
import { readAddresses, readIcmp, readPorts } from './match-values.js';
import { RuleIssues } from './rule-issues.js';
import { addScopeConditions } from './scopes.js';
import { splitRuleString, type RuleField } from './split.js';

/** Everything the normalizer needs about one rule. */
export interface RuleInput {
  /** Rule id: the registry value name (XML: the element path). */
  readonly id: string;
  readonly source: SourceRef;
  readonly store: 'local' | 'gpo';
  readonly raw: string;
  /** `v2.30` or `2.20`; undefined when the source has none. */
  readonly version: string | undefined;
  readonly fields: readonly RuleField[];
}

export interface NormalizedRule {
  readonly rule: Rule;
  /** True when an error or warning was reported for the rule (its position counts as unsupported). */
  readonly uncertain: boolean;
}

const PORT_PROTOCOLS = protocols(TCP, UDP);
const ICMP_PROTOCOLS = protocols(ICMP, ICMPV6);

/** Splits and normalizes one registry rule string (`v2.30|Action=…|`). */
export function normalizeRuleString(
  text: string,
  base: Omit<RuleInput, 'version' | 'fields'>,
  diagnostics: Diagnostic[],
): NormalizedRule {
  const split = splitRuleString(text);
  const issues = new RuleIssues(diagnostics, base.source);
  if (split.version === undefined) {
    issues.info('WINRULE_MISSING_VERSION', `rule string does not start with a version ("v2.30|"): ${clip(text)}`);
  }
  for (const part of split.malformed) {
    issues.error('WINRULE_MALFORMED_FIELD', `field without "Key=": "${clip(part)}"`, `unreadable field "${clip(part)}"`);
  }
  return build({ ...base, version: split.version, fields: split.fields }, issues);
}

/** Normalizes one rule from its key/value list. */
export function normalizeRule(input: RuleInput, diagnostics: Diagnostic[]): NormalizedRule {
  return build(input, new RuleIssues(diagnostics, input.source));
}

function build(input: RuleInput, issues: RuleIssues): NormalizedRule {
  checkVersion(input.version, issues);
  const g = groupFields(input.fields, issues);
  const enabled = readRequired(g.core.active, 'Active', parseBoolean, true, issues);
  const direction = readRequired(g.core.dir, 'Dir', parseDirection, 'in', issues);
  const action = readRequired(g.core.action, 'Action', parseAction, 'allow', issues);
  const profiles = readProfiles(g.core.profile, issues);
  const protocolSet = readProtocol(g.core.protocol, issues);
  const { localPorts, remotePorts } = readPortSides(g, protocolSet, issues);
  if (ICMP_PROTOCOLS.contains(protocolSet) && !protocolSet.isEmpty()) readIcmp(g.icmp, issues);
  else notApplicable(g.icmp, 'ICMP type/code', issues);
  const localAddresses = readAddresses(g.localAddresses, 'local address', issues);
  const remoteAddresses = readAddresses(g.remoteAddresses, 'remote address', issues);
  addScopeConditions(g.scopes.values(), issues);
  const name = g.name ?? input.id;
  const rule: Rule = {
    id: input.id,
    name,
    source: input.source,
    enabled,
    direction,
    action,
    protocols: protocolSet,
    localPorts,
    remotePorts,
    localAddresses,
    remoteAddresses,
    profiles,
    conditions: [...issues.conditions],
    store: input.store,
    raw: input.raw,
  };
  return { rule, uncertain: issues.uncertain };
}

/** Port keys mean something for TCP/UDP only; with no protocol they are kept but make the rule uncertain. */
function readPortSides(g: GroupedFields, protocolSet: ProtocolSet, issues: RuleIssues): { localPorts: PortMatch; remotePorts: PortMatch } {
  const any = { localPorts: ANY_PORT_MATCH, remotePorts: ANY_PORT_MATCH };
  const all = [...g.localPorts, ...g.remotePorts];
  if (all.length === 0) return any;
  if (protocolSet.isFull()) {
    issues.warn('WINRULE_PORTS_WITHOUT_PROTOCOL', 'port fields on a rule without a TCP/UDP protocol', 'ports without TCP/UDP protocol', all[0]?.ref);
  } else if (!PORT_PROTOCOLS.contains(protocolSet)) {
    notApplicable(all, 'port', issues);
    return any;
  }
  return {
    localPorts: readPorts(g.localPorts, 'local port', issues),
    remotePorts: readPorts(g.remotePorts, 'remote port', issues),
  };
}

function notApplicable(fields: readonly RuleField[], what: string, issues: RuleIssues): void {
  const first = fields[0];
  if (first === undefined) return;
  issues.info('WINRULE_FIELD_NOT_APPLICABLE', `${what} field ${first.key}=${first.value} ignored: it does not apply to the rule's protocol`, first.ref);
}

/** Versions already found to be a 2.x grammar (an export repeats one or two versions on every rule). */
const KNOWN_VERSIONS = new Set<string>();

function checkVersion(version: string | undefined, issues: RuleIssues): void {
  if (version === undefined || KNOWN_VERSIONS.has(version)) return;
  const m = /^v?(\d+)\.(\d+)$/i.exec(version.trim());
  if (m !== null && m[1] === '2') KNOWN_VERSIONS.add(version);
  if (m === null) {
    issues.warn('WINRULE_UNKNOWN_VERSION', `unreadable rule version "${version}"`, `rule version "${version}"`);
  } else if (m[1] !== '2') {
    issues.warn('WINRULE_UNKNOWN_VERSION', `rule version "${version}" is not a known 2.x grammar`, `rule version "${version}"`);
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
