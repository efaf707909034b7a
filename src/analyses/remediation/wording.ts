/**
 * @fileoverview The words of remediation summaries (one sentence per item, built from steps). Kept apart from
 * the planners so that they only compute, and from findings/messages.ts because items are not findings.
 */
import { formatAddressSet } from '../../model/ip.js';
import { formatPorts, type PortSet } from '../../model/port-set.js';
import { formatProtocols } from '../../model/protocol.js';
import type { Direction, FirewallProfile, Rule } from '../../model/rule.js';
import { formatRef } from '../../model/source-ref.js';
import type { AddressSet } from '../../model/address-set.js';
import type { RequirementResult } from '../../findings/result.js';
import { cmdQuote } from './windows-commands.js';

export const NO_CHANGE = 'no change needed';
export const WAIVED = 'waived: no change proposed';

const DIR: Readonly<Record<Direction, string>> = { in: 'inbound', out: 'outbound' };

/** `"Name" (file:line)`. */
export function ruleLabel(rule: Rule): string {
  return `"${rule.name}" (${formatRef(rule.source)})`;
}

/** What a rule's own match covers: `1024-65535/tcp`, `any/any`. */
export function ruleRange(rule: Rule): string {
  const svc = rule.direction === 'in' ? rule.localPorts : rule.remotePorts;
  const portText = [svc.set.isEmpty() ? '' : formatPorts(svc.set), ...svc.keywords].filter((t) => t !== '').join(',');
  return `${portText === '' ? 'none' : portText}/${formatProtocols(rule.protocols)}`;
}

/** For a partial gap: the part already allowed, and why a new rule is added instead of widening one. */
export function partialScope(allowedFrom: AddressSet | undefined): string {
  const from = allowedFrom === undefined || allowedFrom.isEmpty() ? 'nowhere' : formatAddressSet(allowedFrom);
  return `allowed only from ${from}: a new rule for the whole required scope is added (existing rules keep their scope; the narrower one becomes redundant)`;
}

export function flowText(ports: PortSet, protocol: string): string {
  return `${formatPorts(ports)}/${protocol}`;
}

export function addAllow(direction: Direction, ports: PortSet, protocol: string, remote: AddressSet, profile?: FirewallProfile): string {
  const scope = remote.isAny() ? 'any address' : formatAddressSet(remote);
  const where = profile === undefined ? '' : ` on the ${profile} profile`;
  return `add an ${DIR[direction]} allow rule for ${flowText(ports, protocol)} ${direction === 'in' ? 'from' : 'to'} ${scope}${where}`;
}

export function narrowBlock(rule: Rule, cut: PortSet, rest: PortSet, protocol: string): string {
  return `block rule ${ruleLabel(rule)} cuts ${flowText(cut, protocol)} and block beats allow on Windows, so an allow rule alone cannot help: narrow it to ${flowText(rest, protocol)}`;
}

export function disableBlock(rule: Rule, cut: PortSet, protocol: string): string {
  return `block rule ${ruleLabel(rule)} cuts ${flowText(cut, protocol)} and block beats allow on Windows, and it blocks nothing else: disable it`;
}

export function cannotNarrow(rule: Rule): string {
  return `block rule ${ruleLabel(rule)} cuts the flow but matches every protocol or symbolic ports, so it cannot be narrowed by port: split it into rules that leave the required ports out`;
}

export function blockAlways(profile: FirewallProfile): string {
  return `the ${profile} profile blocks all inbound connections (BlockInboundAlways), which ignores every allow rule: set it to block inbound by default and let allow rules apply`;
}

export function ruleNotes(rule: Rule, sameName: number): string {
  const notes: string[] = [];
  if (rule.store === 'gpo') notes.push('it comes from Group Policy: make the change in the GPO, a local change is overwritten');
  if (sameName > 0) notes.push(`${sameName} other rule(s) share its name and direction and are changed too`);
  if (cmdQuote(rule.name) === undefined) notes.push('cmd cannot quote its name safely: use the PowerShell command');
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

export function insertChain(chainKey: string, k: number, n: number, flow: string, decider: Rule | undefined): string {
  if (k > n || decider === undefined) return `append an ACCEPT for ${flow} to ${chainKey}: only its policy blocks it`;
  return `insert an ACCEPT for ${flow} at ${chainKey} position ${k}, before ${ruleLabel(decider)}, the first rule that decides the flow against it`;
}

export function nftPlacement(chainKey: string, k: number, flow: string, decider: Rule | undefined, rule: string): string {
  const before = decider === undefined ? `position ${k}` : ruleLabel(decider);
  return `insert an accept for ${flow} into ${chainKey} before ${before}; nft needs that rule's handle (nft -a list ruleset): nft insert rule … position <handle> ${rule}`;
}

export function conditional(result: RequirementResult): string {
  const conds = result.conditionalBy.map((c) => `${c.name} (${(c.reasons ?? []).join('; ')})`).join('; ');
  return `allowed only if conditions hold that the export cannot show: ${conds === '' ? 'uncertain matches' : conds}; verify them on the host, or apply the unconditional change below to remove the doubt`;
}

export function unknown(reason: string): string {
  return `cannot be fixed from this export: ${reason}`;
}

export function unresolved(result: RequirementResult): string {
  return `no automatic fix found: after the proposed changes the flow is still ${result.status} (missing ${formatPorts(result.missing)}); review the rules cited in the gap finding`;
}

export function replaceNarrow(rule: Rule, before: string, keep: string): string {
  return `narrow rule ${ruleLabel(rule)} from ${before} to the required ${keep}`;
}

export function replaceDisable(rule: Rule, before: string): string {
  return `disable rule ${ruleLabel(rule)}: none of ${before} is required`;
}

export function replaceRecreate(rule: Rule, keep: string): string {
  return keep === ''
    ? `disable rule ${ruleLabel(rule)}: none of what it opens is required`
    : `disable rule ${ruleLabel(rule)} and add rules for only the required ${keep}`;
}

export function replaceDelete(rule: Rule): string {
  return `delete rule ${ruleLabel(rule)}: none of what it opens is required`;
}

export function replaceManual(rule: Rule, keep: string, why: string): string {
  const target = keep === '' ? 'remove it' : `recreate it for only the required ${keep}`;
  return `rule ${ruleLabel(rule)} ${why}: ${target} by hand, keeping its other conditions`;
}

export function defaultOpen(name: string, keep: string, windows: boolean): string {
  const first = keep === '' ? 'no inbound port is required' : `first add allow rules for the required inbound ${keep}`;
  const then = windows ? 'then set the default inbound action to block (commands below)' : 'then accept loopback and ESTABLISHED,RELATED traffic and set the INPUT policy to DROP';
  return `${name} accepts every inbound connection no rule drops: ${first}, ${then}`;
}

export function ruleMissing(ruleId: string): string {
  return `rule ${ruleId} is not in the audited rule sets`;
}
