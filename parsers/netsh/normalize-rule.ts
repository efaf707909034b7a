/**
 * @fileoverview One raw netsh rule block → one model Rule. Keys fields by label, applies port lines only to
 * TCP/UDP rules, turns program/service/interface/security/remote-principal scopes into conditions, and makes the
 * rule uncertain (a Condition) wherever a line is unknown, duplicated or unreadable.
 */
import { FIREWALL_PROFILES, ANY_PORT_MATCH, type FirewallProfile, type Rule } from '../../src/model/rule.js';
import { protocols, TCP, UDP, type ProtocolSet } from '../../src/model/protocol.js';
import type { ParseOptions } from '../types.js';
import {
  isAny,
  isSecurityNotRequired,
  parseAction,
  parseDirection,
  parseProfileToken,
  parseRuleSource,
  parseYesNo,
  type RuleFieldKey,
} from './labels.js';
import { readAddresses, readPorts } from './match-values.js';
import type { RawField, RawRule } from './parse.js';
import { readProtocol } from './protocol-field.js';
import { fieldSegments, fieldText, listTokens, RuleContext } from './rule-context.js';
import { quote, type ParseSink } from '../shared/parse-sink.js';

type Fields = ReadonlyMap<RuleFieldKey, RawField>;

const PORT_PROTOCOLS = protocols(TCP, UDP);

/** Whether port lines apply: a non-empty protocol set within TCP/UDP. Remembered per set (rules share a few). */
function portsApplyTo(set: ProtocolSet): boolean {
  let applies = portsApplyBySet.get(set);
  if (applies === undefined) {
    applies = !set.isEmpty() && PORT_PROTOCOLS.contains(set);
    if (portsApplyBySet.size >= 1000) portsApplyBySet.clear();
    portsApplyBySet.set(set, applies);
  }
  return applies;
}

const portsApplyBySet = new Map<ProtocolSet, boolean>();

/** Normalizes one rule block; never throws, reports problems to `sink`. */
export function normalizeRule(raw: RawRule, sink: ParseSink, options: ParseOptions): Rule {
  const ctx = new RuleContext(sink, raw.line);
  const fields = indexFields(raw, ctx);
  const enabled = required(fields.get('enabled'), 'Enabled', parseYesNo, true, ctx);
  const direction = required(fields.get('direction'), 'Direction', parseDirection, options.direction ?? 'in', ctx);
  const action = required(fields.get('action'), 'Action', parseAction, 'allow', ctx);
  const profiles = readProfiles(fields.get('profiles'), ctx);
  const protocolSet = readProtocol(fields.get('protocol'), ctx);
  const portsApply = portsApplyTo(protocolSet);
  const localPorts = portsApply ? readPorts(fields.get('localPort'), 'local port', ctx) : ANY_PORT_MATCH;
  const remotePorts = portsApply ? readPorts(fields.get('remotePort'), 'remote port', ctx) : ANY_PORT_MATCH;
  const localAddresses = readAddresses(fields.get('localIp'), 'local address', ctx);
  const remoteAddresses = readAddresses(fields.get('remoteIp'), 'remote address', ctx);
  addScopeConditions(fields, ctx);
  const store = readStore(fields.get('ruleSource'), ctx);
  const rule: Rule = {
    id: `${sink.file}:${raw.line}`,
    name: raw.fields[0] === undefined ? '' : fieldText(raw.fields[0]),
    source: { file: sink.file, line: raw.line },
    enabled,
    direction,
    action,
    protocols: protocolSet,
    localPorts,
    remotePorts,
    localAddresses,
    remoteAddresses,
    profiles,
    conditions: ctx.conditions,
    raw: raw.raw,
  };
  return store === undefined ? rule : { ...rule, store };
}

function indexFields(raw: RawRule, ctx: RuleContext): Fields {
  const map = new Map<RuleFieldKey, RawField>();
  for (const field of raw.fields) {
    ctx.sink.parsed(field.value.line);
    for (const seg of field.continuations) ctx.sink.parsed(seg.line);
    if (field.key === undefined) {
      flagField(field, ctx, 'NETSH_UNKNOWN_FIELD', `unknown field "${field.label}" with value ${quote(fieldText(field))}`, 'unknown field');
    } else if (map.has(field.key)) {
      flagField(field, ctx, 'NETSH_DUPLICATE_FIELD', `second "${field.label}" line in one rule; the first is used`, 'duplicate field');
    } else {
      map.set(field.key, field);
    }
  }
  for (const stray of raw.strays) {
    ctx.sink.report('warning', 'NETSH_UNRECOGNIZED_LINE', `unrecognized line in rule: ${quote(stray.text)}`, stray.line);
    ctx.sink.unsupported(stray.line);
    ctx.condition('other', `unreadable line "${stray.text}"`);
  }
  return map;
}

/** Unknown or repeated label: a warning, its lines unsupported, and a condition when the value could narrow. */
function flagField(field: RawField, ctx: RuleContext, code: string, message: string, prefix: string): void {
  ctx.sink.report('warning', code, message, field.value.line);
  for (const seg of fieldSegments(field)) ctx.sink.unsupported(seg.line);
  const text = fieldText(field);
  if (text !== '' && !isAny(text)) ctx.condition('other', `${prefix} ${field.label}: ${text}`);
}

function required<T>(
  field: RawField | undefined,
  label: string,
  parse: (text: string) => T | undefined,
  fallback: T,
  ctx: RuleContext,
): T {
  if (field === undefined) {
    ctx.sink.report('error', 'NETSH_MISSING_FIELD', `rule has no ${label} line; assumed ${String(fallback)}`, ctx.ruleLine);
    ctx.condition('other', `missing ${label.toLowerCase()}`);
    return fallback;
  }
  const text = field.value.text;
  const value = parse(text);
  if (value !== undefined) return value;
  ctx.unreadable('NETSH_INVALID_VALUE', `invalid ${label} value "${text}"`, field.value.line, label.toLowerCase(), text);
  return fallback;
}

function readProfiles(field: RawField | undefined, ctx: RuleContext): readonly FirewallProfile[] {
  if (field === undefined) return FIREWALL_PROFILES;
  // The same few lists repeat on every rule; a readable one-line list is read once.
  const cacheable = field.continuations.length === 0;
  const hit = cacheable ? profileLists.get(field.value.text) : undefined;
  if (hit !== undefined) return hit;
  const unreadable = ctx.conditions.length;
  const profiles = readProfileTokens(field, ctx);
  if (cacheable && ctx.conditions.length === unreadable && profileLists.size < 1000) profileLists.set(field.value.text, profiles);
  return profiles;
}

const profileLists = new Map<string, readonly FirewallProfile[]>();

function readProfileTokens(field: RawField, ctx: RuleContext): readonly FirewallProfile[] {
  const found = new Set<FirewallProfile>();
  for (const token of listTokens(field)) {
    const p = parseProfileToken(token.text);
    if (p === 'any') return FIREWALL_PROFILES;
    if (p !== undefined) {
      found.add(p);
      continue;
    }
    ctx.unreadable('NETSH_INVALID_VALUE', `invalid profile "${token.text}"`, token.line, 'profile', token.text);
    return FIREWALL_PROFILES;
  }
  return found.size === 0 ? FIREWALL_PROFILES : FIREWALL_PROFILES.filter((p) => found.has(p));
}

/** Verbose-only scopes: each narrows the rule in a way the export alone cannot evaluate. */
function addScopeConditions(fields: Fields, ctx: RuleContext): void {
  const scoped = (key: RuleFieldKey): string | undefined => {
    const field = fields.get(key);
    const text = field === undefined ? '' : fieldText(field);
    return text === '' || isAny(text) ? undefined : text;
  };
  const program = scoped('program');
  if (program !== undefined) ctx.condition('program', `program ${program}`);
  const service = scoped('service');
  if (service !== undefined) ctx.condition('service', `service ${service}`);
  const ifTypes = scoped('interfaceTypes');
  if (ifTypes !== undefined) ctx.condition('interface-type', `interface types ${ifTypes}`);
  const security = scoped('security');
  if (security !== undefined && !isSecurityNotRequired(security)) ctx.condition('security', `security ${security}`);
  const computers = scoped('remoteComputers');
  if (computers !== undefined) ctx.condition('user', `remote computers ${computers}`);
  const users = scoped('remoteUsers');
  if (users !== undefined) ctx.condition('user', `remote users ${users}`);
}

function readStore(field: RawField | undefined, ctx: RuleContext): 'local' | 'gpo' | undefined {
  if (field === undefined || field.value.text === '') return undefined;
  const store = parseRuleSource(field.value.text);
  if (store === undefined) {
    ctx.sink.report('warning', 'NETSH_UNKNOWN_VALUE', `unknown rule source ${quote(field.value.text)}; store left unset`, field.value.line);
  }
  return store;
}
