/**
 * @fileoverview Firewall profile settings from registry-style values, shared by .reg, Registry.pol, .wfw and GPO XML.
 * Keys: `DomainProfile`, `StandardProfile` (= Private in the local store and .wfw), `PrivateProfile` (GPO),
 * `PublicProfile`. Values: `EnableFirewall` 0/1, `DefaultInboundAction` / `DefaultOutboundAction` 1 = block,
 * 0 = allow, `DoNotAllowExceptions` 1 → inbound block-always, `AllowLocalPolicyMerge` 0/1 (honoured from the GPO
 * store only: it has no effect in the local store). GPO values override local ones field by field.
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { FirewallProfile, ProfileSettings } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ParseSink } from '../shared/parse-sink.js';

/** Reason for profile values the audit does not use (a LineAccounting.ignored key). */
export const PROFILE_VALUE_UNUSED = 'profile setting not used';
/** Reason for AllowLocalPolicyMerge in the local store. */
export const LOCAL_MERGE_UNUSED = 'local-store merge setting has no effect';

const PROFILE_KEYS: Readonly<Record<string, FirewallProfile>> = {
  domainprofile: 'domain',
  standardprofile: 'private',
  privateprofile: 'private',
  publicprofile: 'public',
};

/** The firewall profile a registry key name stands for (`StandardProfile` → private). */
export function profileOfKey(keyName: string): FirewallProfile | undefined {
  return PROFILE_KEYS[keyName.trim().toLowerCase()];
}

/** One value of a profile key; `value` is the DWORD (booleans as 1/0), undefined when the data is no number. */
export interface ProfileValue {
  readonly name: string;
  readonly value: number | undefined;
  /** The data as text, for messages. */
  readonly text: string;
  readonly ref: SourceRef;
}

export type ProfileValueOutcome = { readonly kind: 'parsed' } | { readonly kind: 'ignored'; readonly reason: string } | { readonly kind: 'unsupported' };

interface StoreProfile {
  enabled?: boolean;
  inbound?: 'block' | 'allow';
  outbound?: 'block' | 'allow';
  blockAlways?: boolean;
  merge?: boolean;
  source?: SourceRef;
}

type Store = 'local' | 'gpo';

/** Marks accounting unit `unit` (a line, entry or element number) as the outcome says. */
export function markOutcome(sink: ParseSink, unit: number, outcome: ProfileValueOutcome): void {
  if (outcome.kind === 'ignored') sink.ignored(unit, outcome.reason);
  else if (outcome.kind === 'parsed') sink.parsed(unit);
  else sink.unsupported(unit);
}

/** Collects profile values of both stores and merges them into ProfileSettings. */
export class ProfileCollector {
  private readonly parts = new Map<string, StoreProfile>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** Notes that a profile key exists (its position becomes the settings' source). */
  touch(store: Store, profile: FirewallProfile, ref: SourceRef): void {
    const p = this.part(store, profile);
    if (p.source === undefined) p.source = ref;
  }

  /** Reads one value; says whether it was used, ignored (with reason) or unreadable (error reported). */
  add(store: Store, profile: FirewallProfile, v: ProfileValue): ProfileValueOutcome {
    this.touch(store, profile, v.ref);
    const p = this.part(store, profile);
    const name = v.name.trim().toLowerCase();
    const known = ['enablefirewall', 'defaultinboundaction', 'defaultoutboundaction', 'donotallowexceptions', 'allowlocalpolicymerge'];
    if (!known.includes(name)) return { kind: 'ignored', reason: PROFILE_VALUE_UNUSED };
    if (name === 'allowlocalpolicymerge' && store === 'local') return { kind: 'ignored', reason: LOCAL_MERGE_UNUSED };
    if (v.value !== 0 && v.value !== 1) {
      this.diagnostics.push({ severity: 'error', code: 'WINPROFILE_INVALID_VALUE', message: `invalid ${v.name} value "${v.text}" (expected 0 or 1); the setting is left unknown`, ref: v.ref });
      return { kind: 'unsupported' };
    }
    const on = v.value === 1;
    if (name === 'enablefirewall') p.enabled = on;
    else if (name === 'defaultinboundaction') p.inbound = on ? 'block' : 'allow';
    else if (name === 'defaultoutboundaction') p.outbound = on ? 'block' : 'allow';
    else if (name === 'donotallowexceptions') p.blockAlways = on;
    else p.merge = on;
    return { kind: 'parsed' };
  }

  /** Settings per profile (GPO over local), or undefined when no profile key was seen. */
  result(): Partial<Record<FirewallProfile, ProfileSettings>> | undefined {
    if (this.parts.size === 0) return undefined;
    const out: Partial<Record<FirewallProfile, ProfileSettings>> = {};
    for (const profile of ['domain', 'private', 'public'] as const) {
      const local = this.parts.get(`local/${profile}`);
      const gpo = this.parts.get(`gpo/${profile}`);
      if (local === undefined && gpo === undefined) continue;
      out[profile] = merge(local ?? {}, gpo ?? {});
    }
    return out;
  }

  private part(store: Store, profile: FirewallProfile): StoreProfile {
    const key = `${store}/${profile}`;
    let p = this.parts.get(key);
    if (p === undefined) {
      p = {};
      this.parts.set(key, p);
    }
    return p;
  }
}

function merge(local: StoreProfile, gpo: StoreProfile): ProfileSettings {
  const blockAlways = gpo.blockAlways ?? local.blockAlways;
  const source = gpo.source ?? local.source;
  const settings: ProfileSettings = {
    enabled: gpo.enabled ?? local.enabled,
    inbound: blockAlways === true ? 'block-always' : (gpo.inbound ?? local.inbound),
    outbound: gpo.outbound ?? local.outbound,
    ...(source === undefined ? {} : { source }),
  };
  return gpo.merge === undefined ? settings : { ...settings, allowLocalPolicyMerge: gpo.merge };
}
