import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { assertAccounted, conditionTexts, loadFixture, parseOk, ruleNamed, summary } from './helpers.js';

const FILE = 'fixtures/ps-json/collect-script.ps.json';
const parse = () => parseOk(psJsonParser, loadFixture(FILE));

test('the collection script document: every rule with its joined filters, string enums, no diagnostics', () => {
  const rs = parse();
  assert.is(rs.semantics, 'windows');
  assert.equal(rs.families, ['ipv4', 'ipv6']);
  assert.equal(rs.directions, ['in', 'out']);
  assert.equal(rs.diagnostics, []);
  assert.equal(rs.rules.map(summary), [
    'K2 Web (HTTP/HTTPS-In)|on|in|allow|tcp|80,443|any|domain,private',
    'SQL Server (TCP 1433-In)|on|in|allow|tcp|1433|any|domain,private,public',
    'Remote Desktop - User Mode (TCP-In)|on|in|allow|tcp|3389|any|domain,private,public',
    'RPC Endpoint Mapper (TCP-In)|on|in|allow|tcp|none+RPC-EPMap|any|domain,private,public',
    'Distributed Transaction Coordinator (RPC)|on|in|allow|tcp|5000-5010+RPC|any|domain,private,public',
    'File and Printer Sharing (Echo Request - ICMPv4-In)|on|in|allow|icmp|any|any|domain,private,public',
    'Core Networking - Destination Unreachable Fragmentation Needed (ICMPv4-In)|on|in|allow|icmp|any|any|domain,private,public',
    'Routing and Remote Access (GRE-In)|off|in|allow|gre|any|any|domain,private,public',
    'Admin workstations (authenticated bypass)|on|in|bypass|any|any|any|domain,private,public',
    'Überwachung & Sécurité (TCP 9100-In)|on|in|allow|tcp|9100|any|domain,private,public',
    'Block Telnet (TCP 23-In)|on|in|block|tcp|23|any|domain,private,public',
    'Contoso Store App (Out)|on|out|allow|any|any|any|domain,private,public',
    'K2 to SQL Server (TCP 1433-Out)|on|out|allow|tcp|any|1433|domain',
  ]);
  assertAccounted(rs, 591);
  assert.equal(rs.accounting.ignored, { 'json punctuation': 6 });
});

test('positions: element path, vendor id (the rule Name) and the line of the rule object', () => {
  const rs = parse();
  const sql = ruleNamed(rs, 'SQL Server (TCP 1433-In)');
  assert.equal(sql.source, { file: FILE, path: ['rules', '1'], line: 83, vendorId: '{6B8A0C52-0F4B-4C0E-9E45-2E1F0B8C1A11}' });
  assert.is(sql.id, `${FILE}:83`);
  assert.ok(sql.raw.startsWith('{') && sql.raw.includes('"SQL Server (TCP 1433-In)"') && sql.raw.endsWith('}'));
  assert.is(sql.store, 'gpo');
  assert.is(ruleNamed(rs, 'K2 Web (HTTP/HTTPS-In)').store, 'local');
});

test('addresses, keywords and scopes become sets, symbols and conditions', () => {
  const rs = parse();
  const sql = ruleNamed(rs, 'SQL Server (TCP 1433-In)');
  assert.is(formatAddressSet(sql.remoteAddresses.set), '10.20.0.0/16,10.30.1.1-10.30.1.9');
  assert.equal(ruleNamed(rs, 'Remote Desktop - User Mode (TCP-In)').remoteAddresses.symbols, ['LocalSubnet']);
  assert.equal(conditionTexts(ruleNamed(rs, 'Remote Desktop - User Mode (TCP-In)')), [
    'program: program %SystemRoot%\\system32\\svchost.exe',
    'service: service termservice',
  ]);
  assert.equal(conditionTexts(ruleNamed(rs, 'File and Printer Sharing (Echo Request - ICMPv4-In)')), ['other: icmp type 8', 'program: program System']);
  assert.equal(conditionTexts(ruleNamed(rs, 'Core Networking - Destination Unreachable Fragmentation Needed (ICMPv4-In)'))[0], 'other: icmp type 3 code 4');
  const bypass = ruleNamed(rs, 'Admin workstations (authenticated bypass)');
  assert.is(formatAddressSet(bypass.remoteAddresses.set), '192.168.50.10,fe80::/64');
  assert.equal(conditionTexts(bypass), [
    'user: remote computers O:LSD:(A;;CC;;;S-1-5-21-1004336348-1177238915-682003330-1108)',
    'security: authentication Required',
    'security: encryption Dynamic',
  ]);
  assert.equal(conditionTexts(ruleNamed(rs, 'Überwachung & Sécurité (TCP 9100-In)')), ['interface-type: interface types Wired, Wireless', 'interface: interface Ethernet 2']);
  assert.equal(conditionTexts(ruleNamed(rs, 'Contoso Store App (Out)')).map((c) => c.split(' ')[0]), ['package:', 'user:']);
  assert.equal(ruleNamed(rs, 'K2 Web (HTTP/HTTPS-In)').conditions, []);
});

test('profile settings from the same document (Enabled, defaults, AllowInboundRules, AllowLocalFirewallRules)', () => {
  const rs = parse();
  assert.equal(rs.profiles?.domain, {
    enabled: true,
    inbound: 'block',
    outbound: 'allow',
    allowLocalPolicyMerge: false,
    source: { file: FILE, path: ['profiles', '0'], line: 14 },
  });
  assert.is(rs.profiles?.private?.enabled, false);
  assert.is(rs.profiles?.public?.inbound, 'block-always', 'AllowInboundRules False');
  assert.is(rs.profiles?.public?.outbound, 'block');
  assert.is(rs.profiles?.public?.allowLocalPolicyMerge, undefined, 'NotConfigured stays unset');
});

test.run();
