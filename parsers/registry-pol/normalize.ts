/**
 * @fileoverview Stage 2 of the Registry.pol parser: PReg entries → GPO rules and profile settings. Each entry is one
 * accounting unit (its "line" is the 1-based entry index); references are `file#entry/17` with the value name as
 * vendor id. `**del.…`, `**delvals.` and the other `**` directives are policy-processing markers, not settings.
 */
import type { Diagnostic, DiagnosticSeverity } from '../../src/model/diagnostic.js';
import type { Rule } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ParseSink } from '../shared/parse-sink.js';
import {
  HARDENING_NOTICE,
  ignoredKeyReason,
  isRuleString,
  KEY_IGNORED,
  legacyPolicyMessage,
  locateKey,
  markOutcome,
  normalizeRuleString,
  ProfileCollector,
  registryDataText,
  registryDword,
  registryText,
  RuleIds,
  type LocatedKey,
} from '../windows-rule/index.js';
import type { PolEntry } from './parse.js';

/** Ignored-entry reasons of this parser beyond the shared key reasons. */
export const POL_IGNORED = {
  marker: 'deletion marker',
  keyOnly: 'key creation entry',
} as const;

/** What the entries held. */
export interface PolDocument {
  readonly rules: Rule[];
  readonly profiles: ProfileCollector;
  /** Entries holding rules or profile settings. */
  readonly firewallEntries: number;
}

/** Normalizes the entries; `sink` has one unit per entry. */
export function normalizePol(entries: readonly PolEntry[], sink: ParseSink): PolDocument {
  const ctx: Ctx = { sink, rules: [], ids: new RuleIds(), profiles: new ProfileCollector(sink.diagnostics), firewallEntries: 0, told: new Set() };
  for (const entry of entries) handleEntry(entry, ctx);
  return { rules: ctx.rules, profiles: ctx.profiles, firewallEntries: ctx.firewallEntries };
}

/** The reference of an entry. */
export function entryRef(file: string, entry: PolEntry): SourceRef {
  const ref = { file, path: ['entry', String(entry.index)] };
  return entry.name === '' ? ref : { ...ref, vendorId: entry.name };
}

interface Ctx {
  readonly sink: ParseSink;
  readonly rules: Rule[];
  readonly ids: RuleIds;
  readonly profiles: ProfileCollector;
  firewallEntries: number;
  readonly told: Set<string>;
}

function handleEntry(entry: PolEntry, ctx: Ctx): void {
  const { sink } = ctx;
  const loc = locateKey(entry.key);
  if (entry.name.startsWith('**')) return sink.ignored(entry.index, POL_IGNORED.marker);
  const reason = ignoredKeyReason(loc);
  if (reason !== undefined || loc === undefined) {
    if (loc?.key.kind === 'service-hardening') tell(ctx, entry, 'info', 'POL_SERVICE_HARDENING', HARDENING_NOTICE, true);
    return sink.ignored(entry.index, reason ?? KEY_IGNORED.outside);
  }
  if (entry.name === '') return sink.ignored(entry.index, POL_IGNORED.keyOnly);
  if (loc.key.kind === 'legacy-profile') {
    tell(ctx, entry, 'warning', 'POL_LEGACY_POLICY', legacyPolicyMessage(loc.key.setting), false);
    return sink.unsupported(entry.index);
  }
  ctx.firewallEntries++;
  if (loc.key.kind === 'rules') return ruleEntry(entry, loc, ctx);
  if (loc.key.kind !== 'profile') return sink.unsupported(entry.index);
  const value = { name: entry.name, value: registryDword(entry.type, entry.data), text: registryDataText(entry.type, entry.data), ref: entryRef(sink.file, entry) };
  markOutcome(sink, entry.index, ctx.profiles.add(loc.store, loc.key.profile, value));
}

function ruleEntry(entry: PolEntry, loc: LocatedKey, ctx: Ctx): void {
  const { sink } = ctx;
  const text = registryText(entry.type, entry.data);
  if (text === undefined || !isRuleString(text)) {
    tell(ctx, entry, 'error', 'POL_NOT_A_RULE', `value "${entry.name}" under FirewallRules is not a rule string (type ${entry.type})`, false);
    return sink.unsupported(entry.index);
  }
  const source = entryRef(sink.file, entry);
  const id = ctx.ids.take(entry.name, loc.store);
  const r = normalizeRuleString(text, { id, source, store: loc.store, raw: text }, sink.diagnostics);
  ctx.rules.push(r.rule);
  if (r.uncertain) sink.unsupported(entry.index);
  else sink.parsed(entry.index);
}

function tell(ctx: Ctx, entry: PolEntry, severity: DiagnosticSeverity, code: string, message: string, once: boolean): void {
  if (once && ctx.told.has(code)) return;
  ctx.told.add(code);
  const d: Diagnostic = { severity, code, message, ref: entryRef(ctx.sink.file, entry) };
  ctx.sink.diagnostics.push(d);
}
