import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { ICMP, ICMPV6, protocols, TCP, UDP } from '../../../src/model/protocol.js';
import type { Rule } from '../../../src/model/rule.js';
import { fromText } from '../../../src/input/decode.js';
import { netshParser } from '../../../parsers/netsh/index.js';
import { assertAccounted, codes, conditionTexts, parseFixture, REPO, ruleAt } from './helpers.js';

const ports = (r: Rule): string => `${formatPorts(r.localPorts.set)}${kw(r.localPorts.keywords)} -> ${formatPorts(r.remotePorts.set)}${kw(r.remotePorts.keywords)}`;
const kw = (k: readonly string[]): string => (k.length === 0 ? '' : `+${k.join('+')}`);
const remote = (r: Rule): string => `${formatAddressSet(r.remoteAddresses.set)}${kw(r.remoteAddresses.symbols)}`;

test('plain dump: one rule per Rule Name block with ports, addresses, profiles and actions', () => {
  const rs = parseFixture('fixtures/netsh/plain.netsh.txt');
  assert.is(rs.semantics, 'windows');
  assert.equal(rs.families, ['ipv4', 'ipv6']);
  assert.equal(rs.directions, ['in', 'out']);
  assert.is(rs.profiles, undefined);
  assert.equal(rs.rules.map((r) => r.source.line), [2, 16, 30, 44, 58, 72, 86, 100, 114, 128, 142]);
  const dns = ruleAt(rs, 2);
  assert.is(dns.id, 'fixtures/netsh/plain.netsh.txt:2');
  assert.is(dns.name, 'Core Networking - DNS (UDP-Out)');
  assert.is(dns.direction, 'out');
  assert.ok(dns.protocols.equals(protocols(UDP)));
  assert.is(ports(dns), 'any -> 53');
  assert.equal(dns.profiles, ['domain', 'private', 'public']);
  const lines = readFileSync(REPO + 'fixtures/netsh/plain.netsh.txt', 'utf8').split('\n');
  assert.is(dns.raw, lines.slice(1, 14).join('\n'));
  // same name twice: one per profile set, the second scoped to LocalSubnet
  assert.is(ruleAt(rs, 44).name, ruleAt(rs, 58).name);
  assert.equal(ruleAt(rs, 44).profiles, ['domain']);
  assert.is(remote(ruleAt(rs, 44)), 'any');
  assert.equal(ruleAt(rs, 58).profiles, ['private', 'public']);
  assert.is(remote(ruleAt(rs, 58)), 'none+LocalSubnet');
  assert.is(ports(ruleAt(rs, 86)), '8000-9000 -> any');
  assert.is(remote(ruleAt(rs, 86)), '10.0.0.0/8,192.168.10.5-192.168.10.20');
  assert.is(ruleAt(rs, 100).enabled, false);
  assert.equal(ruleAt(rs, 100).profiles, ['domain', 'private']);
  assert.is(ruleAt(rs, 114).action, 'block');
  assert.is(formatAddressSet(ruleAt(rs, 128).localAddresses.set), 'fe80::10');
  assert.is(remote(ruleAt(rs, 128)), 'fe80::/64');
  assert.is(ports(ruleAt(rs, 142)), 'any -> 80,443');
  assert.ok(rs.rules.every((r) => r.conditions.length === 0 && r.store === undefined && r.enabled !== undefined));
  assert.equal(codes(rs.diagnostics), ['NETSH_NO_PROFILE_SETTINGS@-']);
  assert.is(rs.diagnostics[0]?.severity, 'info');
  assert.ok(rs.diagnostics[0]?.message.includes('netsh advfirewall show allprofiles >> rules.txt'));
  assertAccounted(rs, 156);
  assert.equal(rs.accounting, { total: 156, parsed: 132, ignored: { blank: 12, separator: 11, 'status line': 1 }, unsupported: 0 });
});

test('verbose dump: program/service/interface/security conditions, rule source store, wrapped RemoteIP', () => {
  const rs = parseFixture('fixtures/netsh/verbose.netsh.txt');
  assert.is(rs.rules.length, 7);
  assert.equal(conditionTexts(ruleAt(rs, 2)), ['program: program %SystemRoot%\\system32\\svchost.exe', 'service: service dnscache']);
  assert.is(ruleAt(rs, 2).store, 'local');
  assert.equal(conditionTexts(ruleAt(rs, 42)), [
    'program: program C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe',
  ]);
  const winrm = ruleAt(rs, 61);
  assert.is(remote(winrm), '10.10.0.0/16,10.20.0.0/16,10.30.0.0/16,172.16.5.10');
  assert.is(winrm.store, 'gpo');
  assert.equal(winrm.conditions, []);
  assert.ok(winrm.raw.includes('\n                                      10.30.0.0/16,172.16.5.10\n'));
  assert.not.ok(winrm.raw.includes('\r'), 'CRLF is not part of raw');
  const admin = ruleAt(rs, 81);
  assert.is(admin.action, 'bypass');
  assert.is(ports(admin), '445,5985 -> any');
  assert.equal(conditionTexts(admin), ['interface-type: interface types LAN', 'security: security Authenticate']);
  // Edge traversal and Description never narrow a rule
  assert.equal(conditionTexts(ruleAt(rs, 100)), ['program: program C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe']);
  assert.equal(ruleAt(rs, 119).conditions, []);
  assert.equal(codes(rs.diagnostics), ['NETSH_NO_PROFILE_SETTINGS@-']);
  assertAccounted(rs, 138);
  assert.is(rs.accounting.unsupported, 0);
});

test('ICMP rules: type/code tables become one condition, ports stay any', () => {
  const rs = parseFixture('fixtures/netsh/icmp.netsh.txt');
  assert.equal(rs.rules.map((r) => r.source.line), [2, 16, 30, 46, 60]);
  const echo = ruleAt(rs, 2);
  assert.ok(echo.protocols.equals(protocols(ICMP)));
  assert.equal(conditionTexts(echo), ['other: icmp type 8 code Any']);
  assert.is(ports(echo), 'any -> any');
  assert.ok(ruleAt(rs, 16).protocols.equals(protocols(ICMPV6)));
  assert.equal(conditionTexts(ruleAt(rs, 30)), ['other: icmp type 0 code Any, type 3 code 4, type 8 code Any']);
  assert.is(remote(ruleAt(rs, 30)), '10.1.0.0/16');
  assert.equal(conditionTexts(ruleAt(rs, 60)), ['other: icmp type 2 code 0']);
  assert.is(ruleAt(rs, 60).direction, 'out');
  assertAccounted(rs, 74);
  assert.is(rs.accounting.unsupported, 0);
});

test('rules without port lines open every port; port lines under ICMP narrow nothing', () => {
  const rs = parseFixture('fixtures/netsh/no-ports.netsh.txt');
  assert.is(rs.rules.length, 6);
  const anyProto = ruleAt(rs, 2);
  assert.ok(anyProto.protocols.isFull());
  assert.is(ports(anyProto), 'any -> any');
  assert.is(remote(anyProto), '10.2.0.5');
  assert.ok(ruleAt(rs, 14).protocols.equals(protocols(47)));
  assert.ok(ruleAt(rs, 26).protocols.equals(protocols(41)));
  assert.ok(ruleAt(rs, 38).protocols.equals(protocols(2)));
  const tcp = ruleAt(rs, 50);
  assert.ok(tcp.protocols.equals(protocols(TCP)));
  assert.is(ports(tcp), 'any -> any');
  assert.is(tcp.action, 'block');
  const icmp = ruleAt(rs, 62);
  assert.is(ports(icmp), 'any -> any');
  assert.equal(conditionTexts(icmp), ['other: icmp type 8 code Any']);
  assertAccounted(rs, 77);
  assert.is(rs.accounting.unsupported, 0);
});

test('port and address keywords stay symbolic; mixed lists keep both parts', () => {
  const rs = parseFixture('fixtures/netsh/keywords.netsh.txt');
  assert.is(rs.rules.length, 11);
  assert.is(ports(ruleAt(rs, 2)), 'none+RPC -> any');
  assert.is(ports(ruleAt(rs, 16)), 'none+RPC-EPMap -> any');
  assert.is(ports(ruleAt(rs, 30)), 'none+IPHTTPS -> any');
  assert.is(ports(ruleAt(rs, 44)), 'none+Teredo -> any');
  const playTo = ruleAt(rs, 58);
  assert.is(ports(playTo), 'none+PlayToDiscovery -> any');
  assert.is(remote(playTo), 'none+PlayToDevice');
  assert.equal(playTo.profiles, ['private']);
  const mixed = ruleAt(rs, 72);
  assert.is(ports(mixed), '5000-5010+RPC -> any');
  assert.is(remote(mixed), '10.50.0.0/16+LocalSubnet');
  assert.is(remote(ruleAt(rs, 86)), 'none+DNS+DHCP');
  assert.is(remote(ruleAt(rs, 100)), 'none+DefaultGateway+WINS');
  assert.is(remote(ruleAt(rs, 114)), 'none+Intranet+RmtIntranet');
  assert.is(remote(ruleAt(rs, 128)), 'none+Internet');
  assert.is(ports(ruleAt(rs, 142)), 'any -> none+IPHTTPS');
  assert.ok(ruleAt(rs, 142).protocols.equals(protocols(TCP)));
  assert.ok(rs.rules.every((r) => r.conditions.length === 0));
  assertAccounted(rs, 156);
});

test('a filtered dump (dir=in) covers only inbound and says so', () => {
  const rs = parseFixture('fixtures/netsh/dir-in.netsh.txt');
  assert.is(rs.rules.length, 3);
  assert.equal(rs.directions, ['in']);
  assert.equal(codes(rs.diagnostics), ['NETSH_DIRECTION_MISSING@-', 'NETSH_NO_PROFILE_SETTINGS@-']);
  assert.is(rs.diagnostics[0]?.severity, 'warning');
  assert.is(remote(ruleAt(rs, 30)), 'none+LocalSubnet');
  assertAccounted(rs, 44);
});

test('remote principals narrow as user conditions; continuation lines keep their own line numbers', () => {
  const pad = (label: string, value: string): string => `${label}:`.padEnd(38) + value;
  const text = [
    pad('Rule Name', 'Inline'),
    '-'.repeat(70),
    pad('Enabled', 'Yes'),
    pad('Direction', 'In'),
    pad('RemoteIP', '10.0.0.1,'),
    ' '.repeat(38) + '10.0.0.999',
    pad('Protocol', 'TCP'),
    pad('LocalPort', '80,'),
    ' '.repeat(38) + '8080-8081',
    pad('RemoteComputerGroup', 'O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1105)'),
    pad('RemoteUserGroup', 'Any'),
    pad('Some future field', 'Any'),
    pad('Rule source', 'Dynamic'),
    pad('Action', 'Allow'),
  ].join('\n');
  const r = netshParser.parse(fromText('i.txt', text), {});
  assert.ok(r.ok);
  if (!r.ok) return;
  const rule = r.ruleSet.rules[0];
  assert.ok(rule);
  if (rule === undefined) return;
  assert.is(ports(rule), '80,8080-8081 -> any');
  assert.ok(rule.remoteAddresses.set.isAny(), 'unreadable address widens to any');
  assert.equal(conditionTexts(rule), [
    'other: unreadable remote address "10.0.0.999"',
    'user: remote computers O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1105)',
  ]);
  assert.is(rule.store, undefined);
  assert.equal(codes(r.ruleSet.diagnostics), [
    'NETSH_DIRECTION_MISSING@-',
    'NETSH_NO_PROFILE_SETTINGS@-',
    'NETSH_INVALID_ADDRESS@6',
    'NETSH_UNKNOWN_FIELD@12',
    'NETSH_UNKNOWN_VALUE@13',
  ]);
  assert.equal(r.ruleSet.accounting, { total: 14, parsed: 11, ignored: { separator: 1 }, unsupported: 2 });
});

test.run();
