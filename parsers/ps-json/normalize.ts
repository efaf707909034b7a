/**
 * @fileoverview Stage 2 of the PowerShell JSON parser: located objects → RuleSet (Windows semantics, both families).
 * Joins filters, refuses rule objects without any filter data (raw Get-NetFirewallRule), normalizes rules and
 * profiles, and accounts for every line: element lines parsed, punctuation and unused members ignored.
 */
import type { Rule, RuleSet } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import { ParseSink } from '../shared/parse-sink.js';
import { COLLECT_ADVICE } from './advice.js';
import type { PsDocument } from './document.js';
import { absentRequired, checkScopeFields, checkStore, coveredDirections, reportUnknown } from './file-checks.js';
import { FilterIndex } from './filter-join.js';
import { JsonPositions, JsonWinSink } from './json-sink.js';
import type { Located, JsonObject } from './json-values.js';
import { normalizeProfiles } from './profiles.js';
import { buildRawRule, FILTER_FIELDS, ruleIds } from './raw-rule.js';
import type { WinRawRule } from './win-fields.js';
import { normalizeWinRule } from './win-rule.js';

export const IGNORED_JSON = {
  structure: 'json punctuation',
  unused: 'unused json value',
  unclaimedFilter: 'filter object without a rule',
} as const;

/** A fatal problem: the one error the parser returns instead of a rule set. */
export interface Fatal {
  readonly code: string;
  readonly message: string;
}

/** Builds the RuleSet, or the one fatal error for rules that carry no filter data. */
export function normalize(text: string, file: string, doc: PsDocument): RuleSet | Fatal {
  const pos = new JsonPositions(text, maxDepth(doc));
  const lineCount = pos.lines.contentLines;
  const sink = new ParseSink(file, lineCount);
  pos.useLines = distinctStarts(pos, doc.rules);
  const out = new JsonWinSink(sink, pos);
  const ref = (path: readonly string[]): SourceRef => refAt(pos, file, path);
  const filters = new FilterIndex(doc.filters);
  const built = doc.rules.map((rule) => ruleSource(rule, filters, pos, file));
  if (built.length > 0 && !built.some((b) => [...FILTER_FIELDS].some((k) => b.raw.fields.has(k)))) return noFilterData(built.some((b) => b.truncated));
  markAll(pos, sink, doc, filters);
  const raws = built.map((b) => b.raw);
  const absentFields = absentRequired(raws, out, file);
  const rules: Rule[] = raws.map((raw) => withoutFilters(normalizeWinRule(raw, out, { prefix: 'PSJSON', absentFields }), raw, out));
  const profiles = normalizeProfiles(doc.profiles, out, ref);
  fileChecks(doc, raws, rules, filters, out, ref, file);
  return {
    semantics: 'windows',
    rules,
    families: ['ipv4', 'ipv6'],
    directions: coveredDirections(rules, out, file),
    ...(doc.profiles.length === 0 ? {} : { profiles }),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
  };
}

function fileChecks(
  doc: PsDocument,
  raws: readonly WinRawRule[],
  rules: readonly Rule[],
  filters: FilterIndex,
  out: JsonWinSink,
  ref: (path: readonly string[]) => SourceRef,
  file: string,
): void {
  checkStore(doc, raws, out, file);
  checkScopeFields(raws, out, file);
  reportUnknown(doc, out, ref);
  for (const item of filters.unusable) out.report('warning', 'PSJSON_UNUSABLE_FILTER', 'filter object without InstanceID or with a repeated one; ignored', ref(item.path));
  const unclaimed = filters.unclaimed().length;
  if (unclaimed > 0) out.report('info', 'PSJSON_UNMATCHED_FILTERS', `${unclaimed} filter object(s) match no rule by InstanceID; ignored`, { file });
  if (doc.profiles.length === 0) {
    out.report('info', 'PSJSON_NO_PROFILE_SETTINGS', 'no Get-NetFirewallProfile objects: profile defaults assumed (firewall on, block inbound, allow outbound)', { file });
  }
  if (rules.length === 0) out.report('info', 'PSJSON_PROFILES_ONLY', 'the file holds profile settings only; no rules to audit', { file });
}

/** A rule without filter data in a document where others have it: ports and addresses unknown, so uncertain. */
function withoutFilters(rule: Rule, raw: WinRawRule, out: JsonWinSink): Rule {
  if ([...FILTER_FIELDS].some((k) => raw.fields.has(k))) return rule;
  out.report('warning', 'PSJSON_RULE_WITHOUT_FILTERS', 'no port or address filter joined to this rule (InstanceID not found); read as any', raw.ref);
  out.unsupported(raw.ref);
  return { ...rule, conditions: [...rule.conditions, { kind: 'other', text: 'no filter data: protocol, ports and addresses unknown' }] };
}

function ruleSource(rule: Located<JsonObject>, filters: FilterIndex, pos: JsonPositions, file: string): { raw: WinRawRule; truncated: boolean } {
  const vendorId = ruleIds(rule.value).id;
  const line = pos.line(rule.path);
  const ref: SourceRef = { file, path: rule.path, ...(line === undefined ? {} : { line }), ...(vendorId === undefined ? {} : { vendorId }) };
  const id = line === undefined ? `${file}#${rule.path.join('/')}` : `${file}:${line}`;
  const raw = pos.slice(rule.path) ?? JSON.stringify(rule.value);
  return buildRawRule({ rule, joined: filters.join(vendorId), ref, id, raw }, file);
}

function noFilterData(truncated: boolean): Fatal {
  const why = truncated ? 'the filter objects were cut off by ConvertTo-Json -Depth' : 'Get-NetFirewallRule objects carry no ports or addresses (they live in the filter objects)';
  return { code: 'PSJSON_NO_FILTER_DATA', message: `cannot audit: ${why}; ${COLLECT_ADVICE}` };
}

/** Element lines parsed; unused values and unclaimed filters ignored with their reason; the rest is punctuation. */
function markAll(pos: JsonPositions, sink: ParseSink, doc: PsDocument, filters: FilterIndex): void {
  const covered = new Uint8Array(sink.lineCount + 1);
  const parsed = (l: number): void => {
    covered[l] = 1;
    sink.parsed(l);
  };
  const ignored = (reason: string) => (l: number): void => {
    covered[l] = 1;
    sink.ignored(l, reason);
  };
  for (const item of doc.unknown) pos.markLines(item.path, ignored(IGNORED_JSON.unused));
  if (doc.header !== undefined) pos.markLines(doc.header.path, parsed);
  for (const list of doc.filters.values()) for (const item of list) pos.markLines(item.path, parsed);
  for (const item of [...filters.unclaimed(), ...filters.unusable]) pos.markLines(item.path, ignored(IGNORED_JSON.unclaimedFilter));
  for (const item of [...doc.rules, ...doc.profiles]) pos.markLines(item.path, parsed);
  for (let l = 1; l <= sink.lineCount; l++) if (covered[l] === 0) sink.ignored(l, IGNORED_JSON.structure);
}

function refAt(pos: JsonPositions, file: string, path: readonly string[]): SourceRef {
  const line = pos.line(path);
  return { file, path, ...(line === undefined ? {} : { line }) };
}

function maxDepth(doc: PsDocument): number {
  const all: Located[] = [...doc.rules, ...doc.profiles, ...doc.unknown, ...[...doc.filters.values()].flat()];
  if (doc.header !== undefined) all.push(doc.header);
  return Math.max(1, ...all.map((l) => l.path.length));
}

/** Whether rule elements start on distinct lines (false for `-Compress`ed JSON). */
function distinctStarts(pos: JsonPositions, rules: readonly Located[]): boolean {
  const seen = new Set<number>();
  for (const r of rules) {
    const line = pos.lineRange(r.path)?.[0];
    if (line === undefined || seen.has(line)) return false;
    seen.add(line);
  }
  return true;
}
