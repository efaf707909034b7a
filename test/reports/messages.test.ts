/**
 * @fileoverview Exact wording of every finding code and status label (src/findings/messages.ts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ports } from '../../src/model/port-set.js';
import type { Finding } from '../../src/findings/finding.js';
import { directionWord, findingMessage, statusLabel } from '../../src/findings/messages.js';
import { FINDINGS } from './sample-result.js';

const byCode = (code: Finding['code']): Finding => {
  const f = FINDINGS.find((x) => x.code === code);
  if (f === undefined) throw new Error(`sample has no ${code}`);
  return f;
};

test('every code in the sample is worded from its args, ports, direction and protocol', () => {
  assert.equal(findingMessage(byCode('REQUIREMENT_BLOCKED')), 'K2 Host Server connections (5555/tcp inbound) is blocked');
  assert.equal(
    findingMessage(byCode('REQUIREMENT_PARTIAL')),
    'K2 Web Sites and Services (80,443/tcp inbound) is only partly allowed: missing 443/tcp; allowed only from 10.1.0.0/16',
  );
  assert.equal(
    findingMessage(byCode('REQUIREMENT_CONDITIONAL')),
    'K2 Configuration Service connections (5560/tcp inbound) is allowed only conditionally: program C:\\k2\\host.exe',
  );
  assert.equal(
    findingMessage(byCode('REQUIREMENT_UNKNOWN')),
    'SAP (K2 Connect) (tcp outbound) cannot be decided: the SAP system number is not set',
  );
  assert.equal(findingMessage(byCode('FIREWALL_OFF')), 'the firewall is OFF for the domain profile: every port is open');
});

test('partial wording: outbound scope says "to", missing already carrying a protocol is kept, halves may be absent', () => {
  const base = {
    id: 'x',
    code: 'REQUIREMENT_PARTIAL',
    severity: 'medium',
    refs: [],
    direction: 'out',
    protocol: 'udp',
    ports: ports(53),
  } as const;
  const f = (missing: string, scopedTo: string): Finding => ({ ...base, args: { requirementId: 'dns', component: 'DNS', missing, scopedTo } });
  assert.equal(findingMessage(f('', '10.0.0.53')), 'DNS (53/udp outbound) is only partly allowed: allowed only to 10.0.0.53');
  assert.equal(findingMessage(f('53/udp', '')), 'DNS (53/udp outbound) is only partly allowed: missing 53/udp');
  assert.equal(findingMessage(f('none', '')), 'DNS (53/udp outbound) is only partly allowed: some required traffic is not allowed');
});

test('status labels and direction words', () => {
  assert.equal(statusLabel('partial'), 'partly allowed');
  assert.equal(statusLabel('blocked'), 'blocked');
  assert.equal(statusLabel('waived'), 'waived');
  assert.equal(directionWord('in'), 'inbound');
  assert.equal(directionWord('out'), 'outbound');
});

test.run();
