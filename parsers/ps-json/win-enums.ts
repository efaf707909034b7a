/**
 * @fileoverview Vocabulary of Windows firewall values as PowerShell (CIM numbers or enum strings) and the firewall
 * console's "Export List" (display strings) write them: Enabled, Direction, Action, Profile flags, policy store,
 * and the GpoBoolean / default-action enums of Get-NetFirewallProfile (WINDOWS.md §4, §7, §9).
 */
import { FIREWALL_PROFILES, type Direction, type FirewallProfile } from '../../src/model/rule.js';

/** Lower-case without any whitespace, so `Domain, Private` and `NotConfigured` compare loosely. */
export function foldValue(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

const ANY_WORDS: ReadonlySet<string> = new Set(['any', '*', 'all']);

/** `Any` (PowerShell, netsh), `All` (Export List profiles), `*` (COM scripts). */
export function isAnyValue(text: string): boolean {
  return ANY_WORDS.has(foldValue(text));
}

const ENABLED: Readonly<Record<string, boolean>> = { true: true, yes: true, '1': true, false: false, no: false, '2': false, '0': false };

/** Rule `Enabled`: `True`/`Yes`/1 → true, `False`/`No`/2 (CIM) or 0 (native CSV) → false. */
export function parseEnabled(text: string): boolean | undefined {
  return ENABLED[foldValue(text)];
}

const DIRECTIONS: Readonly<Record<string, Direction>> = { inbound: 'in', in: 'in', '1': 'in', outbound: 'out', out: 'out', '2': 'out' };

/** `Inbound`/`In`/1 → 'in', `Outbound`/`Out`/2 → 'out'. */
export function parseDirection(text: string): Direction | undefined {
  return DIRECTIONS[foldValue(text)];
}

type WinAction = 'allow' | 'block' | 'bypass';
const ACTIONS: Readonly<Record<string, WinAction>> = {
  allow: 'allow',
  '2': 'allow',
  accept: 'allow',
  allowbypass: 'bypass',
  bypass: 'bypass',
  '3': 'bypass',
  block: 'block',
  '4': 'block',
  deny: 'block',
  drop: 'block',
  reject: 'block',
};

/** `Allow`/2 → allow, `AllowBypass`/3 → bypass, `Block`/4 (and native deny/drop/reject) → block; 0 NotConfigured → undefined. */
export function parseAction(text: string): WinAction | undefined {
  return ACTIONS[foldValue(text)];
}

const PROFILE_WORDS: Readonly<Record<string, FirewallProfile>> = { domain: 'domain', private: 'private', public: 'public' };
const PROFILE_FLAGS: readonly (readonly [number, FirewallProfile])[] = [
  [1, 'domain'],
  [2, 'private'],
  [4, 'public'],
];

/**
 * Profile tokens → profiles: `Any`/`All`/0 → all three, words (`Domain`, `Private`, `Public`), or the CIM flags
 * number (1 Domain, 2 Private, 4 Public, 7 all). Undefined when a token is unreadable.
 */
export function parseProfiles(tokens: readonly string[]): readonly FirewallProfile[] | undefined {
  const found = new Set<FirewallProfile>();
  for (const token of tokens) {
    if (isAnyValue(token)) return FIREWALL_PROFILES;
    const word = PROFILE_WORDS[foldValue(token)];
    if (word !== undefined) {
      found.add(word);
      continue;
    }
    if (!/^\d{1,10}$/.test(token.trim())) return undefined;
    const flags = Number(token.trim());
    if (flags === 0 || (flags & 0x7) === 0x7) return FIREWALL_PROFILES;
    if ((flags & ~0x7) !== 0) return undefined;
    for (const [bit, p] of PROFILE_FLAGS) if ((flags & bit) !== 0) found.add(p);
  }
  return found.size === 0 ? FIREWALL_PROFILES : FIREWALL_PROFILES.filter((p) => found.has(p));
}

/** One profile name (`Domain`, 1) → FirewallProfile, for Get-NetFirewallProfile objects. */
export function parseProfileName(text: string): FirewallProfile | undefined {
  const t = foldValue(text);
  return PROFILE_WORDS[t] ?? PROFILE_FLAGS.find(([bit]) => String(bit) === t)?.[1];
}

/** `PolicyStoreSourceType`: `Local`/1 → local, `GroupPolicy`/2 → gpo; other stores (Dynamic, Hardcoded…) undefined. */
export function parseStore(text: string): 'local' | 'gpo' | undefined {
  const t = foldValue(text);
  if (t === 'local' || t === '1') return 'local';
  if (t === 'grouppolicy' || t === '2') return 'gpo';
  return undefined;
}

/** A GpoBoolean or default action that parsed: `value` undefined means NotConfigured. */
export type SettingResult<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false };

const GPO_BOOLEAN: Readonly<Record<string, boolean | null>> = { true: true, '1': true, false: false, '0': false, notconfigured: null, '2': null };

/** GpoBoolean (Get-NetFirewallProfile `Enabled`, `Allow*`): 1/True, 0/False, 2/NotConfigured. */
export function parseGpoBoolean(text: string): SettingResult<boolean> {
  const v = GPO_BOOLEAN[foldValue(text)];
  if (v === undefined) return { ok: false };
  return { ok: true, value: v ?? undefined };
}

const DEFAULT_ACTIONS: Readonly<Record<string, 'allow' | 'block' | null>> = {
  notconfigured: null,
  '0': null,
  allow: 'allow',
  '2': 'allow',
  block: 'block',
  '4': 'block',
};

/** `DefaultInboundAction`/`DefaultOutboundAction`: 0 NotConfigured, 2 Allow, 4 Block (numbers or names). */
export function parseDefaultAction(text: string): SettingResult<'allow' | 'block'> {
  const v = DEFAULT_ACTIONS[foldValue(text)];
  if (v === undefined) return { ok: false };
  return { ok: true, value: v ?? undefined };
}

/** Authentication/Encryption values that impose nothing. */
export function isSecurityNone(text: string): boolean {
  const t = foldValue(text);
  return t === 'notrequired' || t === '0' || isAnyValue(text);
}
