/**
 * @fileoverview Acceptance (3), Windows: the suggested netsh commands for fixtures/remediation/over-broad.netsh.txt,
 * applied to the export (added rules as `show rule` blocks, `set rule` edits on the existing blocks), re-parsed
 * and re-audited with the farm profile: every gap becomes allowed.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { netshParser } from '../../../parsers/netsh/index.js';
import type { RemediationItem } from '../../../src/findings/remediation.js';
import { applyNetsh, netshArgs, ruleBlock } from './netsh-apply.js';
import { auditText, openGaps } from './audit-text.js';

const FIX = 'fixtures/remediation/over-broad.netsh.txt';
const TEXT = readFileSync(FIX, 'utf8');
const before = auditText(FIX, TEXT, netshParser);

function netsh(items: readonly RemediationItem[]): string[] {
  return items.flatMap((i) => i.commands.filter((c) => c.dialect === 'netsh').map((c) => c.text));
}

test('the fixture has blocked, partial and block-rule gaps in both directions', () => {
  assert.equal(openGaps(before), {
    'ldap-in-tcp': 'blocked',
    'k2-web-https-in-tcp': 'partial',
    'ldaps-in-tcp': 'blocked',
    'k2-host-server-in-tcp': 'blocked',
    'k2-config-service-in-tcp': 'blocked',
    'ldap-in-udp': 'blocked',
    'ldaps-in-udp': 'blocked',
    'smtp-out-tcp': 'blocked',
  });
});

test('one item per requirement: none for met ones, add for every gap; then the replace item', () => {
  const req = before.items.filter((i) => i.requirementId !== undefined);
  assert.is(req.length, before.results.length);
  assert.equal(req.map((i) => i.requirementId), before.results.map((r) => r.requirement.id));
  for (const i of req) assert.is(i.action, openGaps(before)[i.requirementId ?? ''] === undefined ? 'none' : 'add', i.id);
  assert.ok(req.filter((i) => i.action === 'none').every((i) => i.summary === 'no change needed' && i.commands.length === 0));
  assert.equal(before.items.slice(req.length).map((i) => [i.id, i.action]), [[`fix:over-permissive:${FIX}:2`, 'replace']]);
});

test('exact commands for the gaps: new rules on the audited profile, the block rules narrowed or disabled', () => {
  const byReq = new Map(before.items.map((i) => [i.requirementId, netsh([i])]));
  assert.equal(byReq.get('ldap-in-tcp'), ['netsh advfirewall firewall add rule name="k2audit: LDAP (Active Directory) (389/TCP-In)" dir=in action=allow protocol=TCP localport=389 profile=domain remoteip=any']);
  assert.equal(byReq.get('k2-host-server-in-tcp'), ['netsh advfirewall firewall set rule name="Hardening - Block 5550-5560" dir=in new localport=5550-5554,5556-5559']);
  assert.equal(byReq.get('k2-config-service-in-tcp'), byReq.get('k2-host-server-in-tcp'));
  assert.equal(byReq.get('smtp-out-tcp'), ['netsh advfirewall firewall set rule name="Block SMTP (TCP 25-Out)" dir=out new enable=no']);
  const https = before.items.find((i) => i.requirementId === 'k2-web-https-in-tcp');
  assert.match(https?.summary ?? '', /^allowed only from 10\.1\.0\.0\/16: a new rule for the whole required scope is added/);
  assert.equal(netsh([https!]), ['netsh advfirewall firewall add rule name="k2audit: K2 web sites and services (HTTPS) (443/TCP-In)" dir=in action=allow protocol=TCP localport=443 profile=domain remoteip=any']);
});

test('every gap becomes allowed after applying the gap commands', () => {
  const text = applyNetsh(TEXT, netsh(before.items.filter((i) => i.requirementId !== undefined)));
  const after = auditText(FIX, text, netshParser);
  assert.equal(openGaps(after), {});
  assert.ok(after.items.every((i) => i.findingId !== undefined || i.action === 'none'));
});

test('with the replacement applied too: every gap allowed and nothing over-permissive left', () => {
  const after = auditText(FIX, applyNetsh(TEXT, netsh(before.items)), netshParser);
  assert.equal(after.ruleSet.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.is(after.ruleSet.rules.length, before.ruleSet.rules.length + 5);
  assert.equal(openGaps(after), {});
  assert.equal(after.overPermissive, []);
});

test('the test helper prints the exact layout of a netsh block', () => {
  const block = ruleBlock(netshArgs('netsh advfirewall firewall add rule name="x y" dir=out action=allow protocol=UDP remoteport=53 profile=domain,private remoteip=10.0.0.0/8').filter);
  assert.equal(block, [
    'Rule Name:                            x y',
    '-'.repeat(70),
    'Enabled:                              Yes',
    'Direction:                            Out',
    'Profiles:                             Domain,Private',
    'Grouping:                             ',
    'LocalIP:                              Any',
    'RemoteIP:                             10.0.0.0/8',
    'Protocol:                             UDP',
    'LocalPort:                            Any',
    'RemotePort:                           53',
    'Edge traversal:                       No',
    'Action:                               Allow',
  ]);
});

test.run();
