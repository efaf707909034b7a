/**
 * @fileoverview What each allow rule really opens in one policy unit and direction: the TCP/UDP ports where the
 * rule takes part in allowing new connections that the unit's defaults alone (every allow rule removed) would not
 * allow. So a rule shadowed by an earlier DROP, cut by a Windows block rule, outside the audited profile, in an
 * unreachable chain, ESTABLISHED-only or loopback-only opens nothing, and where the default of the direction
 * accepts (Windows outbound allow, iptables OUTPUT ACCEPT without a final DROP) allow rules add nothing.
 * Inbound ports the defaults alone accept (Windows default inbound allow, an INPUT ACCEPT policy that is reached)
 * are reported as opened by the default itself.
 *
 * Computed by the fast paths (opened-windows.ts, opened-chains.ts: one pass with an occlusion tree) where they
 * apply, else by sweeping every port segment through the engine (opened-sweep.ts), which gives the same answers.
 */
import type { Direction } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import { chainOpening } from './opened-chains.js';
import { openingBySweep } from './opened-sweep.js';
import { windowsOpening } from './opened-windows.js';
import type { UnitOpening } from './opened-types.js';

export { PORT_PROTOCOLS, type DefaultOpening, type OpenedPorts, type RuleOpening, type UnitOpening } from './opened-types.js';

/** Computes what every allow rule (and, inbound, the default) opens in one direction of a unit. */
export function openingOf(unit: PolicyUnit, direction: Direction, ctx: EvalContext): UnitOpening {
  const fast = unit.ruleSet.semantics === 'windows' ? windowsOpening(unit, direction, ctx) : chainOpening(unit, direction, ctx);
  return fast ?? openingBySweep(unit, direction, ctx);
}
