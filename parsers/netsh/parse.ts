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

/** Everything stage 1 found; `R` is what each rule block became (RawRule, or a normalized Rule, see parseLines). */
export interface RawDocument<R = RawRule> {
  readonly rules: readonly R[];
  readonly profiles: readonly RawProfileSection[];
  /** Lines holding `No rules match the specified criteria.` */
  readonly noRulesLines: readonly number[];
  /** First `Label: value` line followed by dashes whose label is not a known rule or profile header. */
  readonly foreignHeaderLine: number | undefined;
}

/** Label up to the first colon, then the value; both are trimmed by splitLabel. No `\s*` beside a lazy or open-ended
 * group: that backtracked quadratically on a long colon-free line of whitespace (fuzz-found: 28k U+FEFF took 1.4 s).
 * splitLabel matches it by hand; test/parsers/netsh/parse.test.ts checks that the two agree. */
export const LABEL_LINE = /^([^\s:：][^:：]*)[:：](.*)$/;
const SEPARATOR = /^-{10,}$/;
const KEY_VALUE = /^(\S(?:.*?\S)?)(?:\s{2,}|\t+)(\S.*)$/;

/**
 * Splits a column-0 `Label:   value` line; undefined when the line has no colon. The same as matching LABEL_LINE,
 * by hand (it runs on every line): a first character that is no space or colon, the label up to the first colon,
 * and a value without line terminators.
 */
export function splitLabel(text: string): { label: string; value: string } | undefined {
  const n = text.length;
  if (n === 0) return undefined;
  const first = text.charCodeAt(0);
  if (isColon(first) || (first < 128 ? first === 32 || (first >= 9 && first <= 13) : /^\s/.test(text))) return undefined;
  let colon = 1;
  while (colon < n && !isColon(text.charCodeAt(colon))) colon++;
  if (colon >= n) return undefined;
  for (let i = colon + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return undefined;
  }
  return { label: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() };
}

/** `:` or the full-width `：`. */
function isColon(c: number): boolean {
  return c === 58 || c === 0xff1a;
}

/** Whether a line is the dashes under a rule name or profile header. */
export function isSeparator(text: string): boolean {
  return SEPARATOR.test(text.trim());
}

const NO_SEGMENTS: readonly RawSegment[] = Object.freeze([]);

interface RuleBuilder {
  readonly kind: 'rule';
  readonly line: number;
  /** Continuation lists start as one shared empty list (most fields have none). */
  readonly fields: { label: string; key: RuleFieldKey | undefined; value: RawSegment; continuations: readonly RawSegment[] }[];
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

/**
 * Reads netsh output lines into raw records. `finish` turns each rule block into its result as soon as the block
 * ends (normalize.ts passes normalizeRule), so a 20,000-rule export never holds every raw field record at once.
 */
export function parseLines(lines: readonly string[], sink: ParseSink): RawDocument;
export function parseLines<R>(lines: readonly string[], sink: ParseSink, finish: (raw: RawRule) => R): RawDocument<R>;
export function parseLines<R>(lines: readonly string[], sink: ParseSink, finish?: (raw: RawRule) => R): RawDocument<R | RawRule> {
  const rules: (R | RawRule)[] = [];
  const profiles: RawProfileSection[] = [];
  const noRulesLines: number[] = [];
  let foreignHeaderLine: number | undefined;
  let open: RuleBuilder | ProfileBuilder | undefined;

  const close = (): void => {
    if (open?.kind === 'rule') {
      const raw = finishRule(open, lines);
      rules.push(finish === undefined ? raw : finish(raw));
    }
    if (open?.kind === 'profile') profiles.push({ profile: open.profile, line: open.line, entries: open.entries });
    open = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    const line = i + 1;
    const trimmed = text.trim();
    if (trimmed === '') {
      sink.ignored(line, IGNORED.blank);
      continue;
    }
    if (isSeparatorTrimmed(trimmed)) {
      if (open?.kind === 'rule') open.last = line;
      sink.ignored(line, IGNORED.separator);
      continue;
    }
    // The guards repeat each test's own first check on the trimmed line (they would trim it again).
    if (trimmed.length === 3 && isStatusLine(text)) {
      close();
      sink.ignored(line, IGNORED.status);
      continue;
    }
    if (trimmed.endsWith('.') && isNoRulesLine(text)) {
      close();
      noRulesLines.push(line);
      continue;
    }
    const indented = startsWithSpace(text);
    const profile = indented || !trimmed.endsWith(':') ? undefined : profileHeader(text);
    if (profile !== undefined) {
      close();
      open = { kind: 'profile', profile, line, entries: [], logging: false };
      continue;
    }
    const split = indented ? undefined : splitLabel(text);
    const key = split === undefined ? undefined : ruleFieldKey(split.label);
    if (split !== undefined && key === 'name') {
      close();
      open = { kind: 'rule', line, fields: [], strays: [], last: line };
    }
    if (open?.kind === 'rule') {
      addToRule(open, text, line, split, key, indented);
      continue;
    }
    if (open?.kind === 'profile') {
      addToProfile(open, text, line);
      continue;
    }
    if (split !== undefined && foreignHeaderLine === undefined && isSeparator(lines[i + 1] ?? '')) foreignHeaderLine = line;
    sink.unsupported(line);
    sink.report('warning', 'NETSH_UNRECOGNIZED_LINE', `line outside any rule or profile section: ${quote(text)}`, line);
  }
  close();
  return { rules, profiles, noRulesLines, foreignHeaderLine };
}

/** `/^\s/` without the regex (it runs on every line). */
function startsWithSpace(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 32 || c === 9) return true;
  if (c < 128 && c !== 10 && c !== 11 && c !== 12 && c !== 13) return false;
  return /^\s/.test(text);
}

function isSeparatorTrimmed(trimmed: string): boolean {
  return trimmed.charCodeAt(0) === 45 && SEPARATOR.test(trimmed);
}

function addToRule(
  rule: RuleBuilder,
  text: string,
  line: number,
  split: { label: string; value: string } | undefined,
  key: RuleFieldKey | undefined,
  indented: boolean,
): void {
  rule.last = line;
  const current = rule.fields[rule.fields.length - 1];
  if (indented && current !== undefined) {
    current.continuations = [...current.continuations, { text: text.trim(), line }];
    return;
  }
  if (split === undefined) {
    rule.strays.push({ text: text.trim(), line });
    return;
  }
  rule.fields.push({ label: split.label, key, value: { text: split.value, line }, continuations: NO_SEGMENTS });
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
