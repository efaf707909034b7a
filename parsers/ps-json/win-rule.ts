/**
 * @fileoverview One Windows raw rule (PowerShell object or CSV row) → one model Rule. Ports apply only to TCP/UDP
 * rules; program, service, package, interface, user and IPsec scopes become conditions; a missing required field is
 * assumed (enabled, allow, `--direction`) and makes the rule uncertain; unreadable values widen it and are errors.
 */
import { ICMP, ICMPV6, TCP, UDP, protocols, type ProtocolSet } from '../../src/model/protocol.js';
import { ANY_PORT_MATCH, FIREWALL_PROFILES, type Direction, type FirewallProfile, type PortMatch, type Rule } from '../../src/model/rule.js';
import type { WinSink } from './win-context.js';
import { WinRuleContext } from './win-context.js';
import { foldValue, isSecurityNone, parseAction, parseDirection, parseEnabled, parseProfiles, parseStore } from './win-enums.js';
import { valueText, type WinFieldKey, type WinRawRule, type WinReadOptions, type WinValue } from './win-fields.js';
import { hasConcretePorts, readAddresses, readIcmpTypes, readPorts, readProtocol, valueTokens } from './win-values.js';

const PORT_PROTOCOLS = protocols(TCP, UDP);
const ICMP_PROTOCOLS = protocols(ICMP, ICMPV6);

/** Options of one rule set: which missing fields were already reported once for the whole file. */
export interface WinRuleOptions extends WinReadOptions {
  /** Fields the whole export lacks (reported once by the caller): no per-rule diagnostic, the condition stays. */
  readonly absentFields?: ReadonlySet<WinFieldKey>;
}

/** Interprets one raw rule; never throws, reports problems to `out`. */
export function normalizeWinRule(raw: WinRawRule, out: WinSink, opts: WinRuleOptions): Rule {
  const ctx = new WinRuleContext(out, opts.prefix);
  const f = raw.fields;
  const enabled = required(raw, 'enabled', parseEnabled, true, ctx, opts);
  const direction = f.get('direction') === undefined && opts.direction !== undefined ? opts.direction : required(raw, 'direction', parseDirection, 'in', ctx, opts);
  const action = readAction(raw, ctx, opts);
  const profiles = readProfileField(f.get('profile'), ctx, opts);
  const protocolSet = readProtocol(f.get('protocol'), ctx);
  const ports = readRulePorts(f, protocolSet, direction, ctx, opts);
  if (!protocolSet.isFull() && !protocolSet.intersect(ICMP_PROTOCOLS).isEmpty()) readIcmpTypes(f.get('icmpType'), ctx, opts);
  const localAddresses = readAddresses(f.get('localAddress'), 'local address', ctx, opts);
  const remoteAddresses = readAddresses(f.get('remoteAddress'), 'remote address', ctx, opts);
  addScopeConditions(f, ctx);
  const storeValue = f.get('store');
  const store = storeValue === undefined ? undefined : parseStore(valueText(storeValue));
  const name = f.get('name');
  return {
    id: raw.id,
    name: name === undefined || valueText(name) === '' ? raw.id : valueText(name),
    source: raw.ref,
    enabled,
    direction,
    action,
    protocols: protocolSet,
    localPorts: ports.local,
    remotePorts: ports.remote,
    localAddresses,
    remoteAddresses,
    profiles,
    conditions: [...ctx.conditions],
    ...(store === undefined ? {} : { store }),
    raw: raw.raw,
  };
}

/** A field the rule needs: parsed, or the fallback plus a condition (and a diagnostic unless reported file-wide). */
function required<T>(
  raw: WinRawRule,
  key: 'enabled' | 'direction' | 'action',
  parse: (text: string) => T | undefined,
  fallback: T,
  ctx: WinRuleContext,
  opts: WinRuleOptions,
): T {
  const v = raw.fields.get(key);
  const text = v === undefined ? '' : valueText(v).trim();
  if (v === undefined || text === '') {
    if (opts.absentFields?.has(key) !== true) ctx.report('error', 'MISSING_FIELD', `rule states no ${key}; assumed ${String(fallback)}`, v?.ref ?? raw.ref);
    ctx.condition('other', `${key} not stated; assumed ${String(fallback)}`);
    return fallback;
  }
  const value = parse(text);
  if (value !== undefined) return value;
  ctx.unreadable('INVALID_VALUE', `invalid ${key} "${text}"`, v.ref, key, text);
  return fallback;
}

/** Action, turned into bypass by a true `Override` (Export List) / `OverrideBlockRules` column. */
function readAction(raw: WinRawRule, ctx: WinRuleContext, opts: WinRuleOptions): Rule['action'] {
  const action = required(raw, 'action', parseAction, 'allow', ctx, opts);
  const override = raw.fields.get('override');
  if (action !== 'allow' || override === undefined) return action;
  return parseEnabled(valueText(override)) === true ? 'bypass' : action;
}

function readProfileField(v: WinValue | undefined, ctx: WinRuleContext, opts: WinReadOptions): readonly FirewallProfile[] {
  if (v === undefined) return FIREWALL_PROFILES;
  const tokens = valueTokens(v, opts);
  const profiles = parseProfiles(tokens);
  if (profiles !== undefined) return profiles;
  ctx.unreadable('INVALID_VALUE', `invalid profile "${valueText(v)}"`, v.ref, 'profile', valueText(v));
  return FIREWALL_PROFILES;
}

/** Local/remote ports; a lone `Port` column is the service port (local inbound, remote outbound). */
function readRulePorts(
  f: ReadonlyMap<WinFieldKey, WinValue>,
  protocolSet: ProtocolSet,
  direction: Direction,
  ctx: WinRuleContext,
  opts: WinReadOptions,
): { local: PortMatch; remote: PortMatch } {
  const lone = f.get('port');
  const local = f.get('localPort') ?? (direction === 'in' ? lone : undefined);
  const remote = f.get('remotePort') ?? (direction === 'out' ? lone : undefined);
  if (!protocolSet.isEmpty() && PORT_PROTOCOLS.contains(protocolSet)) {
    return { local: readPorts(local, 'local port', ctx, opts), remote: readPorts(remote, 'remote port', ctx, opts) };
  }
  // Windows ignores ports for other protocols (ICMP rules even carry LocalPort "RPC"); only say so when the rule
  // could still carry TCP/UDP traffic, i.e. its ports would have narrowed it.
  const protocolUnreadable = ctx.conditions.some((c) => c.text.startsWith('unreadable protocol'));
  if (!protocolUnreadable && !protocolSet.intersect(PORT_PROTOCOLS).isEmpty()) {
    for (const v of [local, remote]) {
      if (v === undefined || !hasConcretePorts(v, opts)) continue;
      ctx.report('warning', 'PORTS_WITHOUT_PROTOCOL', `ports "${valueText(v)}" need protocol TCP or UDP; the rule is read as any port`, v.ref);
      ctx.condition('other', `ports "${valueText(v)}" stated without TCP/UDP protocol`);
    }
  }
  return { local: ANY_PORT_MATCH, remote: ANY_PORT_MATCH };
}

const SCOPES: readonly (readonly [WinFieldKey, Parameters<WinRuleContext['condition']>[0], string])[] = [
  ['program', 'program', 'program'],
  ['package', 'package', 'package'],
  ['service', 'service', 'service'],
  ['interfaceType', 'interface-type', 'interface types'],
  ['interfaceAlias', 'interface', 'interface'],
  ['localUser', 'user', 'local user'],
  ['remoteUser', 'user', 'remote users'],
  ['remoteMachine', 'user', 'remote computers'],
  ['owner', 'user', 'owner'],
];

/** Scopes that narrow a rule in ways the export alone cannot evaluate. */
function addScopeConditions(f: ReadonlyMap<WinFieldKey, WinValue>, ctx: WinRuleContext): void {
  for (const [key, kind, label] of SCOPES) {
    const v = f.get(key);
    const text = v === undefined ? '' : valueText(v).trim();
    if (text === '' || foldValue(text) === 'any') continue;
    ctx.condition(kind, `${label} ${text}`);
  }
  for (const key of ['authentication', 'encryption'] as const) {
    const v = f.get(key);
    const text = v === undefined ? '' : valueText(v).trim();
    if (text === '' || isSecurityNone(text)) continue;
    ctx.condition('security', `${key} ${text}`);
  }
}
