/**
 * @fileoverview Which registry key holds what: shared by .reg, Registry.pol and .wfw. A key is located relative to
 * its policy root (`…\SharedAccess\Parameters\FirewallPolicy` = local store, `SOFTWARE\Policies\Microsoft\
 * WindowsFirewall` = GPO store, the root key of a .wfw hive = local store) and then classified. `…\FirewallPolicy\
 * Mdm\…` (Intune) is policy-delivered and merges like GPO, so it counts as store 'gpo'. `SharedAccess\Defaults\
 * FirewallPolicy` is the restore-defaults template, not active policy. `RestrictedServices\…` (AppIso, Static,
 * Configurable) holds service-hardening rules, which are not ordinary allows.
 */
import type { FirewallProfile } from '../../src/model/rule.js';
import { profileOfKey } from './profiles.js';

export type Store = 'local' | 'gpo';

/** What a key under a policy root holds. */
export type PolicyKey =
  | { readonly kind: 'root' }
  | { readonly kind: 'rules' }
  | { readonly kind: 'profile'; readonly profile: FirewallProfile }
  | { readonly kind: 'profile-logging' }
  /** Pre-Vista policy under a profile key (GloballyOpenPorts, AuthorizedApplications, Services, IcmpSettings, …). */
  | { readonly kind: 'legacy-profile'; readonly setting: string }
  | { readonly kind: 'service-hardening' }
  | { readonly kind: 'ipsec' }
  | { readonly kind: 'other' };

/** A key located under a policy root. */
export interface LocatedKey {
  readonly store: Store;
  /** The restore-defaults template (`SharedAccess\Defaults\FirewallPolicy`). */
  readonly defaults: boolean;
  readonly key: PolicyKey;
}

const IPSEC_KEYS = new Set([
  'consecrules',
  'phase1authenticationsets',
  'phase2authenticationsets',
  'phase1cryptographicsets',
  'phase2cryptographicsets',
  'mainmoderules',
  'ipsec',
]);

/** Locates a full key path (`HKEY_LOCAL_MACHINE\SYSTEM\…\FirewallPolicy\FirewallRules`); undefined outside any policy root. */
export function locateKey(path: string): LocatedKey | undefined {
  const segs = path.split('\\').filter((s) => s !== '');
  const lower = segs.map((s) => s.toLowerCase());
  const fp = lower.lastIndexOf('firewallpolicy');
  const wf = lower.lastIndexOf('windowsfirewall');
  if (fp < 0 && wf < 0) return undefined;
  if (wf > fp) {
    const gpo = lower[wf - 1] === 'microsoft' && lower[wf - 2] === 'policies';
    if (!gpo) return undefined;
    return { store: 'gpo', defaults: false, key: classifyKey(segs.slice(wf + 1)) };
  }
  const rest = segs.slice(fp + 1);
  const defaults = lower[fp - 1] === 'defaults';
  if (rest[0]?.toLowerCase() === 'mdm') return { store: 'gpo', defaults, key: classifyKey(rest.slice(1)) };
  return { store: 'local', defaults, key: classifyKey(rest) };
}

/** Classifies a key from its path segments below the policy root. */
export function classifyKey(relative: readonly string[]): PolicyKey {
  const [first, second] = relative;
  if (first === undefined) return { kind: 'root' };
  const head = first.toLowerCase();
  if (head === 'restrictedservices') return { kind: 'service-hardening' };
  if (IPSEC_KEYS.has(head)) return { kind: 'ipsec' };
  if (head === 'firewallrules') return relative.length === 1 ? { kind: 'rules' } : { kind: 'other' };
  const profile = profileOfKey(first);
  if (profile === undefined) return { kind: 'other' };
  if (second === undefined) return { kind: 'profile', profile };
  if (second.toLowerCase() === 'logging' && relative.length === 2) return { kind: 'profile-logging' };
  return { kind: 'legacy-profile', setting: relative.slice(1).join('\\') };
}
