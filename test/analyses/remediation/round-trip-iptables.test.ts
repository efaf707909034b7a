/**
 * @fileoverview Acceptance (3), iptables: the suggested `-I INPUT n …` / `-A INPUT …` commands for
 * fixtures/remediation/gaps.iptables-save (a blocking rule in the middle, a user chain that rejects, a DROP
 * policy), inserted into the file as restore lines, re-parsed and re-audited: every gap becomes allowed. The
 * whole fix script (with the over-permissive replacement `-R`) replayed in its order gives the same.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { iptablesSaveParser } from '../../../parsers/iptables-save/index.js';
import { fixScript } from '../../../src/analyses/remediation/index.js';
import { auditText, openGaps } from './audit-text.js';
import { applyIptables, insertBeforeCommit, scriptCommands } from './iptables-apply.js';

const FIX = 'fixtures/remediation/gaps.iptables-save';
const TEXT = readFileSync(FIX, 'utf8');
const before = auditText(FIX, TEXT, iptablesSaveParser);
const gapItems = before.items.filter((i) => i.requirementId !== undefined && i.action !== 'none');

test('the fixture has the gaps its header states', () => {
  assert.equal(openGaps(before), {
    'ldap-in-tcp': 'blocked',
    'ldaps-in-tcp': 'blocked',
    'sql-k2-db-in-tcp': 'blocked',
    'k2-workflow-client-in-tcp': 'blocked',
    'k2-config-service-in-tcp': 'blocked',
    'smart-objects-in-tcp': 'partial',
  });
});

test('each ACCEPT goes right before the first rule that decides the flow against it, or is appended', () => {
  const byReq = Object.fromEntries(gapItems.map((i) => [i.requirementId, i.commands.map((c) => `${c.dialect}: ${c.text}`)]));
  assert.equal(byReq, {
    'ldap-in-tcp': ['iptables: iptables -A INPUT -p tcp --dport 389 -m conntrack --ctstate NEW -j ACCEPT'],
    'ldaps-in-tcp': ['iptables: iptables -A INPUT -p tcp --dport 636 -m conntrack --ctstate NEW -j ACCEPT'],
    // The jump at position 4 enters chain k2, whose REJECT decides 1433.
    'sql-k2-db-in-tcp': ['iptables: iptables -I INPUT 4 -p tcp --dport 1433 -m conntrack --ctstate NEW -j ACCEPT'],
    'k2-workflow-client-in-tcp': ['iptables: iptables -A INPUT -p tcp --dport 5252 -m conntrack --ctstate NEW -j ACCEPT'],
    // The DROP at position 5 decides 5560 (the ACCEPT after it is shadowed).
    'k2-config-service-in-tcp': ['iptables: iptables -I INPUT 5 -p tcp --dport 5560 -m conntrack --ctstate NEW -j ACCEPT'],
    // Accepted only from 10.1.0.0/16; everything else falls to the DROP policy.
    'smart-objects-in-tcp': ['iptables: iptables -A INPUT -p tcp --dport 8888 -m conntrack --ctstate NEW -j ACCEPT'],
  });
  assert.ok(gapItems.every((i) => i.action === 'add'));
  const sql = gapItems.find((i) => i.requirementId === 'sql-k2-db-in-tcp');
  assert.is(sql?.summary, `insert an ACCEPT for 1433/tcp at filter/INPUT position 4, before "filter/INPUT rule 4" (${FIX}:17), the first rule that decides the flow against it`);
});

test('every gap becomes allowed once the commands are inserted into the dump and it is re-parsed', () => {
  const text = insertBeforeCommit(TEXT, gapItems.flatMap((i) => i.commands.map((c) => c.text)));
  const after = auditText(FIX, text, iptablesSaveParser);
  assert.equal(after.ruleSet.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(openGaps(after), {});
});

test('the over-permissive UDP accept is replaced in place by the required UDP ports', () => {
  const item = before.items.find((i) => i.findingId === `over-permissive:${FIX}:21`);
  assert.is(item?.action, 'replace');
  assert.equal(item?.commands, [{ dialect: 'iptables', text: 'iptables -R INPUT 8 -p udp -m multiport --dports 389,636 -j ACCEPT' }]);
});

test('the whole fix script, replayed in its order: every gap allowed, nothing over-permissive left', () => {
  const commands = scriptCommands(fixScript(before.items, 'iptables'));
  assert.equal(commands.slice(-3), [
    'iptables -R INPUT 8 -p udp -m multiport --dports 389,636 -j ACCEPT',
    'iptables -I INPUT 5 -p tcp --dport 5560 -m conntrack --ctstate NEW -j ACCEPT',
    'iptables -I INPUT 4 -p tcp --dport 1433 -m conntrack --ctstate NEW -j ACCEPT',
  ]);
  const after = auditText(FIX, applyIptables(TEXT, commands), iptablesSaveParser);
  assert.equal(openGaps(after), {});
  assert.equal(after.overPermissive, []);
});

test.run();
