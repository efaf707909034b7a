/**
 * @fileoverview Acceptance (1): fixtures/remediation/over-broad.netsh.txt has an inbound allow of TCP 1024-65535
 * from any address; audited with the farm profile it yields an over-permissive finding naming Remote Desktop
 * 3389, WinRM 5985/5986 and SQL Server 1433 from the catalog, and the proposed replacement keeps only the
 * required ports.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { netshParser } from '../../parsers/netsh/index.js';
import { findingMessage } from '../../src/findings/messages.js';
import { auditText } from './remediation/audit-text.js';

const FIX = 'fixtures/remediation/over-broad.netsh.txt';
const audited = auditText(FIX, readFileSync(FIX, 'utf8'), netshParser);
const broad = audited.overPermissive.find((f) => f.id === `over-permissive:${FIX}:2`);

test('the broad rule is the only over-permissive finding, critical, with exact excess and keep', () => {
  assert.equal(audited.overPermissive.map((f) => f.id), [`over-permissive:${FIX}:2`]);
  if (broad?.code !== 'RULE_OVER_PERMISSIVE') throw new Error('no finding for the broad rule');
  assert.is(broad.severity, 'critical');
  assert.equal(broad.args, {
    ruleId: `${FIX}:2`,
    ruleName: 'K2 Broad Range (TCP 1024-65535-In)',
    traits: ['wide-range', 'any-remote'],
    // 5550-5560 is cut by the block rule at line 44, so it is not excess.
    excess: '1024-1432,1434-5251,5253-5549,5561-8887,8889-65535/tcp',
    keep: '1433,5252,5555,5560,8888/tcp',
  });
  assert.equal(broad.refs, [{ file: FIX, line: 2 }]);
});

test('it names Remote Desktop 3389, WinRM 5985/5986 and SQL Server 1433 from the catalog, risky first', () => {
  const exposes = broad?.exposes ?? [];
  assert.equal(exposes.slice(0, 4), ['Remote Desktop Services 3389/tcp', 'WinRM 2.0 5985-5986/tcp', 'MSSQL$UDDI 1433/tcp (required)', 'Microsoft SQL Server 1433/tcp (required)']);
  assert.match(findingMessage(broad!), /a rule for 1433,5252,5555,5560,8888\/tcp would do/);
});

test('the replacement narrows the rule to the required ports only, in both dialects', () => {
  const item = audited.items.find((i) => i.findingId === `over-permissive:${FIX}:2`);
  assert.is(item?.action, 'replace');
  assert.equal(item?.commands, [
    { dialect: 'netsh', text: 'netsh advfirewall firewall set rule name="K2 Broad Range (TCP 1024-65535-In)" dir=in new localport=1433,5252,5555,5560,8888' },
    { dialect: 'powershell', text: "Get-NetFirewallRule -DisplayName 'K2 Broad Range (TCP 1024-65535-In)' | Where-Object { $_.Direction -eq 'Inbound' } | Set-NetFirewallRule -LocalPort 1433,5252,5555,5560,8888" },
  ]);
  assert.is(item?.summary, `narrow rule "K2 Broad Range (TCP 1024-65535-In)" (${FIX}:2) from 1024-65535/tcp to the required 1433,5252,5555,5560,8888/tcp`);
});

test.run();
