/**
 * @fileoverview Raw rule-spec records (basic options, match modules with options, target) and how to print them
 * back in iptables-save syntax for Conditions and messages.
 */
import type { Condition } from '../../src/model/rule.js';
import type { Problem } from './diagnostics.js';
import type { FamilyMark } from './raw.js';

/** One option as written; basic options use their short name (`-s`, `-p`, …). */
export interface RawOption {
  readonly name: string;
  readonly negated: boolean;
  /** Written in the pre-1.4.3 form `-s ! X`. */
  readonly legacyNegation: boolean;
  readonly values: readonly string[];
}

/** A match module (`-m tcp`, or loaded implicitly by the protocol) and its options in order. */
export interface RawMatch {
  readonly module: string;
  readonly known: boolean;
  readonly implicit: boolean;
  readonly options: RawOption[];
}

/** The `-j` / `-g` target and its options. */
export interface RawTarget {
  readonly name: string;
  readonly goto: boolean;
  readonly options: RawOption[];
}

/** A rule spec split into its parts, with what could not be read. */
export interface RuleSpec {
  readonly basics: RawOption[];
  readonly matches: RawMatch[];
  target: RawTarget | undefined;
  /** `-4` / `-6` inside the rule spec. */
  family: FamilyMark;
  readonly problems: Problem[];
  /** Conditions that make the rule uncertain because part of it could not be read. */
  readonly conditions: Condition[];
}

/** Renders an option as iptables-save would (`! --dport 22`), quoting values that need it. */
export function renderOption(opt: RawOption): string {
  const parts = [opt.negated ? `! ${opt.name}` : opt.name, ...opt.values.map(quote)];
  return parts.join(' ');
}

/** Renders a match module with its options: `-m limit --limit 3/min`. */
export function renderMatch(m: RawMatch, only?: readonly RawOption[]): string {
  return [`-m ${m.module}`, ...(only ?? m.options).map(renderOption)].join(' ');
}

function quote(v: string): string {
  if (/^[A-Za-z0-9_.:,/+@%=-]+$/.test(v)) return v;
  return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
