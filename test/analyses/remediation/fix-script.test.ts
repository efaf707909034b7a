/**
 * @fileoverview --fix-script rendering: one complete script per dialect, items cited by id with their summaries,
 * manual items commented out, repeated commands once, cmd-safe comments, iptables positions ordered bottom-up.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { netshParser } from '../../../parsers/netsh/index.js';
import { fixScript, scriptDialect } from '../../../src/analyses/remediation/index.js';
import type { RemediationItem } from '../../../src/findings/remediation.js';
import { auditText } from './audit-text.js';

const FIX = 'fixtures/remediation/over-broad.netsh.txt';
const items = auditText(FIX, readFileSync(FIX, 'utf8'), netshParser).items;

test('PowerShell: preamble, one block per item that changes something, the shared narrowing command once', () => {
  const ps = fixScript(items, 'powershell');
  const lines = ps.split('\n');
  assert.equal(lines.slice(0, 2), ['#Requires -RunAsAdministrator', "$ErrorActionPreference = 'Stop'"]);
  assert.not.ok(ps.includes('fix:k2-web-http-in-tcp'), 'items needing no change are left out');
  assert.ok(lines.includes('# fix:ldap-in-tcp (requirement ldap-in-tcp, add): add an inbound allow rule for 389/tcp from any address on the domain profile'));
  const narrow = "Get-NetFirewallRule -DisplayName 'Hardening - Block 5550-5560' | Where-Object { $_.Direction -eq 'Inbound' } | Set-NetFirewallRule -LocalPort '5550-5554','5556-5559'";
  assert.is(lines.filter((l) => l === narrow).length, 1);
  assert.ok(lines.includes(`# (same command as above) ${narrow}`));
  assert.ok(lines.includes(`# fix:over-permissive:${FIX}:2 (finding over-permissive:${FIX}:2, replace): narrow rule "K2 Broad Range (TCP 1024-65535-In)" (${FIX}:2) from 1024-65535/tcp to the required 1433,5252,5555,5560,8888/tcp`));
  assert.not.ok(lines.some((l) => l.startsWith('netsh ')));
  assert.is(fixScript(items, 'powershell'), ps, 'deterministic');
});

test('netsh: a .cmd with CRLF line ends and rem comments', () => {
  const cmd = fixScript(items, 'netsh');
  assert.ok(cmd.startsWith('@echo off\r\nrem k2audit fix script (netsh)'));
  assert.not.ok(/[^\r]\n/.test(cmd));
  assert.ok(cmd.includes('\r\nnetsh advfirewall firewall set rule name="Block SMTP (TCP 25-Out)" dir=out new enable=no\r\n'));
});

const handmade: RemediationItem[] = [
  { id: 'fix:a', requirementId: 'a', action: 'add', summary: 'append 100% ^', commands: [{ dialect: 'iptables', text: 'iptables -A INPUT -p tcp --dport 1 -j ACCEPT' }, { dialect: 'netsh', text: 'netsh x' }] },
  { id: 'fix:b', requirementId: 'b', action: 'add', summary: 'b', commands: [{ dialect: 'iptables', text: 'iptables -I INPUT 2 -p tcp --dport 2 -j ACCEPT' }, { dialect: 'ip6tables', text: 'ip6tables -I INPUT 1 -p tcp --dport 2 -j ACCEPT' }] },
  { id: 'fix:c', requirementId: 'c', action: 'manual', summary: 'c\nd', commands: [{ dialect: 'iptables', text: 'iptables -I INPUT 3 -p tcp --dport 3 -j ACCEPT' }] },
  { id: 'fix:d', findingId: 'd', action: 'replace', summary: 'd', commands: [{ dialect: 'iptables', text: 'iptables -R INPUT 2 -p udp --dport 53 -j ACCEPT' }, { dialect: 'iptables', text: 'iptables -I INPUT 3 -p udp --dport 54 -j ACCEPT' }] },
  { id: 'fix:e', requirementId: 'e', action: 'none', summary: 'no change needed', commands: [] },
];

test('iptables: per chain from the last position to the first, replace before insert, manual commented, ip6tables kept apart', () => {
  const lines = fixScript(handmade, 'iptables').split('\n').filter((l) => l !== '');
  assert.equal(lines.slice(0, 2), ['#!/bin/sh', 'set -eu']);
  assert.equal(lines.slice(lines.indexOf('# Items:') + 1, lines.indexOf('# Commands:')), [
    '# fix:a (requirement a, add): append 100% ^',
    '# fix:b (requirement b, add): b',
    '# fix:c (requirement c, review first): c d',
    '# fix:d (finding d, replace): d',
  ]);
  assert.equal(lines.slice(lines.indexOf('# Commands:') + 1), [
    '# fix:b',
    'ip6tables -I INPUT 1 -p tcp --dport 2 -j ACCEPT',
    '# fix:a',
    'iptables -A INPUT -p tcp --dport 1 -j ACCEPT',
    '# fix:c',
    '# review first: iptables -I INPUT 3 -p tcp --dport 3 -j ACCEPT',
    '# fix:d',
    'iptables -I INPUT 3 -p udp --dport 54 -j ACCEPT',
    '# fix:d',
    'iptables -R INPUT 2 -p udp --dport 53 -j ACCEPT',
    '# fix:b',
    'iptables -I INPUT 2 -p tcp --dport 2 -j ACCEPT',
  ]);
});

test('cmd comments: % doubled, carets dropped, newlines flattened; items without a netsh command say so', () => {
  const cmd = fixScript(handmade, 'netsh');
  assert.ok(cmd.includes('rem fix:a (requirement a, add): append 100%% \r\nnetsh x\r\n'));
  assert.ok(cmd.includes("rem fix:b (requirement b, add): b\r\nrem (no netsh command for this item; see the other dialects)\r\n"));
});

test('nothing to change: the script says so; script dialect from the file name', () => {
  assert.match(fixScript([handmade[4] as RemediationItem], 'nft'), /# no change needed: every requirement is met/);
  assert.is(scriptDialect('fix.PS1', handmade), 'powershell');
  assert.is(scriptDialect('fix.bat', handmade), 'netsh');
  assert.is(scriptDialect('fix.sh', handmade), 'iptables');
  assert.is(scriptDialect('fix.sh', [{ id: 'x', action: 'add', summary: '', commands: [{ dialect: 'nft', text: 'nft add rule' }] }]), 'nft');
  assert.is(scriptDialect('fix.txt', handmade), undefined);
});

test.run();
