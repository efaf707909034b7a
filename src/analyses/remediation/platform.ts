/**
 * @fileoverview Which command dialect changes to a rule set are written in: RuleSet.platform, else derived
 * from the semantics (Windows precedence → Windows, first-match → iptables).
 */
import type { RuleSet } from '../../model/rule.js';

export type Platform = 'windows' | 'iptables' | 'nftables';

/** The platform whose commands change this rule set. */
export function platformOf(rs: RuleSet): Platform {
  return rs.platform ?? (rs.semantics === 'windows' ? 'windows' : 'iptables');
}
