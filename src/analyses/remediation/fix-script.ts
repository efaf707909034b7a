/**
 * @fileoverview `--fix-script`: the remediation items as one script in one dialect — `.ps1` (PowerShell),
 * `.cmd` (netsh, CRLF), `.sh` (iptables and ip6tables, or nft). Deterministic: no time, item order kept.
 * Every item (except "no change needed") is cited by id with its summary, which names the requirement or
 * finding and the rules' file:line. Items needing a decision (`manual`) have their commands commented out.
 * iptables commands are ordered per chain from the highest rule position to the lowest (replacements and
 * deletions before inserts at the same position), so every position still means "rule n of the export"
 * when the whole script runs; the item list at the top keeps the item order.
 */
import type { CommandDialect, RemediationCommand, RemediationItem } from '../../findings/remediation.js';

export type ScriptDialect = 'powershell' | 'netsh' | 'iptables' | 'nft';

export const SCRIPT_EXTENSIONS: Readonly<Record<ScriptDialect, string>> = { powershell: '.ps1', netsh: '.cmd', iptables: '.sh', nft: '.sh' };

const MEMBERS: Readonly<Record<ScriptDialect, readonly CommandDialect[]>> = {
  powershell: ['powershell'],
  netsh: ['netsh'],
  iptables: ['iptables', 'ip6tables'],
  nft: ['nft'],
};

/** The dialect a script file name asks for (`.ps1`, `.cmd`/`.bat`, `.sh`: iptables unless the items only speak nft). */
export function scriptDialect(file: string, items: readonly RemediationItem[]): ScriptDialect | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.ps1')) return 'powershell';
  if (lower.endsWith('.cmd') || lower.endsWith('.bat')) return 'netsh';
  if (!lower.endsWith('.sh')) return undefined;
  const dialects = new Set(items.flatMap((i) => i.commands.map((c) => c.dialect)));
  return dialects.has('nft') && !dialects.has('iptables') && !dialects.has('ip6tables') ? 'nft' : 'iptables';
}

/** Renders the items as a complete script in one dialect. */
export function fixScript(items: readonly RemediationItem[], dialect: ScriptDialect): string {
  const c = commenter(dialect);
  const relevant = items.filter((i) => i.action !== 'none');
  const lines = [...preamble(dialect), ...header(dialect).map(c)];
  if (relevant.length === 0) lines.push(c('no change needed: every requirement is met and no rule opens more than required'));
  if (dialect === 'iptables') lines.push(...chainOrdered(relevant, c));
  else lines.push(...perItem(relevant, dialect, c));
  const eol = dialect === 'netsh' ? '\r\n' : '\n';
  return lines.join(eol) + eol;
}

type Comment = (text: string) => string;

function preamble(dialect: ScriptDialect): string[] {
  switch (dialect) {
    case 'powershell':
      return ['#Requires -RunAsAdministrator', "$ErrorActionPreference = 'Stop'"];
    case 'netsh':
      return ['@echo off'];
    default:
      return ['#!/bin/sh', 'set -eu'];
  }
}

function header(dialect: ScriptDialect): string[] {
  const out = [`k2audit fix script (${dialect}): generated from the audit's remediation items. Review every command before running it.`];
  out.push('Items marked "review first" need a decision; their commands are commented out.');
  if (dialect === 'iptables') out.push('Commands run per chain from the last rule position to the first, so each position is the rule number in the audited export.');
  return out;
}

function commenter(dialect: ScriptDialect): Comment {
  if (dialect !== 'netsh') return (text) => `# ${oneLine(text)}`;
  // cmd expands %…% even in REM lines; a caret at the end would continue the line.
  return (text) => `rem ${oneLine(text).replace(/%/g, '%%').replace(/\^/g, '')}`;
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function describe(item: RemediationItem): string {
  const about = item.requirementId !== undefined ? `requirement ${item.requirementId}` : `finding ${item.findingId ?? '?'}`;
  return `${item.id} (${about}, ${item.action === 'manual' ? 'review first' : item.action}): ${item.summary}`;
}

function commandsOf(item: RemediationItem, dialect: ScriptDialect): RemediationCommand[] {
  return item.commands.filter((cmd) => MEMBERS[dialect].includes(cmd.dialect));
}

function perItem(items: readonly RemediationItem[], dialect: ScriptDialect, c: Comment): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    out.push('', c(describe(item)));
    const cmds = commandsOf(item, dialect);
    if (cmds.length === 0 && item.commands.length > 0) out.push(c(`(no ${dialect} command for this item; see the other dialects)`));
    for (const cmd of cmds) {
      if (seen.has(cmd.text)) {
        out.push(c(`(same command as above) ${cmd.text}`));
        continue;
      }
      seen.add(cmd.text);
      out.push(item.action === 'manual' ? c(`review first: ${cmd.text}`) : cmd.text);
    }
  }
  return out;
}

interface Placed {
  readonly item: RemediationItem;
  readonly text: string;
  readonly key: string;
  readonly pos: number;
  readonly rank: number;
  readonly order: number;
}

const IPT = /^(ip6?tables) (?:-t (\S+) )?-([IARD]) (\S+)(?: (\d+))?/;

function chainOrdered(items: readonly RemediationItem[], c: Comment): string[] {
  const out: string[] = ['', c('Items:'), ...items.map((i) => c(describe(i)))];
  const placed: Placed[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const cmd of commandsOf(item, 'iptables')) {
      if (seen.has(cmd.text)) continue;
      seen.add(cmd.text);
      const m = IPT.exec(cmd.text);
      const op = m?.[3] ?? 'A';
      const pos = op === 'A' || m?.[5] === undefined ? Number.POSITIVE_INFINITY : Number(m[5]);
      placed.push({ item, text: cmd.text, key: `${m?.[1] ?? ''} ${m?.[2] ?? 'filter'} ${m?.[4] ?? ''}`, pos, rank: op === 'I' ? 1 : 0, order: placed.length });
    }
  }
  placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.pos === b.pos ? 0 : a.pos > b.pos ? -1 : 1) || a.rank - b.rank || a.order - b.order);
  if (placed.length > 0) out.push('', c('Commands:'));
  for (const p of placed) out.push(c(p.item.id), p.item.action === 'manual' ? c(`review first: ${p.text}`) : p.text);
  return out;
}
