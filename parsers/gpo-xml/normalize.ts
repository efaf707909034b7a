/**
 * @fileoverview Stage 2 of the gpo-xml parser: raw firewall records → GPO-store rules and profile settings. Rule
 * children mirror the registry keys and go through the shared normalizer; the element name (Inbound/Outbound)
 * supplies the direction when `Dir` is missing. Profile values are `true`/`false`/numbers (`DefaultInboundAction`
 * true = block). Accounting units: rule elements, profile settings, GlobalSettings children, other elements.
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Rule } from '../../src/model/rule.js';
import type { ParseSink } from '../shared/parse-sink.js';
import { KEY_IGNORED, markOutcome, normalizeRule, ProfileCollector, profileOfKey, RuleIds, type RuleField } from '../windows-rule/index.js';
import type { RawXmlDocument, RawXmlOther, RawXmlProfile, RawXmlRule } from './raw.js';

const IPSEC_ELEMENTS = new Set(['ConnectionSecurityRules', 'MainModeRules', 'Phase1AuthenticationSets', 'Phase2AuthenticationSets', 'Phase1CryptographicSets', 'Phase2CryptographicSets', 'IPsecSettings']);

export interface XmlDocument {
  readonly rules: Rule[];
  readonly profiles: ProfileCollector;
}

/** One rule element, normalized as it closed (see ruleNormalizer). */
export interface RuleOutcome {
  readonly rule: Rule;
  /** True when an error or warning was reported (the element's unit is unsupported). */
  readonly uncertain: boolean;
  /** What was reported for the rule, in order; undefined when nothing. */
  readonly diagnostics: readonly Diagnostic[] | undefined;
  readonly ref: RawXmlRule['ref'];
}

/**
 * The finisher parse.ts runs on each rule element as it closes: ids are handed out in document order, and the
 * diagnostics are kept with the rule until normalizeGpoXml adds them, in the same order, to the sink.
 */
export const ruleNormalizer = (): ((raw: RawXmlRule) => RuleOutcome) => {
  const ids = new RuleIds();
  const scratch: Diagnostic[] = [];
  return (raw) => {
    const r = normalizeRule({ id: ids.take(raw.ref.path.join('/'), 'gpo'), source: raw.ref, store: 'gpo', raw: raw.raw, version: raw.version, fields: withDirection(raw) }, scratch);
    for (const n of raw.nested) {
      scratch.push({ severity: 'info', code: 'GPOXML_NESTED_FIELD', message: `rule child "${n.key}" has child elements; it is kept in raw and not read`, ref: n.ref });
    }
    const diagnostics = scratch.length === 0 ? undefined : scratch.splice(0);
    return { rule: r.rule, uncertain: r.uncertain, diagnostics, ref: raw.ref };
  };
};

/** Number of accounting units in the document. */
export function countUnits(doc: RawXmlDocument<unknown>): number {
  return doc.rules.length + doc.profiles.reduce((n, p) => n + p.settings.length, 0) + doc.others.length;
}

/** Adds the rules' diagnostics and normalizes the rest, marking units 1…countUnits(doc) in `sink`. */
export function normalizeGpoXml(doc: RawXmlDocument<RuleOutcome>, sink: ParseSink): XmlDocument {
  let unit = 0;
  const rules = doc.rules.map((r) => {
    unit++;
    if (r.diagnostics !== undefined) for (const d of r.diagnostics) sink.diagnostics.push(d);
    if (r.uncertain) sink.unsupported(unit);
    else sink.parsed(unit);
    return r.rule;
  });
  const profiles = new ProfileCollector(sink.diagnostics);
  for (const p of doc.profiles) unit = readProfile(p, profiles, sink, unit);
  for (const o of doc.others) sink.ignored(++unit, otherReason(o, sink));
  return { rules, profiles };
}

/** The rule's fields, plus a `Dir` from the element name when the children do not agree with it. */
function withDirection(raw: RawXmlRule): RuleField[] {
  const dir = raw.direction === 'in' ? 'In' : 'Out';
  const own = raw.fields.filter((f) => f.key.toLowerCase() === 'dir');
  if (own.length > 0 && own.every((f) => f.value.trim().toLowerCase() === dir.toLowerCase())) return raw.fields;
  return [...raw.fields, { key: 'Dir', value: dir, ref: raw.ref }];
}

function readProfile(p: RawXmlProfile, profiles: ProfileCollector, sink: ParseSink, start: number): number {
  const profile = profileOfKey(p.name);
  let unit = start;
  if (profile === undefined) return unit;
  profiles.touch('gpo', profile, p.ref);
  for (const s of p.settings) {
    unit++;
    const text = s.value ?? '';
    const value = /^true$/i.test(text) ? 1 : /^false$/i.test(text) ? 0 : /^\d{1,10}$/.test(text) ? Number(text) : undefined;
    markOutcome(sink, unit, profiles.add('gpo', profile, { name: s.name, value, text, ref: s.ref }));
  }
  return unit;
}

function otherReason(o: RawXmlOther, sink: ParseSink): string {
  if (o.where === 'global') return KEY_IGNORED.global;
  if (IPSEC_ELEMENTS.has(o.name)) return KEY_IGNORED.ipsec;
  sink.diagnostics.push({ severity: 'info', code: 'GPOXML_UNKNOWN_ELEMENT', message: `firewall settings element "${o.name}" is not read`, ref: o.ref });
  return KEY_IGNORED.other;
}
