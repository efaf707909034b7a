/**
 * @fileoverview English and German vocabulary of `netsh advfirewall show allprofiles`: section headers, the
 * keys k2audit uses and their values. Keys are padded to a column without a colon; values of `Firewall Policy`
 * are not translated. German headers vary between builds (`Domänenprofil-Einstellungen:`, `Einstellungen für
 * Privates Profil:`), so they are matched by pattern.
 */
import type { FirewallProfile, InboundDefault } from '../../src/model/rule.js';
import { fold } from './labels.js';

/** A value read from a table: `ok: false` when the text is not in it. */
export type Lookup<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const EN_HEADER = /^(domain|private|public) profile settings:$/;
const DE_HEADER = /^(?:einstellungen für )?(domänen|domaenen|privates |öffentliches |oeffentliches )profil(?:-einstellungen)?:$/;
const DE_PROFILE: Readonly<Record<string, FirewallProfile>> = {
  domänen: 'domain',
  domaenen: 'domain',
  'privates ': 'private',
  'öffentliches ': 'public',
  'oeffentliches ': 'public',
};

/** The profile a section header names (`Domain Profile Settings:`), or undefined when the line is no header. */
export function profileHeader(line: string): FirewallProfile | undefined {
  if (!line.trimEnd().endsWith(':')) return undefined;
  const v = fold(line);
  const en = EN_HEADER.exec(v);
  if (en?.[1] !== undefined) return en[1] as FirewallProfile;
  const de = DE_HEADER.exec(v);
  return de?.[1] === undefined ? undefined : DE_PROFILE[de[1]];
}

/** The `Logging:` sub-header inside a profile section. */
export function isLoggingHeader(line: string): boolean {
  const v = fold(line);
  return v === 'logging:' || v === 'protokollierung:';
}

/** Profile keys that feed ProfileSettings; every other key is parsed and ignored. */
export type ProfileKey = 'state' | 'policy' | 'localRules';

const PROFILE_KEYS: Readonly<Record<string, ProfileKey>> = {
  state: 'state',
  status: 'state',
  'firewall policy': 'policy',
  firewallrichtlinie: 'policy',
  'firewall-richtlinie': 'policy',
  localfirewallrules: 'localRules',
  'lokale firewallregeln': 'localRules', // [U]
};

/** Canonical key of a profile setting, or undefined for keys k2audit does not use. */
export function profileKey(key: string): ProfileKey | undefined {
  return PROFILE_KEYS[fold(key)];
}

const NOT_CONFIGURED: ReadonlySet<string> = new Set(['notconfigured', 'nicht konfiguriert']);

/** `State`: `ON`/`EIN` → true, `OFF`/`AUS` → false, `NotConfigured` → undefined. */
export function parseState(value: string): Lookup<boolean | undefined> {
  const v = fold(value);
  if (v === 'on' || v === 'ein') return { ok: true, value: true };
  if (v === 'off' || v === 'aus') return { ok: true, value: false };
  if (NOT_CONFIGURED.has(v)) return { ok: true, value: undefined };
  return { ok: false };
}

const INBOUND: Readonly<Record<string, InboundDefault>> = {
  blockinbound: 'block',
  blockinboundalways: 'block-always',
  allowinbound: 'allow',
};
const OUTBOUND: Readonly<Record<string, 'allow' | 'block'>> = { allowoutbound: 'allow', blockoutbound: 'block' };

/** The parts of `Firewall Policy BlockInbound,AllowOutbound`; `NotConfigured` parts become undefined. */
export interface FirewallPolicy {
  readonly inbound: InboundDefault | undefined;
  readonly outbound: 'allow' | 'block' | undefined;
}

/** Parses `Firewall Policy` (`BlockInboundAlways,AllowOutbound`, `NotConfigured,NotConfigured`). */
export function parsePolicy(value: string): Lookup<FirewallPolicy> {
  const parts = value.split(',').map((p) => fold(p));
  if (parts.length !== 2) return { ok: false };
  const [inText = '', outText = ''] = parts;
  const inbound = NOT_CONFIGURED.has(inText) ? undefined : INBOUND[inText];
  const outbound = NOT_CONFIGURED.has(outText) ? undefined : OUTBOUND[outText];
  if (inbound === undefined && !NOT_CONFIGURED.has(inText)) return { ok: false };
  if (outbound === undefined && !NOT_CONFIGURED.has(outText)) return { ok: false };
  return { ok: true, value: { inbound, outbound } };
}

/** `LocalFirewallRules`: `Enable` → true, `Disable` → false, `N/A (GPO-store only)` → undefined. */
export function parseLocalRules(value: string): Lookup<boolean | undefined> {
  const v = fold(value);
  if (v === 'enable' || v === 'aktivieren') return { ok: true, value: true };
  if (v === 'disable' || v === 'deaktivieren') return { ok: true, value: false };
  if (v.startsWith('n/a') || NOT_CONFIGURED.has(v)) return { ok: true, value: undefined };
  return { ok: false };
}
