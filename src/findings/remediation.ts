/**
 * @fileoverview Remediation items: the exact change that closes a gap or narrows an over-permissive rule,
 * rendered in the input's own command dialect.
 */

export type CommandDialect = 'netsh' | 'powershell' | 'iptables' | 'ip6tables' | 'nft';

/** One command in one dialect. */
export interface RemediationCommand {
  readonly dialect: CommandDialect;
  readonly text: string;
}

/** What to change for one requirement or finding. */
export interface RemediationItem {
  /** Stable id: `fix:<requirement id>` or `fix:<finding id>`. */
  readonly id: string;
  readonly requirementId?: string;
  readonly findingId?: string;
  /** `add` a rule, `replace` a rule by a narrower one, `none` (already satisfied), `manual` (cannot be expressed as commands). */
  readonly action: 'add' | 'replace' | 'none' | 'manual';
  /** One sentence for the report (`no change needed`, `add an inbound allow rule for 5555/tcp before filter/INPUT rule 4`). */
  readonly summary: string;
  readonly commands: readonly RemediationCommand[];
}
