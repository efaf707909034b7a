/**
 * @fileoverview The item for an over-permissive default (Windows default inbound allow, an iptables INPUT
 * ACCEPT policy that is reached): always manual, because closing the default without first allowing every
 * required inbound port (and, on iptables, loopback and return traffic) cuts the host off. Windows gets the
 * profile command; iptables gets the order of the steps.
 */
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { RemediationCommand } from '../../findings/remediation.js';
import { defaultOpeningId } from '../over-permissive.js';
import { formatByProtocol, type RequiredPorts } from '../over-permissive/required.js';
import { PORT_PROTOCOLS } from '../over-permissive/opened.js';
import { platformOf } from './platform.js';
import { profileCommands } from './windows-commands.js';
import * as words from './wording.js';

/** The manual item when `ruleId` names this unit's inbound default; undefined otherwise. */
export function defaultItem(unit: PolicyUnit, ruleId: string, required: RequiredPorts, ctx: EvalContext): { action: 'manual'; summary: string; commands: RemediationCommand[] } | undefined {
  if (ruleId !== defaultOpeningId(unit, ctx.fwProfile)) return undefined;
  const keep = new Map(PORT_PROTOCOLS.map((p) => [p, required.get('in', p)] as const).filter(([, s]) => !s.isEmpty()));
  const windows = platformOf(unit.ruleSet) === 'windows';
  const name = windows ? `the default inbound action of the ${ctx.fwProfile} profile` : `the ${unit.ruleSet.families.join('+')} INPUT policy`;
  const outbound = unit.ruleSet.profiles?.[ctx.fwProfile]?.outbound ?? 'allow';
  return {
    action: 'manual',
    summary: words.defaultOpen(name, formatByProtocol(keep), windows),
    commands: windows ? profileCommands(ctx.fwProfile, outbound) : [],
  };
}
