/**
 * @fileoverview Why a registry key's values are not read as rules or profile settings: the ignored-reason keys
 * (LineAccounting.ignored) shared by the .reg, Registry.pol and .wfw parsers.
 */
import type { LocatedKey } from './policy-keys.js';
import { PROFILE_VALUE_UNUSED } from './profiles.js';

/** Ignored-position reasons for registry-shaped exports. */
export const KEY_IGNORED = {
  outside: 'key outside the firewall policy',
  defaults: 'restore-defaults template',
  hardening: 'service-hardening rule',
  ipsec: 'connection security setting',
  global: 'global setting not used',
  other: 'firewall setting not used',
  profileValue: PROFILE_VALUE_UNUSED,
} as const;

/**
 * The reason a located key's values are ignored, or undefined for keys whose values are read (rules, profile
 * settings) or reported as unsupported (pre-Vista profile policy).
 */
export function ignoredKeyReason(loc: LocatedKey | undefined): string | undefined {
  if (loc === undefined) return KEY_IGNORED.outside;
  if (loc.defaults) return KEY_IGNORED.defaults;
  switch (loc.key.kind) {
    case 'rules':
    case 'profile':
    case 'legacy-profile':
      return undefined;
    case 'profile-logging':
      return KEY_IGNORED.profileValue;
    case 'root':
      return KEY_IGNORED.global;
    case 'service-hardening':
      return KEY_IGNORED.hardening;
    case 'ipsec':
      return KEY_IGNORED.ipsec;
    default:
      return KEY_IGNORED.other;
  }
}

/** The message of the one info diagnostic a file gets when it holds service-hardening rules. */
export const HARDENING_NOTICE = 'RestrictedServices (service-hardening) rules are not ordinary allow rules and are ignored';

/** The message for pre-Vista profile policy (GloballyOpenPorts, AuthorizedApplications, …). */
export function legacyPolicyMessage(setting: string): string {
  return `pre-Vista firewall policy "${setting}" (port/program exceptions) is not evaluated; its values may open ports`;
}
