/**
 * @fileoverview Firewall state: a Windows profile whose firewall is OFF opens every port.
 * Critical for the audited profile, medium for the others (the host may move networks).
 */
import { FIREWALL_PROFILES, type FirewallProfile } from '../model/rule.js';
import type { Finding } from '../findings/finding.js';
import type { PolicyUnit } from '../engine/units.js';

/** One finding per profile whose firewall is stated OFF. */
export function firewallOffFindings(units: readonly PolicyUnit[], audited: FirewallProfile): Finding[] {
  const out: Finding[] = [];
  for (const unit of units) {
    for (const p of FIREWALL_PROFILES) {
      const s = unit.ruleSet.profiles?.[p];
      if (s?.enabled !== false) continue;
      out.push({
        id: `firewall-off:${p}`,
        code: 'FIREWALL_OFF',
        severity: p === audited ? 'critical' : 'medium',
        args: { profile: p },
        refs: s.source === undefined ? [] : [s.source],
      });
    }
  }
  return out;
}
