/**
 * @fileoverview Stage 1 of the PowerShell JSON parser: finds the rule, profile and filter objects in whatever shape
 * ConvertTo-Json produced: our collection script's document, a bare object or an array of rules and/or profiles,
 * `{value,Count}` wrappers, a `{Rules, Port, Address, …}` filter join keyed by InstanceID, or a filter join alone.
 */
import { collectionItems, isObject, member, type JsonObject, type JsonValue, type Located } from './json-values.js';

/** Filter collections a join may carry, by the member names that hold them. */
export const FILTER_KINDS = {
  port: ['port', 'portfilter', 'portfilters'],
  address: ['address', 'addressfilter', 'addressfilters'],
  application: ['application', 'applicationfilter', 'applicationfilters'],
  service: ['service', 'servicefilter', 'servicefilters'],
  interfaceType: ['interfacetype', 'interfacetypefilter', 'interfacetypefilters'],
  interface: ['interface', 'interfacefilter', 'interfacefilters'],
  security: ['security', 'securityfilter', 'securityfilters'],
} as const;
export type FilterKind = keyof typeof FILTER_KINDS;

const RULES_KEYS = ['rules', 'firewallrules', 'netfirewallrules', 'rule'];
const PROFILES_KEYS = ['profiles', 'firewallprofiles', 'netfirewallprofiles'];
const HEADER_KEY = 'k2audit';

/** The objects found, each with its path; `unknown` are elements or members the parser does not use. */
export interface PsDocument {
  readonly header?: Located<JsonObject>;
  readonly rules: readonly Located<JsonObject>[];
  readonly profiles: readonly Located<JsonObject>[];
  readonly filters: ReadonlyMap<FilterKind, readonly Located<JsonObject>[]>;
  readonly unknown: readonly Located[];
}

export type LocateResult = { readonly ok: true; readonly doc: PsDocument } | { readonly ok: false; readonly reason: 'filters-only' | 'unrecognized' };

/** Classifies the parsed root value. */
export function locate(root: JsonValue): LocateResult {
  const items = collectionItems({ value: root, path: [] });
  if (items.length === 1 && isObject(items[0]?.value) && isContainer(items[0].value)) return container(items[0] as Located<JsonObject>);
  const doc = classify(items, empty());
  if (doc.rules.length === 0 && doc.profiles.length === 0) return { ok: false, reason: 'unrecognized' };
  return { ok: true, doc };
}

function empty(): Mutable {
  return { rules: [], profiles: [], filters: new Map(), unknown: [] };
}

interface Mutable {
  header?: Located<JsonObject>;
  rules: Located<JsonObject>[];
  profiles: Located<JsonObject>[];
  filters: Map<FilterKind, Located<JsonObject>[]>;
  unknown: Located[];
}

/** A document of collections, not itself a rule or profile (a raw rule has a numeric `Profiles` member). */
function isContainer(obj: JsonObject): boolean {
  if (isRuleObject(obj) || isProfileObject(obj)) return false;
  return member(obj, [...RULES_KEYS, ...PROFILES_KEYS, HEADER_KEY]) !== undefined || filterMembers(obj).length > 0;
}

/** An object holding collections: our script's document, `{Rules, Profiles}`, or a filter join. */
function container(root: Located<JsonObject>): LocateResult {
  const obj = root.value;
  const doc = empty();
  const used = new Set<string>();
  const at = (key: string): Located => ({ value: obj[key] as JsonValue, path: [...root.path, key] });
  const header = member(obj, [HEADER_KEY]);
  if (header !== undefined && isObject(header.value)) {
    doc.header = { value: header.value, path: [...root.path, header.key] };
    used.add(header.key);
  }
  const rules = member(obj, RULES_KEYS);
  if (rules !== undefined) {
    used.add(rules.key);
    for (const item of collectionItems(at(rules.key))) pushObject(doc.rules, doc, item);
  }
  const profiles = member(obj, PROFILES_KEYS);
  if (profiles !== undefined) {
    used.add(profiles.key);
    for (const item of collectionItems(at(profiles.key))) pushObject(doc.profiles, doc, item);
  }
  for (const [kind, key] of filterMembers(obj)) {
    used.add(key);
    const list: Located<JsonObject>[] = [];
    for (const item of collectionItems(at(key))) pushObject(list, doc, item);
    doc.filters.set(kind, list);
  }
  for (const key of Object.keys(obj)) if (!used.has(key)) doc.unknown.push(at(key));
  if (rules === undefined && profiles === undefined && doc.filters.size > 0) return { ok: false, reason: 'filters-only' };
  return { ok: true, doc };
}

function pushObject(list: Located<JsonObject>[], doc: Mutable, item: Located): void {
  if (isObject(item.value)) list.push(item as Located<JsonObject>);
  else doc.unknown.push(item);
}

function filterMembers(obj: JsonObject): [FilterKind, string][] {
  const out: [FilterKind, string][] = [];
  for (const kind of Object.keys(FILTER_KINDS) as FilterKind[]) {
    const m = member(obj, FILTER_KINDS[kind]);
    if (m !== undefined && (Array.isArray(m.value) || isObject(m.value))) out.push([kind, m.key]);
  }
  return out;
}

/** Sorts the elements of a bare array (or the one bare object) into rules, profiles and unknown objects. */
function classify(items: readonly Located[], doc: Mutable): Mutable {
  for (const item of items) {
    const v = item.value;
    if (isObject(v) && isProfileObject(v)) doc.profiles.push(item as Located<JsonObject>);
    else if (isObject(v) && isRuleObject(v)) doc.rules.push(item as Located<JsonObject>);
    else doc.unknown.push(item);
  }
  return doc;
}

/** A Get-NetFirewallProfile object (or our script's projection of one). */
export function isProfileObject(obj: JsonObject): boolean {
  if (member(obj, ['defaultinboundaction', 'defaultoutboundaction', 'allowlocalfirewallrules']) !== undefined) return true;
  const id = member(obj, ['instanceid'])?.value;
  return typeof id === 'string' && id.startsWith('MSFT|FW|FirewallProfile');
}

/** A Get-NetFirewallRule object (raw, projected or joined): a state/direction/action plus a name or id. */
export function isRuleObject(obj: JsonObject): boolean {
  return member(obj, ['direction', 'action', 'enabled']) !== undefined && member(obj, ['name', 'displayname', 'instanceid', 'id']) !== undefined;
}
