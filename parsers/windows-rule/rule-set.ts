/**
 * @fileoverview Assembles the RuleSet of a registry-shaped export (.reg, Registry.pol, .wfw, GPO XML): Windows
 * semantics, both address families, the directions that have rules (a missing one is reported, like netsh's
 * NETSH_DIRECTION_MISSING), unique rule ids, and diagnostics in position order.
 */
import type { Diagnostic, LineAccounting } from '../../src/model/diagnostic.js';
import type { Direction, FirewallProfile, ProfileSettings, Rule, RuleSet } from '../../src/model/rule.js';
import { compareRefs } from '../../src/model/source-ref.js';

const DIRECTION_WORD: Readonly<Record<Direction, string>> = { in: 'inbound', out: 'outbound' };

/** The parts a format parser has collected. */
export interface RuleSetParts {
  readonly file: string;
  /** Diagnostic code prefix of the format (`REG`, `POL`, `WFW`, `GPOXML`). */
  readonly prefix: string;
  readonly rules: readonly Rule[];
  readonly profiles: Partial<Record<FirewallProfile, ProfileSettings>> | undefined;
  readonly diagnostics: Diagnostic[];
  readonly accounting: LineAccounting;
  /** What to tell the user when the export states no profile settings. */
  readonly noProfilesAdvice: string;
}

/** Builds the RuleSet and adds the file-level diagnostics (missing direction, no profile settings). */
export function assembleRuleSet(parts: RuleSetParts): RuleSet {
  const { file, prefix, rules, diagnostics } = parts;
  const present = (['in', 'out'] as const).filter((d) => rules.some((r) => r.direction === d));
  if (rules.length > 0) {
    for (const d of ['in', 'out'] as const) {
      if (present.includes(d)) continue;
      diagnostics.push({
        severity: 'warning',
        code: `${prefix}_DIRECTION_MISSING`,
        message: `no ${DIRECTION_WORD[d]} rules in the export; ${DIRECTION_WORD[d]} traffic is not covered`,
        ref: { file },
      });
    }
  }
  if (rules.length === 0) {
    diagnostics.push({ severity: 'info', code: `${prefix}_NO_RULES`, message: 'the export holds no firewall rules (profile settings only)', ref: { file } });
  }
  if (parts.profiles === undefined) {
    diagnostics.push({ severity: 'info', code: `${prefix}_NO_PROFILE_SETTINGS`, message: parts.noProfilesAdvice, ref: { file } });
  }
  return {
    semantics: 'windows',
    rules,
    families: ['ipv4', 'ipv6'],
    directions: present,
    ...(parts.profiles === undefined ? {} : { profiles: parts.profiles }),
    diagnostics: [...diagnostics].sort((a, b) => compareRefs(a.ref, b.ref)),
    accounting: parts.accounting,
  };
}

/** Hands out rule ids unique within one RuleSet: the value name, else `gpo:<name>`, else `<name>#2`, …. */
export class RuleIds {
  private readonly used = new Set<string>();

  take(id: string, store: 'local' | 'gpo'): string {
    if (!this.used.has(id)) {
      this.used.add(id);
      return id;
    }
    const prefixed = `${store}:${id}`;
    if (!this.used.has(prefixed)) {
      this.used.add(prefixed);
      return prefixed;
    }
    let n = 2;
    while (this.used.has(`${id}#${n}`)) n++;
    this.used.add(`${id}#${n}`);
    return `${id}#${n}`;
  }
}
