/**
 * @fileoverview The severity model of over-permissive findings, as a table of cases (src/findings/severity-model.ts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAddressList } from '../../src/model/ip.js';
import { ANY_ADDRESS_MATCH, type AddressMatch } from '../../src/model/rule.js';
import { classifyScope, highRiskRank, highRiskServiceRank, scoreExposure, type ExposureFacts } from '../../src/findings/severity-model.js';
import { ports } from '../../src/model/port-set.js';
import { TCP, UDP } from '../../src/model/protocol.js';

const base: ExposureFacts = { direction: 'in', excessPorts: 1, anyProtocol: false, anyPort: false, scope: 'any', risk: 'none', conditional: false };

const cases: [string, Partial<ExposureFacts>, number, string][] = [
  ['allow everything inbound from any', { anyProtocol: true, anyPort: true, excessPorts: 131070, risk: 'high' }, 11, 'critical'],
  ['TCP 1024-65535 inbound from any', { excessPorts: 64507, risk: 'high' }, 10, 'critical'],
  ['any TCP port inbound from any', { anyPort: true, excessPorts: 65526, risk: 'high' }, 10, 'critical'],
  ['the same from a symbolic scope (LocalSubnet)', { excessPorts: 64507, risk: 'high', scope: 'symbolic' }, 9, 'high'],
  ['RDP 3389 inbound from any', { risk: 'high' }, 7, 'high'],
  ['101 unknown ports inbound from any', { excessPorts: 101 }, 6, 'medium'],
  ['RDP from a /24', { risk: 'high', scope: 'narrow' }, 5, 'medium'],
  ['program-scoped RDP from any', { risk: 'high', conditional: true }, 6, 'medium'],
  ['program-scoped any-port rule from any', { anyPort: true, excessPorts: 65535, risk: 'high', conditional: true }, 6, 'medium'],
  ['one catalog port inbound from any', { risk: 'catalog' }, 5, 'medium'],
  ['one unknown port inbound from any', {}, 4, 'low'],
  ['10 unknown ports inbound from a wide subnet', { excessPorts: 10, scope: 'wide' }, 4, 'low'],
  ['outbound any port to any (outbound default blocks)', { direction: 'out', anyPort: true, excessPorts: 65535, risk: 'high' }, 8, 'high'],
  ['outbound 101 ports to a /24', { direction: 'out', excessPorts: 101, scope: 'narrow', risk: 'catalog' }, 3, 'low'],
  ['outbound one unknown port to a /24', { direction: 'out', scope: 'narrow' }, 0, 'info'],
  ['program-scoped outbound port to a /24', { direction: 'out', scope: 'narrow', conditional: true }, -1, 'info'],
];

for (const [name, facts, score, severity] of cases) {
  test(`severity: ${name} → ${score} ${severity}`, () => {
    const s = scoreExposure({ ...base, ...facts });
    assert.is(s.score, score);
    assert.is(s.severity, severity);
  });
}

test('score parts are reported separately', () => {
  assert.equal(scoreExposure({ ...base, excessPorts: 64507, risk: 'high' }).parts, { direction: 2, breadth: 3, scope: 2, risk: 3, conditional: 0 });
  assert.equal(scoreExposure({ ...base, anyPort: true, risk: 'catalog', conditional: true }).parts, { direction: 2, breadth: 0, scope: 2, risk: 1, conditional: -1 });
});

function match(text: string, symbols: string[] = [], negated = false): AddressMatch {
  const r = parseAddressList(text);
  if (!r.ok) throw new Error(r.error);
  return { set: r.set, symbols, negated };
}

test('address scope classes', () => {
  assert.is(classifyScope(ANY_ADDRESS_MATCH, ['ipv4', 'ipv6']), 'any');
  assert.is(classifyScope(match('0.0.0.0/0'), ['ipv4']), 'any');
  assert.is(classifyScope(match('0.0.0.0/0'), ['ipv4', 'ipv6']), 'wide');
  assert.is(classifyScope(match('10.0.0.0/24'), ['ipv4']), 'narrow');
  assert.is(classifyScope(match('10.0.0.0/23'), ['ipv4']), 'wide');
  assert.is(classifyScope(match('fd00::/64'), ['ipv6']), 'narrow');
  assert.is(classifyScope(match('fd00::/63'), ['ipv6']), 'wide');
  assert.is(classifyScope(match('10.0.0.1', ['LocalSubnet']), ['ipv4']), 'symbolic');
  assert.is(classifyScope(match('10.0.0.1', [], true), ['ipv4']), 'wide');
});

test('high-risk services: overlap for the risk of an excess, containment for naming one service', () => {
  assert.is(highRiskRank(TCP, ports([1024, 65535])), 0);
  assert.is(highRiskRank(TCP, ports(3389)), 0);
  assert.is(highRiskRank(UDP, ports(161)), 12);
  assert.is(highRiskRank(TCP, ports(8080)), -1);
  assert.is(highRiskServiceRank(TCP, ports([1024, 65535])), -1);
  assert.is(highRiskServiceRank(TCP, ports([5985, 5986])), 2);
  assert.is(highRiskServiceRank(TCP, ports(21)), 10);
});

test.run();
