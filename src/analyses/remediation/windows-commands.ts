/**
 * @fileoverview Windows Firewall commands in both dialects: `netsh advfirewall …` (cmd) and the NetSecurity
 * cmdlets (PowerShell). Names are quoted for each shell: cmd gets `"…"` and refuses names it cannot carry
 * safely (`"`, `%`, `!`, control characters; the PowerShell command is then the only one), PowerShell gets
 * single quotes with every single-quote character doubled, and `-DisplayName` filters escape wildcards.
 */
import type { AddressSet } from '../../model/address-set.js';
import { formatPorts, type PortSet } from '../../model/port-set.js';
import type { Direction, FirewallProfile, Rule } from '../../model/rule.js';
import type { RemediationCommand } from '../../findings/remediation.js';
import { windowsTokens } from './address-text.js';

/** Characters cmd cannot carry inside a quoted argument without changing the command. */
const CMD_UNSAFE = /["%!\u0000-\u001f\u007f]/;

/** `"name"` for cmd, or undefined when the name cannot be quoted safely. */
export function cmdQuote(s: string): string | undefined {
  return CMD_UNSAFE.test(s) ? undefined : `"${s}"`;
}

/** `'name'` for PowerShell: every single-quote character (ASCII and typographic) doubled. */
export function psQuote(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** A literal for a wildcard-accepting parameter (`-DisplayName` filters): `` ` `` escapes `*?[]` and itself. */
export function psLiteralPattern(s: string): string {
  return psQuote(s.replace(/[`*?[\]]/g, (c) => `\`${c}`));
}

/** A new rule name that both shells carry: characters cmd cannot quote become `_`. */
export function safeRuleName(s: string): string {
  return s.replace(new RegExp(CMD_UNSAFE.source, 'g'), '_');
}

const PS_DIRECTION: Readonly<Record<Direction, string>> = { in: 'Inbound', out: 'Outbound' };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What a new allow rule says. `remote` undefined = any. */
export interface NewRule {
  readonly name: string;
  readonly direction: Direction;
  readonly protocol: 'tcp' | 'udp';
  readonly ports: PortSet;
  readonly profiles: readonly FirewallProfile[];
  readonly remote: AddressSet | undefined;
}

/** `netsh advfirewall firewall add rule …` and `New-NetFirewallRule …` for one allow rule. */
export function addRuleCommands(r: NewRule): RemediationCommand[] {
  const name = safeRuleName(r.name);
  const portKey = r.direction === 'in' ? 'localport' : 'remoteport';
  const psPortKey = r.direction === 'in' ? '-LocalPort' : '-RemotePort';
  const tokens = r.remote === undefined ? undefined : windowsTokens(r.remote);
  const netshRemote = tokens === undefined ? 'any' : tokens.join(',');
  const psRemote = tokens === undefined ? 'Any' : tokens.map(psQuote).join(',');
  const profiles = r.profiles.join(',');
  const psProfiles = r.profiles.map(cap).join(',');
  return [
    {
      dialect: 'netsh',
      text: `netsh advfirewall firewall add rule name="${name}" dir=${r.direction} action=allow protocol=${r.protocol.toUpperCase()} ${portKey}=${formatPorts(r.ports)} profile=${profiles} remoteip=${netshRemote}`,
    },
    {
      dialect: 'powershell',
      text: `New-NetFirewallRule -DisplayName ${psQuote(name)} -Direction ${PS_DIRECTION[r.direction]} -Action Allow -Protocol ${r.protocol.toUpperCase()} ${psPortKey} ${psPorts(r.ports)} -Profile ${psProfiles} -RemoteAddress ${psRemote}`,
    },
  ];
}

/** Commands that set an existing rule's service ports (local inbound, remote outbound). */
export function setPortsCommands(rule: Rule, set: PortSet): RemediationCommand[] {
  const key = rule.direction === 'in' ? 'localport' : 'remoteport';
  const psKey = rule.direction === 'in' ? '-LocalPort' : '-RemotePort';
  return editCommands(rule, `new ${key}=${formatPorts(set)}`, `Set-NetFirewallRule ${psKey} ${psPorts(set)}`);
}

/** Commands that disable an existing rule (reversible, and the way to switch off predefined rules). */
export function disableCommands(rule: Rule): RemediationCommand[] {
  return editCommands(rule, 'new enable=no', 'Disable-NetFirewallRule');
}

function editCommands(rule: Rule, netshTail: string, psTail: string): RemediationCommand[] {
  const out: RemediationCommand[] = [];
  const quoted = cmdQuote(rule.name);
  if (quoted !== undefined) out.push({ dialect: 'netsh', text: `netsh advfirewall firewall set rule name=${quoted} dir=${rule.direction} ${netshTail}` });
  out.push({ dialect: 'powershell', text: `${psSelect(rule)} | ${psTail}` });
  return out;
}

/** The pipeline head selecting exactly the rules with this display name and direction. */
function psSelect(rule: Rule): string {
  return `Get-NetFirewallRule -DisplayName ${psLiteralPattern(rule.name)} | Where-Object { $_.Direction -eq '${PS_DIRECTION[rule.direction]}' }`;
}

/** Profile default change: inbound block (rules apply again), outbound as it is. */
export function profileCommands(profile: FirewallProfile, outbound: 'allow' | 'block'): RemediationCommand[] {
  return [
    { dialect: 'netsh', text: `netsh advfirewall set ${profile}profile firewallpolicy blockinbound,${outbound}outbound` },
    { dialect: 'powershell', text: `Set-NetFirewallProfile -Profile ${cap(profile)} -DefaultInboundAction Block -AllowInboundRules True` },
  ];
}

/** `5555`, `'1000-2000'`, `80,'1000-2000'` (ranges quoted so PowerShell reads them as strings). */
function psPorts(set: PortSet): string {
  return set
    .intervals()
    .map(([lo, hi]) => (lo === hi ? String(lo) : `'${lo}-${hi}'`))
    .join(',');
}
