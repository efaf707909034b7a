/**
 * @fileoverview Lossy artifacts people hand over instead of an export, each with a specific signature and the exact
 * command to run instead: GPO HTML reports, PowerShell Format-List / Format-Table console text, `iptables -L`
 * listings, and Export-Clixml (not supported yet). Signatures are narrow so real exports are never claimed.
 */
import { COLLECT_ADVICE, GPO_XML_COMMAND, IPTABLES_SAVE_COMMAND } from '../ps-json/advice.js';

/** One recognizer: a stable code, a signature test on the head of the text, and the one-line refusal. */
export interface Recognizer {
  readonly code: string;
  readonly what: string;
  matches(head: string, lines: readonly string[]): boolean;
  readonly message: string;
}

/** Properties Get-NetFirewallRule and its filters print; Format-List/Table text must show some of them. */
const PS_PROPERTIES: ReadonlySet<string> = new Set([
  'name', 'displayname', 'description', 'displaygroup', 'group', 'enabled', 'profile', 'platform', 'direction', 'action',
  'edgetraversalpolicy', 'loosesourcemapping', 'localonlymapping', 'owner', 'primarystatus', 'status', 'enforcementstatus',
  'policystoresource', 'policystoresourcetype', 'protocol', 'localport', 'remoteport', 'icmptype', 'localaddress',
  'remoteaddress', 'program', 'service', 'instanceid',
]);

/**
 * `Key : value` lines (Format-List): at least three, with two distinct firewall property names, and no dashes
 * separator line (netsh prints one under each rule name; a French netsh dump also writes `Action :`).
 */
function isFormatList(lines: readonly string[]): boolean {
  if (lines.some((l) => /^-{3,}\s*$/.test(l))) return false;
  const keys = new Set<string>();
  let hits = 0;
  for (const line of lines) {
    const m = /^([A-Za-z][A-Za-z0-9]*) +: /.exec(line);
    if (m === null || !PS_PROPERTIES.has((m[1] as string).toLowerCase())) continue;
    hits++;
    keys.add((m[1] as string).toLowerCase());
  }
  return hits >= 3 && keys.size >= 2;
}

/** A header row of property names directly above a row of dash groups aligned with it (Format-Table). */
function isFormatTable(lines: readonly string[]): boolean {
  for (let i = 1; i < lines.length; i++) {
    const dashes = (lines[i] ?? '').trimEnd();
    if (!/^-+( +-+)*$/.test(dashes)) continue;
    const header = lines[i - 1] ?? '';
    const groups = [...dashes.matchAll(/-+/g)];
    const aligned = groups.every((g) => /\S/.test(header.charAt(g.index ?? 0)) && (g.index === 0 || header.charAt((g.index ?? 1) - 1) === ' '));
    const names = header.trim().split(/\s+/);
    if (aligned && names.length === groups.length && names.some((n) => PS_PROPERTIES.has(n.toLowerCase()))) return true;
  }
  return false;
}

const PS_TEXT_ADVICE = `it is console display text (truncated, usually without ports), not data; ${COLLECT_ADVICE}`;

/** The recognizers, most specific first. */
export const RECOGNIZERS: readonly Recognizer[] = [
  {
    code: 'REJECTED_GPO_HTML',
    what: 'GPO HTML report',
    matches: (head) => /^\s*(<!DOCTYPE html[^>]*>\s*)?<html[\s>]/i.test(head) && /gpmc_|Group Policy Management|Windows (Defender )?Firewall/i.test(head),
    message: `GPO HTML reports hold display text only and cannot be audited; export XML instead: ${GPO_XML_COMMAND} (or gpresult /x rsop.xml)`,
  },
  {
    code: 'REJECTED_CLIXML',
    what: 'PowerShell Export-Clixml',
    matches: (head) => /^\s*(<\?xml[^>]*>\s*)?<Objs\s[^>]*schemas\.microsoft\.com\/powershell\/2004\/04/.test(head),
    message: `Export-Clixml files are not supported yet; ${COLLECT_ADVICE}`,
  },
  {
    code: 'REJECTED_IPTABLES_LIST',
    what: 'iptables -L listing',
    matches: (_head, lines) =>
      lines.some((l) => /^Chain \S+ \((policy [A-Z]+|\d+ references)/.test(l)) &&
      lines.some((l) => /^(\s*pkts\s+bytes\s+)?target\s+prot\s+opt\s+(in\s+out\s+)?source\s+destination/.test(l)),
    message: `iptables -L output is a display listing (it drops interfaces and match details); send a dump instead: ${IPTABLES_SAVE_COMMAND}`,
  },
  {
    code: 'REJECTED_FORMAT_LIST',
    what: 'PowerShell Format-List text',
    matches: (_head, lines) => isFormatList(lines),
    message: `PowerShell Format-List output cannot be audited: ${PS_TEXT_ADVICE}`,
  },
  {
    code: 'REJECTED_FORMAT_TABLE',
    what: 'PowerShell Format-Table text',
    matches: (_head, lines) => isFormatTable(lines),
    message: `PowerShell Format-Table output cannot be audited: ${PS_TEXT_ADVICE}`,
  },
];
