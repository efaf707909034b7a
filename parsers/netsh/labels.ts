/**
 * @fileoverview English and German vocabulary of netsh advfirewall output: rule labels, values and the
 * allprofiles headers/keys, each mapped to a canonical key. Sources: WINDOWS.md §1/§2 and German dumps quoted
 * in public repositories; entries marked [U] are unverified guesses kept because they cost nothing when absent.
 */
import type { Direction, FirewallProfile } from '../../src/model/rule.js';

/** Canonical keys of the `Label: value` lines of a rule block. */
export type RuleFieldKey =
  | 'name'
  | 'description'
  | 'enabled'
  | 'direction'
  | 'profiles'
  | 'grouping'
  | 'localIp'
  | 'remoteIp'
  | 'protocol'
  | 'localPort'
  | 'remotePort'
  | 'edge'
  | 'program'
  | 'service'
  | 'interfaceTypes'
  | 'security'
  | 'ruleSource'
  | 'action'
  | 'remoteComputers'
  | 'remoteUsers';

const RULE_LABELS: Readonly<Record<string, RuleFieldKey>> = {
  // English (en-US)
  'rule name': 'name',
  description: 'description',
  enabled: 'enabled',
  direction: 'direction',
  profiles: 'profiles',
  grouping: 'grouping',
  localip: 'localIp',
  remoteip: 'remoteIp',
  protocol: 'protocol',
  localport: 'localPort',
  remoteport: 'remotePort',
  'edge traversal': 'edge',
  program: 'program',
  service: 'service',
  interfacetypes: 'interfaceTypes',
  security: 'security',
  'rule source': 'ruleSource',
  action: 'action',
  remotecomputergroup: 'remoteComputers', // [U]
  'remote computer group': 'remoteComputers', // [U]
  remoteusergroup: 'remoteUsers', // [U]
  'remote user group': 'remoteUsers', // [U]
  // German (de-DE); both "LokaleIP" and "Lokales IP" occur in real dumps
  regelname: 'name',
  beschreibung: 'description',
  aktiviert: 'enabled',
  richtung: 'direction',
  profile: 'profiles',
  gruppierung: 'grouping',
  lokaleip: 'localIp',
  'lokales ip': 'localIp',
  'lokale ip': 'localIp',
  'remote-ip': 'remoteIp',
  protokoll: 'protocol',
  'lokaler port': 'localPort',
  'remote-port': 'remotePort',
  edgeausnahme: 'edge',
  programm: 'program',
  dienst: 'service',
  schnittstellentypen: 'interfaceTypes',
  sicherheit: 'security',
  regelquelle: 'ruleSource',
  aktion: 'action',
};

/** Canonical key of a rule label (`Rule Name`, `Lokaler Port`), or undefined for an unknown label. */
export function ruleFieldKey(label: string): RuleFieldKey | undefined {
  return RULE_LABELS[fold(label)];
}

/** Lower-cases and collapses inner whitespace, so `Edge  traversal` and `EDGE TRAVERSAL` look the same. */
export function fold(text: string): string {
  // Labels and values repeat on every rule (`Enabled`, `Yes`, `Any`): remember the folded forms of short texts.
  if (text.length > FOLD_MAX) return foldUncached(text);
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const v = foldUncached(text);
  if (folded.size >= FOLD_ENTRIES) folded.clear();
  folded.set(text, v);
  return v;
}

const FOLD_MAX = 64;
const FOLD_ENTRIES = 10_000;
const folded = new Map<string, string>();

function foldUncached(text: string): string {
  const t = text.trim();
  return (/\s\s|[\t\r\n]/.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
}

const YES: ReadonlySet<string> = new Set(['yes', 'ja']);
const NO: ReadonlySet<string> = new Set(['no', 'nein']);
const ANY: ReadonlySet<string> = new Set(['any', 'beliebig']);

/** `Yes`/`Ja` → true, `No`/`Nein` → false, anything else undefined. */
export function parseYesNo(value: string): boolean | undefined {
  const v = fold(value);
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** Whether a value means "any" (`Any`, `Beliebig`). */
export function isAny(value: string): boolean {
  return ANY.has(fold(value));
}

const DIRECTIONS: Readonly<Record<string, Direction>> = {
  in: 'in',
  out: 'out',
  eingehend: 'in',
  ein: 'in',
  ausgehend: 'out',
  aus: 'out', // seen in a real German dump next to "Eingehend"
};

/** `In`/`Eingehend` → 'in', `Out`/`Aus`/`Ausgehend` → 'out'. */
export function parseDirection(value: string): Direction | undefined {
  return DIRECTIONS[fold(value)];
}

const ACTIONS: Readonly<Record<string, 'allow' | 'block' | 'bypass'>> = {
  allow: 'allow',
  block: 'block',
  bypass: 'bypass',
  zulassen: 'allow',
  blockieren: 'block',
  umgehen: 'bypass', // [U]
};

/** `Allow`/`Zulassen` → 'allow', `Block`/`Blockieren` → 'block', `Bypass` → 'bypass'. */
export function parseAction(value: string): 'allow' | 'block' | 'bypass' | undefined {
  return ACTIONS[fold(value)];
}

const PROFILES: Readonly<Record<string, FirewallProfile>> = {
  domain: 'domain',
  private: 'private',
  public: 'public',
  domäne: 'domain',
  domaene: 'domain',
  privat: 'private',
  öffentlich: 'public',
  oeffentlich: 'public',
};

/** One token of a `Profiles` list; 'any' for `Any`/`Beliebig`. */
export function parseProfileToken(token: string): FirewallProfile | 'any' | undefined {
  if (isAny(token)) return 'any';
  return PROFILES[fold(token)];
}

/** Whether a `Security` value means no IPsec requirement. */
export function isSecurityNotRequired(value: string): boolean {
  const v = fold(value);
  return v === 'notrequired' || v === 'nicht erforderlich';
}

/** `Rule source` → policy store; undefined for a value this table does not know. */
export function parseRuleSource(value: string): 'local' | 'gpo' | undefined {
  const v = fold(value);
  if (v === 'local setting' || v === 'lokale einstellung') return 'local';
  if (v === 'group policy' || v === 'gruppenrichtlinie') return 'gpo'; // [U] exact strings
  return undefined;
}

/** The `Type  Code` header row of an ICMP table (`Typ  Code` in German). */
export function isIcmpHeader(text: string): boolean {
  return /^typ[e]?\s+code$/.test(fold(text));
}

/** The end-of-command line (`Ok.` / `OK.`). */
export function isStatusLine(line: string): boolean {
  const t = line.trim();
  return t.length === 3 && t.toLowerCase() === 'ok.';
}

const NO_RULES: ReadonlySet<string> = new Set([
  'no rules match the specified criteria.',
  'keine regeln stimmen mit den angegebenen kriterien überein.',
]);

/** The "nothing matched" message (`No rules match the specified criteria.`). */
export function isNoRulesLine(line: string): boolean {
  return line.trimEnd().endsWith('.') && NO_RULES.has(fold(line));
}
