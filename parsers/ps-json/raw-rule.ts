/**
 * @fileoverview One Get-NetFirewallRule object (raw, projected by our script, or with nested `PortFilter`-style
 * members) plus the filter objects joined to it by InstanceID → a WinRawRule with a position for every value.
 */
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ValueProblem, WinFieldKey, WinRawRule, WinValue } from './win-fields.js';
import { isObject, valueItems, type JsonObject, type JsonValue, type Located } from './json-values.js';

/** Property names (lower-case, in precedence order) of each canonical field. */
const FIELD_ALIASES: readonly (readonly [WinFieldKey, readonly string[]])[] = [
  ['enabled', ['enabled']],
  ['direction', ['direction']],
  ['action', ['action']],
  ['override', ['overrideblockrules']],
  ['profile', ['profile', 'profiles']],
  ['group', ['displaygroup', 'group', 'rulegroup']],
  ['store', ['policystoresourcetype', 'source']],
  ['storeName', ['policystoresource']],
  ['protocol', ['protocol']],
  ['localPort', ['localport']],
  ['remotePort', ['remoteport']],
  ['icmpType', ['icmptype']],
  ['localAddress', ['localaddress']],
  ['remoteAddress', ['remoteaddress']],
  ['program', ['program']],
  ['package', ['package']],
  ['service', ['service']],
  ['interfaceType', ['interfacetype']],
  ['interfaceAlias', ['interfacealias']],
  ['localUser', ['localuser']],
  ['remoteUser', ['remoteuser']],
  ['remoteMachine', ['remotemachine']],
  ['owner', ['owner']],
  ['authentication', ['authentication']],
  ['encryption', ['encryption']],
];

/** Every rule member the parser reads (lower-case): ids, names and the aliases above. */
export const READ_MEMBERS: ReadonlySet<string> = new Set(['name', 'displayname', 'instanceid', 'id', ...FIELD_ALIASES.flatMap(([, a]) => a)]);

/** Members that hold filter objects nested in a rule (`Select *, @{n='PortFilter';e={…}}`). */
const NESTED_FILTERS = ['portfilter', 'addressfilter', 'applicationfilter', 'servicefilter', 'interfacetypefilter', 'interfacefilter', 'securityfilter'];

/** Fields that only filter objects carry: a rule with none of them was exported without its filters. */
export const FILTER_FIELDS: ReadonlySet<WinFieldKey> = new Set(['protocol', 'localPort', 'remotePort', 'localAddress', 'remoteAddress']);

/** What `ConvertTo-Json` writes for a collection or CIM object below its `-Depth`. */
const TYPE_NAME = /^(System\.[\w.]+\[\]|Microsoft\.Management\.Infrastructure\.CimInstance\b.*|MSFT_Net\w+.*)$/;

/** Lower-case member name → the member name as written, for one object. */
type KeyIndex = ReadonlyMap<string, string>;

/** Member names repeat across thousands of rules: lower-case each spelling once. */
const LOWER = new Map<string, string>();

function lower(key: string): string {
  let l = LOWER.get(key);
  if (l === undefined) {
    l = key.toLowerCase();
    if (LOWER.size < 10_000) LOWER.set(key, l);
  }
  return l;
}

function keyIndex(obj: JsonObject): KeyIndex {
  const map = new Map<string, string>();
  for (const key of Object.keys(obj)) {
    const folded = lower(key);
    if (!map.has(folded)) map.set(folded, key);
  }
  return map;
}

function first(keys: KeyIndex, names: readonly string[]): string | undefined {
  for (const n of names) {
    const key = keys.get(n);
    if (key !== undefined) return key;
  }
  return undefined;
}

/** The rule's ids: `Name` is the id when a `DisplayName` exists, otherwise `Id`/`InstanceID` are. */
export function ruleIds(obj: JsonObject, keys: KeyIndex = keyIndex(obj)): { id: string | undefined; nameKey: string | undefined } {
  const hasDisplay = keys.has('displayname');
  const idKey = first(keys, hasDisplay ? ['name', 'instanceid', 'id'] : ['id', 'instanceid', 'name']);
  const items = idKey === undefined ? undefined : valueItems(obj[idKey] ?? null);
  const id = items === undefined || items.length === 0 ? undefined : items.join(', ');
  return { id, nameKey: first(keys, hasDisplay ? ['displayname'] : ['name']) };
}

/** A rule element, its position and raw text, and the filter objects joined to it. */
export interface RuleSource {
  readonly rule: Located<JsonObject>;
  readonly joined: readonly Located<JsonObject>[];
  readonly ref: SourceRef;
  readonly id: string;
  readonly raw: string;
}

/** A value whose SourceRef is built only when a diagnostic asks for it (most values never need one). */
class LazyRefValue implements WinValue {
  constructor(
    readonly items: readonly string[],
    private readonly base: SourceRef,
    private readonly parent: readonly string[],
    private readonly key: string,
    readonly problem?: ValueProblem,
  ) {}

  get ref(): SourceRef {
    return { ...this.base, path: [...this.parent, this.key] };
  }
}

/** Builds the raw rule; `truncated` is true when a nested filter came out as a type name (`-Depth` too small). */
export function buildRawRule(src: RuleSource, file: string): { raw: WinRawRule; truncated: boolean } {
  const ruleKeys = keyIndex(src.rule.value);
  const { id: vendorId, nameKey } = ruleIds(src.rule.value, ruleKeys);
  const sources: { source: Located<JsonObject>; keys: KeyIndex }[] = [{ source: src.rule, keys: ruleKeys }];
  let truncated = false;
  for (const name of NESTED_FILTERS) {
    const key = ruleKeys.get(name);
    const value = key === undefined ? undefined : src.rule.value[key];
    if (key !== undefined && isObject(value)) sources.push({ source: { value, path: [...src.rule.path, key] }, keys: keyIndex(value) });
    else if (typeof value === 'string') truncated = true;
  }
  for (const j of src.joined) sources.push({ source: j, keys: keyIndex(j.value) });
  const base: SourceRef = { file, ...(src.ref.line === undefined ? {} : { line: src.ref.line }), ...(vendorId === undefined ? {} : { vendorId }) };
  const fields = new Map<WinFieldKey, WinValue>();
  if (nameKey !== undefined) fields.set('name', toValue(src.rule.value[nameKey] ?? null, base, src.rule.path, nameKey));
  // The first source that has a field wins (the rule itself, then nested, then joined filters).
  for (const { source, keys } of sources) {
    for (const [field, aliases] of FIELD_ALIASES) {
      if (fields.has(field)) continue;
      const key = first(keys, aliases);
      if (key !== undefined) fields.set(field, toValue(source.value[key] ?? null, base, source.path, key));
    }
  }
  return { raw: { ref: src.ref, id: src.id, fields, raw: src.raw }, truncated };
}

/**
 * JSON text of a value for a message, nesting below three levels shown as `…` (JSON.stringify recurses without bound:
 * a 10,000-deep value overflowed the stack).
 */
function preview(value: JsonValue, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (depth >= 3) return '…';
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).slice(0, 16).map((v) => preview(v, depth + 1)).join(',')}${value.length > 16 ? ',…' : ''}]`;
  const obj = value as JsonObject;
  const keys = Object.keys(obj);
  const shown = keys.slice(0, 16).map((k) => `${JSON.stringify(k)}:${preview(obj[k] ?? null, depth + 1)}`);
  return `{${shown.join(',')}${keys.length > 16 ? ',…' : ''}}`;
}

function toValue(value: Located['value'], base: SourceRef, parent: readonly string[], key: string): WinValue {
  const items = valueItems(value);
  if (items === undefined) {
    const problem = { code: 'PSJSON_UNREADABLE_VALUE', message: 'an object where a value was expected' };
    return new LazyRefValue([preview(value).slice(0, 60)], base, parent, key, problem);
  }
  const typeName = items.find((i) => TYPE_NAME.test(i));
  if (typeName !== undefined) {
    const problem = { code: 'PSJSON_DEPTH_TRUNCATED', message: `ConvertTo-Json wrote the type name "${typeName}"; export again with -Depth 5` };
    return new LazyRefValue(items, base, parent, key, problem);
  }
  return new LazyRefValue(items, base, parent, key);
}
