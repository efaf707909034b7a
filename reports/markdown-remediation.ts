/**
 * @fileoverview Markdown report: the remediation section. A table of the items that need a change, then the commands
 * per dialect in fenced blocks (input-derived text can only appear inside the code blocks and escaped table cells).
 */
import type { CommandDialect, RemediationItem } from '../src/findings/remediation.js';
import type { AuditResult } from '../src/findings/result.js';
import { mdTable } from './markdown-escape.js';

const FENCE: Readonly<Record<CommandDialect, string>> = { netsh: 'bat', powershell: 'powershell', iptables: 'sh', ip6tables: 'sh', nft: 'sh' };

/** `No change needed` when every item is `none`; else the table and one fenced block per dialect. */
export function remediationSection(result: AuditResult): string {
  const items = result.remediation.filter((i) => i.action !== 'none');
  const unchanged = result.remediation.length - items.length;
  if (items.length === 0) return 'No change needed: every requirement is met and no rule opens more than required.';
  const blocks = [
    mdTable(['Item', 'Action', 'What to do'], items.map((i) => [i.id, i.action === 'manual' ? 'manual (review first)' : i.action, i.summary])),
    `${unchanged} requirement${unchanged === 1 ? '' : 's'} need no change.`,
  ];
  const dialects = [...new Set(items.flatMap((i) => i.commands.map((c) => c.dialect)))].sort();
  for (const d of dialects) blocks.push(`**${d}**\n\n${fenced(items, d)}`);
  return blocks.join('\n\n');
}

/** The longest run of backticks in the lines, at least `min` (a loop: spreading 100k+ lines into Math.max overflows the stack). */
function longestBacktickRun(lines: readonly string[], min: number): number {
  let longest = min;
  for (const line of lines) {
    if (!line.includes('`')) continue;
    for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  }
  return longest;
}

function fenced(items: readonly RemediationItem[], dialect: CommandDialect): string {
  const lines: string[] = [];
  for (const i of items) {
    const cmds = i.commands.filter((c) => c.dialect === dialect);
    if (cmds.length === 0) continue;
    const comment = dialect === 'netsh' ? 'REM' : '#';
    lines.push(`${comment} ${i.id}${i.action === 'manual' ? ' (review first)' : ''}`);
    for (const c of cmds) lines.push(i.action === 'manual' ? `${comment} ${c.text}` : c.text);
  }
  // A fence longer than any backtick run inside keeps input-derived text from closing it.
  const fence = '`'.repeat(longestBacktickRun(lines, 2) + 1);
  return `${fence}${FENCE[dialect]}\n${lines.join('\n')}\n${fence}`;
}
