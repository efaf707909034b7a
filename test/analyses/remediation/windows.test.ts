/**
 * @fileoverview Windows remediation on built rule sets: profile changes, block rules, conditional and unknown
 * gaps, outbound and scoped rules, replacement of over-permissive rules, and safe quoting of names.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cmdQuote, psLiteralPattern, psQuote, safeRuleName } from '../../../src/analyses/remediation/windows-commands.js';
import { req, rule, windowsSet } from '../../helpers/build.js';
import { commandLines, itemsFor } from './build-items.js';

const host = req('host', 'in', 'tcp', '5555');

test('an allowed requirement: action none, "no change needed", no commands', () => {
  const [item] = itemsFor(windowsSet([rule({ line: 3, proto: 'tcp', local: '5555' })]), [host]);
  assert.equal(item, { id: 'fix:host', requirementId: 'host', action: 'none', summary: 'no change needed', commands: [] });
});

test('BlockInboundAlways: the profile change comes first; an existing allow rule then suffices', () => {
  const profiles = { domain: { enabled: true, inbound: 'block-always' as const, outbound: 'block' as const } };
  const withAllow = itemsFor(windowsSet([rule({ line: 3, proto: 'tcp', local: '5555' })], profiles), [host]);
  assert.is(withAllow[0]?.action, 'add');
  assert.equal(commandLines(withAllow[0]), [
    'netsh: netsh advfirewall set domainprofile firewallpolicy blockinbound,blockoutbound',
    'powershell: Set-NetFirewallProfile -Profile Domain -DefaultInboundAction Block -AllowInboundRules True',
  ]);
  assert.match(withAllow[0]?.summary ?? '', /BlockInboundAlways/);
  const without = itemsFor(windowsSet([], profiles), [host]);
  assert.equal(commandLines(without[0]).length, 4);
  assert.match(commandLines(without[0])[2] ?? '', /add rule name="k2audit: host \(5555\/TCP-In\)" dir=in action=allow protocol=TCP localport=5555 profile=domain remoteip=any$/);
});

test('a block rule that also blocks other ports is narrowed; the allow rule it hid then suffices', () => {
  const rs = windowsSet([rule({ line: 3, proto: 'tcp', local: '5555' }), rule({ line: 4, proto: 'tcp', local: '5000-6000', action: 'block', name: 'Block range' })]);
  const [item] = itemsFor(rs, [host]);
  assert.equal(commandLines(item), [
    'netsh: netsh advfirewall firewall set rule name="Block range" dir=in new localport=5000-5554,5556-6000',
    "powershell: Get-NetFirewallRule -DisplayName 'Block range' | Where-Object { $_.Direction -eq 'Inbound' } | Set-NetFirewallRule -LocalPort '5000-5554','5556-6000'",
  ]);
  assert.is(item?.summary, 'block rule "Block range" (f:4) cuts 5555/tcp and block beats allow on Windows, so an allow rule alone cannot help: narrow it to 5000-5554,5556-6000/tcp');
});

test('a block rule over every protocol cannot be narrowed by port: manual', () => {
  const [item] = itemsFor(windowsSet([rule({ line: 4, action: 'block', remote: '10.0.0.0/8' })]), [host]);
  assert.is(item?.action, 'manual');
  assert.match(item?.summary ?? '', /matches every protocol or symbolic ports, so it cannot be narrowed by port/);
});

test('GPO rules and shared names are called out in the summary', () => {
  const rs = windowsSet([
    rule({ line: 4, proto: 'tcp', local: '5555', action: 'block', name: 'B', store: 'gpo' }),
    rule({ line: 5, proto: 'udp', local: '53', action: 'block', name: 'B' }),
  ]);
  const [item] = itemsFor(rs, [host]);
  assert.match(item?.summary ?? '', /disable it \(it comes from Group Policy: make the change in the GPO, a local change is overwritten; 1 other rule\(s\) share its name and direction and are changed too\)/);
});

test('a conditional gap (program-scoped allow): manual, says what to verify, and offers the unconditional rule', () => {
  const [item] = itemsFor(windowsSet([rule({ line: 3, proto: 'tcp', local: '5555', conditions: ['program C:\\k2\\host.exe'], name: 'K2 app' })]), [host]);
  assert.is(item?.action, 'manual');
  assert.match(item?.summary ?? '', /^allowed only if conditions hold that the export cannot show: K2 app \(program C:\\k2\\host\.exe\); verify them on the host/);
  assert.equal(commandLines(item)[0], 'netsh: netsh advfirewall firewall add rule name="k2audit: host (5555/TCP-In)" dir=in action=allow protocol=TCP localport=5555 profile=domain remoteip=any');
});

test('outbound gaps use remoteport / -RemotePort; scoped requirements keep their remote addresses', () => {
  const profiles = { domain: { enabled: true, inbound: 'block' as const, outbound: 'block' as const } };
  const items = itemsFor(windowsSet([rule({ line: 3, proto: 'udp', local: '53' })], profiles), [req('smtp', 'out', 'tcp', '25'), req('ssh', 'in', 'tcp', '22', '10.0.0.0/8,fd00::/8')]);
  assert.equal(commandLines(items[0]), [
    'netsh: netsh advfirewall firewall add rule name="k2audit: smtp (25/TCP-Out)" dir=out action=allow protocol=TCP remoteport=25 profile=domain remoteip=any',
    "powershell: New-NetFirewallRule -DisplayName 'k2audit: smtp (25/TCP-Out)' -Direction Outbound -Action Allow -Protocol TCP -RemotePort 25 -Profile Domain -RemoteAddress Any",
  ]);
  assert.equal(commandLines(items[1]), [
    'netsh: netsh advfirewall firewall add rule name="k2audit: ssh (22/TCP-In)" dir=in action=allow protocol=TCP localport=22 profile=domain remoteip=10.0.0.0/8,fd00::/8',
    "powershell: New-NetFirewallRule -DisplayName 'k2audit: ssh (22/TCP-In)' -Direction Inbound -Action Allow -Protocol TCP -LocalPort 22 -Profile Domain -RemoteAddress '10.0.0.0/8','fd00::/8'",
  ]);
});

test('an unknown requirement (direction not exported): manual with the reason, no commands', () => {
  const rs = { ...windowsSet([rule({ line: 3, proto: 'tcp', local: '5555' })]), directions: ['in' as const] };
  const [, out] = itemsFor(rs, [host, req('smtp', 'out', 'tcp', '25')]);
  assert.is(out?.action, 'manual');
  assert.match(out?.summary ?? '', /^cannot be fixed from this export: the export does not show how outbound traffic is filtered/);
  assert.equal(out?.commands, []);
});

test('replace: a not-required rule is disabled; an any-protocol rule is disabled and re-created per protocol', () => {
  const notRequired = itemsFor(windowsSet([rule({ line: 3, proto: 'tcp', local: '3389', name: 'RDP' })]), [host]);
  assert.equal(notRequired[1]?.action, 'replace');
  assert.equal(commandLines(notRequired[1]), [
    'netsh: netsh advfirewall firewall set rule name="RDP" dir=in new enable=no',
    "powershell: Get-NetFirewallRule -DisplayName 'RDP' | Where-Object { $_.Direction -eq 'Inbound' } | Disable-NetFirewallRule",
  ]);
  const anyProto = itemsFor(windowsSet([rule({ line: 3, remote: '10.0.0.0/24', name: 'All', profiles: ['domain', 'private'] })]), [host, req('ldap', 'in', 'udp', '389')]);
  assert.is(anyProto[2]?.summary, 'disable rule "All" (f:3) and add rules for only the required 5555/tcp; 389/udp');
  assert.equal(commandLines(anyProto[2]).filter((c) => c.startsWith('netsh')), [
    'netsh: netsh advfirewall firewall set rule name="All" dir=in new enable=no',
    'netsh: netsh advfirewall firewall add rule name="k2audit: All (5555/TCP-In)" dir=in action=allow protocol=TCP localport=5555 profile=domain,private remoteip=10.0.0.0/24',
    'netsh: netsh advfirewall firewall add rule name="k2audit: All (389/UDP-In)" dir=in action=allow protocol=UDP localport=389 profile=domain,private remoteip=10.0.0.0/24',
  ]);
  const program = itemsFor(windowsSet([rule({ line: 3, conditions: ['program x.exe'], name: 'App' })]), [host]);
  assert.is(program[1]?.action, 'manual');
});

test('names: cmd refuses what it cannot quote, PowerShell doubles quotes and escapes wildcards', () => {
  assert.is(cmdQuote('K2 (TCP-In)'), '"K2 (TCP-In)"');
  assert.is(cmdQuote('50% "off"'), undefined);
  assert.is(cmdQuote('a!b'), undefined);
  assert.is(psQuote("O'Brien’s"), "'O''Brien’’s'");
  assert.is(psLiteralPattern('Rule [1]*?'), "'Rule `[1`]`*`?'");
  assert.is(safeRuleName('k2audit: "odd" 100%'), 'k2audit: _odd_ 100_');
  const [item] = itemsFor(windowsSet([rule({ line: 4, proto: 'tcp', local: '5555', action: 'block', name: 'Block "5555" 100%' })]), [host]);
  const lines = commandLines(item);
  assert.not.ok(lines.some((l) => l.startsWith('netsh: netsh advfirewall firewall set rule')));
  assert.match(item?.summary ?? '', /cmd cannot quote its name safely: use the PowerShell command\); add an inbound allow rule/);
  assert.ok(lines.includes(`powershell: Get-NetFirewallRule -DisplayName 'Block "5555" 100%' | Where-Object { $_.Direction -eq 'Inbound' } | Disable-NetFirewallRule`));
});

test.run();
