/**
 * @fileoverview Content sniffing for PowerShell NetSecurity JSON: text that starts like JSON and, near its start,
 * names members only Get-NetFirewallRule / its filters / Get-NetFirewallProfile / our collection script write.
 * Case-sensitive PowerShell spellings keep nft JSON (`"nftables"`) and Graph JSON (`"trafficDirection"`) out.
 */

const SNIFF_CHARS = 64 * 1024;

/** Member names that mark each kind of object; one group matching is enough. */
const SIGNATURES: readonly (readonly string[])[] = [
  ['"k2audit"'],
  ['"DefaultInboundAction"'],
  ['"DefaultOutboundAction"'],
  ['"Direction"', '"Action"'],
  ['"Direction"', '"DisplayName"'],
  ['"InstanceID"', '"LocalPort"'],
  ['"InstanceID"', '"RemoteAddress"'],
  ['"InstanceID"', '"Program"'],
];

/** Whether the text looks like ConvertTo-Json output of firewall rules, filters or profiles. */
export function looksLikePsJson(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  const first = /\S/.exec(head);
  if (first === null || (first[0] !== '{' && first[0] !== '[')) return false;
  return SIGNATURES.some((group) => group.every((s) => head.includes(s)));
}
