/**
 * @fileoverview The narrower replacement of an over-permissive rule, keeping only the required ports inside its
 * range (RequiredPorts.keep, the same computation as the finding's `keep`).
 * Windows: a single-protocol rule is narrowed in place (`set rule … new localport=` / `Set-NetFirewallRule`),
 * keeping its program, addresses and profiles; nothing to keep → disabled. A rule that matches every protocol or
 * symbolic ports is disabled and re-created per protocol, unless it has conditions or address keywords that
 * cannot be re-created exactly (then manual). iptables: the rule at its position is replaced (`-R`), extra
 * port groups inserted after it, or deleted (`-D`) when nothing is kept; only matches the model can write back
 * (protocol, addresses, interfaces, ports, states) — anything else is manual. nft: manual (needs handles).
 */
import { TRANSPORT_NUMBER, type TransportProtocol } from '../../model/protocol.js';
import { formatPorts, type PortSet } from '../../model/port-set.js';
import type { Rule } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { RemediationCommand } from '../../findings/remediation.js';
import { formatByProtocol, type RequiredPorts } from '../over-permissive/required.js';
import { iptablesReplace } from './chain-replace.js';
import { platformOf } from './platform.js';
import { sameNameCount } from './simulate.js';
import { addRuleCommands, disableCommands, setPortsCommands } from './windows-commands.js';
import * as words from './wording.js';

export interface ReplacePlan {
  readonly action: 'replace' | 'manual';
  readonly summary: string;
  readonly commands: RemediationCommand[];
}

const TRANSPORTS: readonly TransportProtocol[] = ['tcp', 'udp'];

/** Plans the replacement of one over-permissive rule of a unit. */
export function planReplace(unit: PolicyUnit, rule: Rule, required: RequiredPorts, ctx: EvalContext): ReplacePlan {
  const keep = required.keep(rule, ctx.settings);
  const keepText = formatByProtocol(keep);
  const platform = platformOf(unit.ruleSet);
  if (platform === 'iptables') return iptablesReplace(unit, rule, keep, keepText);
  if (platform === 'nftables') return { action: 'manual', summary: words.replaceManual(rule, keepText, 'is in an nftables ruleset, where a rule is replaced by its handle'), commands: [] };
  const svc = rule.direction === 'in' ? rule.localPorts : rule.remotePorts;
  const proto = singleTransport(rule);
  if (proto !== undefined && svc.keywords.length === 0) {
    const kept = keep.get(TRANSPORT_NUMBER[proto]);
    const before = words.ruleRange(rule);
    const notes = words.ruleNotes(rule, sameNameCount(unit.ruleSet, rule));
    if (kept === undefined) return { action: 'replace', summary: words.replaceDisable(rule, before) + notes, commands: disableCommands(rule) };
    return { action: 'replace', summary: words.replaceNarrow(rule, before, keepText) + notes, commands: setPortsCommands(rule, kept) };
  }
  return recreate(rule, keep, keepText);
}

function singleTransport(rule: Rule): TransportProtocol | undefined {
  if (rule.protocols.count !== 1 || rule.protocols.first() !== rule.protocols.last()) return undefined;
  return TRANSPORTS.find((t) => TRANSPORT_NUMBER[t] === rule.protocols.first());
}

/** Disable + one new rule per protocol with kept ports, when the rule's scope can be re-created exactly. */
function recreate(rule: Rule, keep: ReadonlyMap<number, PortSet>, keepText: string): ReplacePlan {
  const disable = disableCommands(rule);
  const remote = rule.remoteAddresses;
  if (rule.conditions.length > 0 || remote.symbols.length > 0 || remote.negated || !rule.localAddresses.set.isAny() || rule.localAddresses.symbols.length > 0) {
    return { action: 'manual', summary: words.replaceManual(rule, keepText, 'matches every protocol or symbolic ports and has conditions k2audit cannot re-create'), commands: disable };
  }
  const adds = TRANSPORTS.flatMap((t) => {
    const kept = keep.get(TRANSPORT_NUMBER[t]);
    if (kept === undefined) return [];
    const name = `k2audit: ${rule.name} (${formatPorts(kept)}/${t.toUpperCase()}-${rule.direction === 'in' ? 'In' : 'Out'})`;
    return addRuleCommands({ name, direction: rule.direction, protocol: t, ports: kept, profiles: rule.profiles, remote: remote.set.isAny() ? undefined : remote.set });
  });
  return { action: 'replace', summary: words.replaceRecreate(rule, keepText), commands: [...disable, ...adds] };
}
