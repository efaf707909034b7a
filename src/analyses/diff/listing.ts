/**
 * @fileoverview Normalized rule listings of each side and their unified diff (the `diff` package). Windows
 * listings are sorted (order does not matter there) and start with the effective profile settings; first-match
 * listings keep chain order under `chain … policy …` lines. No file:line appears, so a reordered or reformatted
 * export lists identically.
 */
import { createTwoFilesPatch } from 'diff';
import type { PolicyUnit } from '../../engine/units.js';
import { FIREWALL_PROFILES, type Rule, type RuleSet } from '../../model/rule.js';
import { MAX_EDITS } from './align.js';
import { chainPolicy, effectiveProfile } from './policy-changes.js';
import { ruleText } from './rule-fields.js';

/** The normalized listing of one side's units, one line per setting, chain and rule. */
export function normalizedListing(units: readonly PolicyUnit[]): string {
  const lines: string[] = [];
  for (const u of units) lines.push(...(u.ruleSet.semantics === 'windows' ? windowsListing(u.ruleSet) : chainListing(u.ruleSet)));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Unified diff of the two listings labelled with the input paths; '' when the listings are equal. Beyond MAX_EDITS
 * changed lines the minimal diff is not searched for: the patch then replaces the whole listing (still valid).
 */
export function unifiedListingDiff(beforeLabel: string, before: string, afterLabel: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(beforeLabel, afterLabel, before, after, undefined, undefined, { context: 3, maxEditLength: MAX_EDITS });
  return patch ?? wholeReplacement(beforeLabel, before, afterLabel, after);
}

function wholeReplacement(beforeLabel: string, before: string, afterLabel: string, after: string): string {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  const range = (n: number) => `${n === 0 ? 0 : 1},${n}`;
  return [
    `more than ${MAX_EDITS} lines differ: the whole listing is replaced`,
    '===================================================================',
    `--- ${beforeLabel}`,
    `+++ ${afterLabel}`,
    `@@ -${range(a.length)} +${range(b.length)} @@`,
    ...a.map((l) => `-${l}`),
    ...b.map((l) => `+${l}`),
    '',
  ].join('\n');
}

function windowsListing(rs: RuleSet): string[] {
  const lines = ['semantics: windows'];
  for (const p of FIREWALL_PROFILES) {
    const s = effectiveProfile(rs, p);
    lines.push(`profile ${p}: firewall ${s.firewall}, inbound ${s.inbound}, outbound ${s.outbound}, local rules ${s['local rules']}`);
  }
  const rules = rs.rules.map(ruleText).sort();
  return [...lines, ...rules];
}

function chainListing(rs: RuleSet): string[] {
  const lines = [`semantics: first-match (${rs.families.join(', ')})`];
  const byId = new Map(rs.rules.map((r) => [r.id, r]));
  const placed = new Set<string>();
  for (const c of rs.chains ?? []) {
    lines.push(`chain ${c.key}${c.builtin ? ` policy ${chainPolicy(c)}` : ''}`);
    for (const id of c.ruleIds) {
      const r = byId.get(id);
      if (r === undefined) continue;
      placed.add(id);
      lines.push(`  ${ruleText(r)}`);
    }
  }
  const loose: Rule[] = rs.rules.filter((r) => !placed.has(r.id));
  if (loose.length > 0) lines.push('rules outside chains', ...loose.map((r) => `  ${ruleText(r)}`));
  return lines;
}
