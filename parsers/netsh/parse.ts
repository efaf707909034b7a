/**
 * @fileoverview Stage 1 of the netsh parser: lines → raw records with positions. A rule block starts at its
 * `Rule Name:` line (never at the dashes), holds `Label: value` fields with indented continuation lines, and
 * ends at the next rule, profile header, `Ok.` or the end. `show allprofiles` sections become key/value entries.
 * Values are not interpreted here; blank, separator and status lines are accounted for here.
 */
import type { FirewallProfile } from '../../src/model/rule.js';
import { isNoRulesLine, isStatusLine, ruleFieldKey, type RuleFieldKey } from './labels.js';
import { isLoggingHeader, profileHeader } from './profile-labels.js';
import { IGNORED, quote, type ParseSink } from '../shared/parse-sink.js';

/** A piece of text and the 1-based line it came from. */
export interface RawSegment {
  readonly text: string;
  readonly line: number;
}

/** One `Label: value` line plus its indented continuation lines. */
export interface RawField {
  readonly label: string;
  /** Canonical key, or undefined for a label in neither table. */
  readonly key: RuleFieldKey | undefined;
  readonly value: RawSegment;
  readonly continuations: readonly RawSegment[];
}

/** One rule block; `fields[0]` is the `Rule Name` field. */
export interface RawRule {
  readonly line: number;
  readonly fields: readonly RawField[];
  /** Column-0 lines inside the block that are not `Label: value`. */
  readonly strays: readonly RawSegment[];
  /** The block's lines verbatim, from the name line to its last non-blank line. */
  readonly raw: string;
}

/** One key/value line of a profile section; `logging` for the `Logging:` header and the lines under it. */
export interface RawProfileEntry {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly logging: boolean;
}

/** One `<Profile> Profile Settings:` section. */
export interface RawProfileSection {
  readonly profile: FirewallProfile;
  readonly line: number;
  readonly entries: readonly RawProfileEntry[];
}

/** Everything stage 1 found. */
export interface RawDocument {
  readonly rules: readonly RawRule[];
  readonly profiles: readonly RawProfileSection[];
  /** Lines holding `No rules match the specified criteria.` */
  readonly noRulesLines: readonly number[];
  /** First `Label: value` line followed by dashes whose label is not a known rule or profile header. */
  readonly foreignHeaderLine: number | undefined;
}

/** Label up to the first colon, then the value; both are trimmed by splitLabel. No `\s*` beside a lazy or open-ended
 * group: that backtracked quadratically on a long colon-free line of whitespace (fuzz-found: 28k U+FEFF took 1.4 s). */
const LABEL_LINE = /^([^\s:：][^:：]*)[:：](.*)$/;
const SEPARATOR = /^-{10,}$/;
const KEY_VALUE = /^(\S(?:.*?\S)?)(?:\s{2,}|\t+)(\S.*)$/;

/** Splits a column-0 `Label:   value` line; undefined when the line has no colon. */
export function splitLabel(text: string): { label: string; value: string } | undefined {
  const m = LABEL_LINE.exec(text);
  if (m === null) return undefined;
  return { label: (m[1] ?? '').trim(), value: (m[2] ?? '').trim() };
}

/** Whether a line is the dashes under a rule name or profile header. */
export function isSeparator(text: string): boolean {
  return SEPARATOR.test(text.trim());
}

interface RuleBuilder {
  readonly kind: 'rule';
  readonly line: number;
  readonly fields: { label: string; key: RuleFieldKey | undefined; value: RawSegment; continuations: RawSegment[] }[];
  readonly strays: RawSegment[];
  last: number;
}

interface ProfileBuilder {
  readonly kind: 'profile';
  readonly profile: FirewallProfile;
  readonly line: number;
  readonly entries: RawProfileEntry[];
  logging: boolean;
}

/** Reads netsh output lines into raw records. */
export function parseLines(lines: readonly string[], sink: ParseSink): RawDocument {
  const rules: RawRule[] = [];
  const profiles: RawProfileSection[] = [];
  const noRulesLines: number[] = [];
  let foreignHeaderLine: number | undefined;
  let open: RuleBuilder | ProfileBuilder | undefined;

  const close = (): void => {
    if (open?.kind === 'rule') rules.push(finishRule(open, lines));
    if (open?.kind === 'profile') profiles.push({ profile: open.profile, line: open.line, entries: open.entries });
    open = undefined;
  };

  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return sink.ignored(line, IGNORED.blank);
    if (isSeparator(text)) {
      if (open?.kind === 'rule') open.last = line;
      return sink.ignored(line, IGNORED.separator);
    }
    if (isStatusLine(text)) {
      close();
      return sink.ignored(line, IGNORED.status);
    }
    if (isNoRulesLine(text)) {
      close();
      noRulesLines.push(line);
      return undefined;
    }
    const indented = /^\s/.test(text);
    const profile = indented ? undefined : profileHeader(text);
    if (profile !== undefined) {
      close();
      open = { kind: 'profile', profile, line, entries: [], logging: false };
      return undefined;
    }
    const split = indented ? undefined : splitLabel(text);
    const key = split === undefined ? undefined : ruleFieldKey(split.label);
    if (split !== undefined && key === 'name') {
      close();
      open = { kind: 'rule', line, fields: [], strays: [], last: line };
    }
    if (open?.kind === 'rule') return addToRule(open, text, line, split, key);
    if (open?.kind === 'profile') return addToProfile(open, text, line);
    if (split !== undefined && foreignHeaderLine === undefined && isSeparator(lines[i + 1] ?? '')) foreignHeaderLine = line;
    sink.unsupported(line);
    sink.report('warning', 'NETSH_UNRECOGNIZED_LINE', `line outside any rule or profile section: ${quote(text)}`, line);
    return undefined;
  });
  close();
  return { rules, profiles, noRulesLines, foreignHeaderLine };
}

function addToRule(
  rule: RuleBuilder,
  text: string,
  line: number,
  split: { label: string; value: string } | undefined,
  key: RuleFieldKey | undefined,
): void {
  rule.last = line;
  const current = rule.fields[rule.fields.length - 1];
  if (/^\s/.test(text) && current !== undefined) {
    current.continuations.push({ text: text.trim(), line });
    return;
  }
  if (split === undefined) {
    rule.strays.push({ text: text.trim(), line });
    return;
  }
  rule.fields.push({ label: split.label, key, value: { text: split.value, line }, continuations: [] });
}

function addToProfile(section: ProfileBuilder, text: string, line: number): void {
  const trimmed = text.trim();
  if (isLoggingHeader(trimmed)) section.logging = true;
  const m = KEY_VALUE.exec(trimmed);
  const key = m?.[1] ?? trimmed;
  const value = m?.[2]?.trim() ?? '';
  section.entries.push({ key, value, line, logging: section.logging });
}

function finishRule(rule: RuleBuilder, lines: readonly string[]): RawRule {
  const raw = lines.slice(rule.line - 1, rule.last).join('\n');
  return { line: rule.line, fields: rule.fields, strays: rule.strays, raw };
}
