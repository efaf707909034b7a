/**
 * @fileoverview Stage 2 of the wfw parser: the hive tree of `netsh advfirewall export` → local-store rules and
 * profile settings. The hive root is the policy root (a GUID key holding FirewallRules, DomainProfile,
 * StandardProfile = Private, PublicProfile). Each value is one accounting unit, numbered in walk order; references
 * are `file#FirewallRules/<value name>`.
 */
import type { Rule } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ParseSink } from '../shared/parse-sink.js';
import {
  classifyPolicyKey,
  HARDENING_NOTICE,
  ignoredKeyReason,
  isRuleString,
  legacyPolicyMessage,
  markOutcome,
  normalizeRuleString,
  ProfileCollector,
  registryDataText,
  registryDword,
  registryText,
  RuleIds,
  type LocatedKey,
} from '../windows-rule/index.js';
import type { HiveKey } from './hive.js';
import type { ValueRecord } from './hive-records.js';

export interface WfwDocument {
  readonly rules: Rule[];
  readonly profiles: ProfileCollector;
}

/** Number of values in the tree (the accounting units). */
export function countValues(key: HiveKey): number {
  return key.values.length + key.subkeys.reduce((n, k) => n + countValues(k), 0);
}

/** Normalizes the tree; units 1…countValues(root) are marked in `sink`. */
export function normalizeWfw(root: HiveKey, sink: ParseSink): WfwDocument {
  const ctx: Ctx = { sink, unit: 0, rules: [], ids: new RuleIds(), profiles: new ProfileCollector(sink.diagnostics), told: new Set() };
  visit(root, ctx);
  return { rules: ctx.rules, profiles: ctx.profiles };
}

interface Ctx {
  readonly sink: ParseSink;
  unit: number;
  readonly rules: Rule[];
  readonly ids: RuleIds;
  readonly profiles: ProfileCollector;
  readonly told: Set<string>;
}

function visit(key: HiveKey, ctx: Ctx): void {
  const loc: LocatedKey = { store: 'local', defaults: false, key: classifyPolicyKey(key.path) };
  for (const value of key.values) {
    ctx.unit++;
    handleValue(key, value, loc, ctx);
  }
  for (const sub of key.subkeys) visit(sub, ctx);
}

function handleValue(key: HiveKey, value: ValueRecord, loc: LocatedKey, ctx: Ctx): void {
  const { sink, unit } = ctx;
  const ref: SourceRef = { file: sink.file, path: [...key.path, value.name], vendorId: value.name };
  const reason = ignoredKeyReason(loc);
  if (reason !== undefined) {
    if (loc.key.kind === 'service-hardening') once(ctx, 'info', 'WFW_SERVICE_HARDENING', HARDENING_NOTICE, ref);
    return sink.ignored(unit, reason);
  }
  if (loc.key.kind === 'rules') return ruleValue(value, ref, ctx);
  if (loc.key.kind === 'profile') {
    const v = { name: value.name, value: registryDword(value.type, value.data), text: registryDataText(value.type, value.data), ref };
    return markOutcome(sink, unit, ctx.profiles.add('local', loc.key.profile, v));
  }
  if (loc.key.kind === 'legacy-profile') once(ctx, 'warning', 'WFW_LEGACY_POLICY', legacyPolicyMessage(loc.key.setting), ref);
  sink.unsupported(unit);
}

function ruleValue(value: ValueRecord, ref: SourceRef, ctx: Ctx): void {
  const { sink, unit } = ctx;
  const text = registryText(value.type, value.data);
  if (text === undefined || !isRuleString(text)) {
    sink.diagnostics.push({ severity: 'error', code: 'WFW_NOT_A_RULE', message: `value "${value.name}" under FirewallRules is not a rule string (type ${value.type})`, ref });
    return sink.unsupported(unit);
  }
  const id = ctx.ids.take(value.name, 'local');
  const r = normalizeRuleString(text, { id, source: ref, store: 'local', raw: text }, sink.diagnostics);
  ctx.rules.push(r.rule);
  if (r.uncertain) sink.unsupported(unit);
  else sink.parsed(unit);
}

function once(ctx: Ctx, severity: 'info' | 'warning', code: string, message: string, ref: SourceRef): void {
  if (ctx.told.has(code)) return;
  ctx.told.add(code);
  ctx.sink.diagnostics.push({ severity, code, message, ref });
}
