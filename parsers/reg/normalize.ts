/**
 * @fileoverview Stage 2 of the .reg parser: raw items → rules and profile settings. Values under a `…\FirewallRules`
 * key are rule strings (store from the key's location), values under profile keys are profile settings; everything
 * else is ignored with a reason, or unsupported with a diagnostic. A value name given twice under one key is
 * imported last-wins by regedit, so the earlier line is ignored with a warning.
 */
import type { Rule } from '../../src/model/rule.js';
import {
  HARDENING_NOTICE,
  ignoredKeyReason,
  KEY_IGNORED,
  legacyPolicyMessage,
  locateKey,
  normalizeRuleString,
  ProfileCollector,
  registryDword,
  registryText,
  RuleIds,
  isRuleString,
  type LocatedKey,
  type ProfileValueOutcome,
  type Store,
} from '../windows-rule/index.js';
import { quote, type ParseSink } from '../shared/parse-sink.js';
import type { RawItem, RawKey, RawValue } from './parse.js';
import type { RegData } from './value-syntax.js';

/** Ignored-line reasons of this parser beyond the shared key reasons. */
export const REG_IGNORED = {
  ...KEY_IGNORED,
  keyDeletion: 'key deletion',
  valueDeletion: 'value deletion',
  overridden: 'overridden by a later value',
} as const;

/** What the items held. */
export interface RegDocument {
  readonly rules: Rule[];
  readonly profiles: ProfileCollector;
  readonly stores: ReadonlySet<Store>;
  /** Keys holding rules or profile settings. */
  readonly firewallKeys: number;
}

/** Normalizes the items, marking every item line in `sink`. */
export function normalizeReg(items: readonly RawItem[], sink: ParseSink): RegDocument {
  const located = new Map<RawKey, LocatedKey | undefined>();
  const ctx: Ctx = { sink, rules: [], ids: new RuleIds(), profiles: new ProfileCollector(sink.diagnostics), stores: new Set(), firewallKeys: 0, told: new Set() };
  const winners = lastValues(items);
  for (const item of items) {
    if (item.kind === 'bad') {
      sink.report('error', 'REG_SYNTAX', `${item.error}: ${quote(item.raw)}`, item.lines[0]);
      item.lines.forEach((l) => sink.unsupported(l));
    } else if (item.kind === 'key') {
      const loc = item.deleted ? undefined : locateKey(item.path);
      located.set(item, loc);
      markKey(item, loc, ctx);
    } else if (winners.get(valueId(item)) !== item) {
      sink.report('warning', 'REG_DUPLICATE_VALUE', `value "${item.name}" is set again later under the same key; regedit keeps the last one`, item.lines[0]);
      item.lines.forEach((l) => sink.ignored(l, REG_IGNORED.overridden));
    } else {
      handleValue(item, item.key === undefined ? undefined : located.get(item.key), ctx);
    }
  }
  return { rules: ctx.rules, profiles: ctx.profiles, stores: ctx.stores, firewallKeys: ctx.firewallKeys };
}

interface Ctx {
  readonly sink: ParseSink;
  readonly rules: Rule[];
  readonly ids: RuleIds;
  readonly profiles: ProfileCollector;
  readonly stores: Set<Store>;
  firewallKeys: number;
  /** One-time notices already given. */
  readonly told: Set<string>;
}

function markKey(key: RawKey, loc: LocatedKey | undefined, ctx: Ctx): void {
  if (key.deleted) return ctx.sink.ignored(key.line, REG_IGNORED.keyDeletion);
  const reason = ignoredKeyReason(loc);
  if (reason !== undefined) return ctx.sink.ignored(key.line, reason);
  if (loc === undefined) return;
  if (loc.key.kind === 'legacy-profile') {
    ctx.sink.report('warning', 'REG_LEGACY_POLICY', legacyPolicyMessage(loc.key.setting), key.line);
    return ctx.sink.unsupported(key.line);
  }
  ctx.sink.parsed(key.line);
  ctx.firewallKeys++;
  if (loc.key.kind === 'profile') ctx.profiles.touch(loc.store, loc.key.profile, { file: ctx.sink.file, line: key.line });
}

/** How a value's lines are accounted for. */
type Outcome = ProfileValueOutcome;

function handleValue(v: RawValue, loc: LocatedKey | undefined, ctx: Ctx): void {
  const outcome = valueOutcome(v, loc, ctx);
  for (const l of v.lines) {
    if (outcome.kind === 'ignored') ctx.sink.ignored(l, outcome.reason);
    else if (outcome.kind === 'parsed') ctx.sink.parsed(l);
    else ctx.sink.unsupported(l);
  }
}

function valueOutcome(v: RawValue, loc: LocatedKey | undefined, ctx: Ctx): Outcome {
  const line = v.lines[0] ?? 0;
  if (v.key === undefined) {
    ctx.sink.report('error', 'REG_VALUE_OUTSIDE_KEY', `value "${v.name}" before any [key] line`, line);
    return { kind: 'unsupported' };
  }
  if (v.key.deleted) return { kind: 'ignored', reason: REG_IGNORED.keyDeletion };
  const reason = ignoredKeyReason(loc) ?? (v.data.type === 'delete' ? REG_IGNORED.valueDeletion : undefined);
  if (reason !== undefined || loc === undefined) {
    if (reason === REG_IGNORED.hardening) tellOnce(ctx, 'REG_SERVICE_HARDENING', HARDENING_NOTICE, line);
    return { kind: 'ignored', reason: reason ?? REG_IGNORED.outside };
  }
  if (loc.key.kind === 'rules') return ruleValue(v, loc.store, ctx) ? { kind: 'parsed' } : { kind: 'unsupported' };
  if (loc.key.kind !== 'profile') return { kind: 'unsupported' };
  const value = { name: v.name, value: dwordOf(v.data), text: dataText(v.data), ref: { file: ctx.sink.file, line } };
  return ctx.profiles.add(loc.store, loc.key.profile, value);
}

/** A value under FirewallRules → one rule; returns false when the line could not be read cleanly. */
function ruleValue(v: RawValue, store: Store, ctx: Ctx): boolean {
  const { sink } = ctx;
  const line = v.lines[0] ?? 0;
  const text = v.data.type === 'sz' ? v.data.text : v.data.type === 'hex' ? registryText(v.data.regType, v.data.bytes) : undefined;
  if (text === undefined || !isRuleString(text)) {
    sink.report('error', 'REG_NOT_A_RULE', `value "${v.name}" under FirewallRules is not a rule string: ${quote(text ?? dataText(v.data))}`, line);
    return false;
  }
  ctx.stores.add(store);
  const id = ctx.ids.take(v.name, store);
  const source = { file: sink.file, line, vendorId: v.name };
  const r = normalizeRuleString(text, { id, source, store, raw: v.raw }, sink.diagnostics);
  ctx.rules.push(r.rule);
  return !r.uncertain;
}

function tellOnce(ctx: Ctx, code: string, message: string, line: number): void {
  if (ctx.told.has(code)) return;
  ctx.told.add(code);
  ctx.sink.report('info', code, message, line);
}

function dwordOf(d: RegData): number | undefined {
  if (d.type === 'dword') return d.value;
  if (d.type === 'hex') return registryDword(d.regType, d.bytes);
  if (d.type === 'sz' && /^\d{1,10}$/.test(d.text.trim())) return Number(d.text.trim());
  return undefined;
}

function dataText(d: RegData): string {
  if (d.type === 'sz') return d.text;
  if (d.type === 'dword') return `dword:${d.value.toString(16).padStart(8, '0')}`;
  if (d.type === 'hex') return `hex(${d.regType.toString(16)}):${Array.from(d.bytes.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join(',')}`;
  return '-';
}

/** Identity of a value for last-wins: its key line and case-insensitive name. */
function valueId(v: RawValue): string {
  return `${v.key?.line ?? 0}\u0000${v.name.toLowerCase()}`;
}

function lastValues(items: readonly RawItem[]): Map<string, RawValue> {
  const map = new Map<string, RawValue>();
  for (const item of items) if (item.kind === 'value') map.set(valueId(item), item);
  return map;
}
