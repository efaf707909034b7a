/**
 * @fileoverview What each rule-string key means to the audit. Sources: MS-GPFAS 2.2.2.19, the Intune migration
 * tool's list of registry-only fields, and keys seen in the corpus (WINDOWS.md §3). Every key falls in one class:
 * a core field (action, direction, …), a match field the model represents (ports, addresses), a scope that narrows
 * the rule in a way the export cannot evaluate (→ a Condition), or text that never narrows (kept in `raw` only).
 *
 * Decisions on keys the brief left open (documented here, tested in test/parsers/windows-rule):
 * - `TTK*` (trust-tuple keywords: Wi-Fi Direct, UPnP, proximity) restrict the rule to dynamically tracked peers,
 *   so they narrow → condition. `RADynKey` (dynamic keyword addresses) and `RSNm*` likewise.
 * - `NNm`, `SecurityRealmId` are IPsec-related → security condition. `BToIF`, `CompTId` → interface condition.
 * - `FQBN` (fully qualified binary name) → program condition.
 * - An unknown key whose family is a narrowing one (`LUAuth2_40`, `IFType3`) → warning + condition; any other
 *   unknown key → info only (new builds add descriptive keys), kept in raw.
 */
import type { Condition } from '../../src/model/rule.js';

export type CoreKey = 'action' | 'active' | 'dir' | 'profile' | 'protocol';

/** The class of one key. */
export type KeyClass =
  | { readonly kind: 'core'; readonly key: CoreKey }
  | { readonly kind: 'local-port' }
  | { readonly kind: 'remote-port' }
  | { readonly kind: 'local-address' }
  | { readonly kind: 'remote-address' }
  | { readonly kind: 'icmp' }
  | { readonly kind: 'scope'; readonly condition: Condition['kind']; readonly label: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'unknown'; readonly narrowing: boolean };

const CORE: Readonly<Record<string, CoreKey>> = {
  action: 'action',
  active: 'active',
  dir: 'dir',
  profile: 'profile',
  protocol: 'protocol',
};

const SCOPES: Readonly<Record<string, { condition: Condition['kind']; label: string }>> = {
  app: { condition: 'program', label: 'program' },
  fqbn: { condition: 'program', label: 'binary' },
  svc: { condition: 'service', label: 'service' },
  pfn: { condition: 'package', label: 'package family' },
  apppkgid: { condition: 'package', label: 'app package' },
  if: { condition: 'interface', label: 'interface' },
  btoif: { condition: 'interface', label: 'bound to interface' },
  comptid: { condition: 'interface', label: 'network compartment' },
  iftype: { condition: 'interface-type', label: 'interface type' },
  iftype2_23: { condition: 'interface-type', label: 'interface type' },
  security: { condition: 'security', label: 'security' },
  security2: { condition: 'security', label: 'security' },
  security2_9: { condition: 'security', label: 'security' },
  securityrealmid: { condition: 'security', label: 'security realm' },
  nnm: { condition: 'security', label: 'network name' },
  luauth: { condition: 'user', label: 'local user authorization' },
  luauth2_24: { condition: 'user', label: 'local user authorization' },
  luown: { condition: 'user', label: 'local user owner' },
  ruauth: { condition: 'user', label: 'remote user authorization' },
  rmauth: { condition: 'user', label: 'remote machine authorization' },
  ttk: { condition: 'other', label: 'trust tuple' },
  ttk2_22: { condition: 'other', label: 'trust tuple' },
  ttk2_27: { condition: 'other', label: 'trust tuple' },
  ttk2_28: { condition: 'other', label: 'trust tuple' },
  radynkey: { condition: 'other', label: 'remote dynamic keyword address' },
  rsnm: { condition: 'other', label: 'remote server name' },
  rsnme: { condition: 'other', label: 'remote server name' },
  rsnmn: { condition: 'other', label: 'remote server name' },
};

/** Descriptive or widening keys: kept in raw, never narrow the match. */
const TEXT_KEYS: ReadonlySet<string> = new Set([
  'name',
  'desc',
  'embedctxt',
  'edge',
  'defer',
  'platform',
  'platform2',
  'lsm',
  'lom',
  'skipver',
  'pcross',
  'authbypassout',
  'autogenipsec',
  'caudit',
  'applb',
  'devmode',
  'sytesmosonly',
  'gameosonly',
]);

/** Families whose unknown newer variants could narrow the rule. */
const NARROWING_FAMILIES: ReadonlySet<string> = new Set([
  ...Object.keys(SCOPES).map(family),
  'icmp',
  'la',
  'ra',
  'lport',
  'rport',
]);

const cache = new Map<string, KeyClass>();

/** The class of a key (case-insensitive); memoized, since a handful of keys repeat across thousands of rules. */
export function classifyKey(key: string): KeyClass {
  let c = cache.get(key);
  if (c === undefined) {
    c = classifyUncached(key.trim().toLowerCase());
    if (cache.size < 4096) cache.set(key, c);
  }
  return c;
}

function classifyUncached(k: string): KeyClass {
  const core = CORE[k];
  if (core !== undefined) return { kind: 'core', key: core };
  if (/^lport(\d+_\d+)?$/.test(k)) return { kind: 'local-port' };
  if (/^rport(\d+_\d+)?$/.test(k)) return { kind: 'remote-port' };
  if (/^la[46]$/.test(k)) return { kind: 'local-address' };
  if (/^ra[46]\d?$/.test(k)) return { kind: 'remote-address' };
  if (k === 'icmp4' || k === 'icmp6') return { kind: 'icmp' };
  const scope = SCOPES[k];
  if (scope !== undefined) return { kind: 'scope', ...scope };
  if (TEXT_KEYS.has(k)) return { kind: 'text' };
  return { kind: 'unknown', narrowing: NARROWING_FAMILIES.has(family(k)) };
}

/** A key without its version suffix: `luauth2_24` → `luauth`, `ra43` → `ra`, `iftype2_23` → `iftype`. */
function family(key: string): string {
  return key.replace(/\d+(_\d+)?$/, '');
}
