import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { assertAccounted, codes, conditionTexts, loadFixture, parseOk, ruleNamed, summary } from './helpers.js';

const parse = (rel: string) => parseOk(psJsonParser, loadFixture(rel));

test('numeric CIM enums, {value,Count} wrappers, "" for an empty collection, CIM noise ignored', () => {
  const rs = parse('fixtures/ps-json/numeric-enums.json');
  assert.equal(rs.rules.map(summary), [
    'Web (TCP-In)|on|in|allow|tcp|80,443|any|domain,private',
    'Block DNS (UDP-Out)|off|out|block|udp|any|53|public',
    'WinRM (authenticated bypass)|on|in|bypass|tcp|5985|any|domain,private,public',
    'Echo Request (ICMPv6-In)|on|in|allow|ipv6-icmp|any|any|private,public',
  ]);
  const web = ruleNamed(rs, 'Web (TCP-In)');
  assert.is(formatAddressSet(web.remoteAddresses.set), '10.0.0.0/8');
  assert.equal(web.remoteAddresses.symbols, ['LocalSubnet']);
  assert.is(web.store, 'local');
  assert.is(ruleNamed(rs, 'Block DNS (UDP-Out)').store, 'gpo', 'PolicyStoreSourceType 2');
  assert.is(formatAddressSet(ruleNamed(rs, 'WinRM (authenticated bypass)').remoteAddresses.set), '192.168.1.0/24');
  assert.equal(conditionTexts(ruleNamed(rs, 'Echo Request (ICMPv6-In)')), ['other: icmp type 128, type 129', 'program: program System']);
  assert.equal(codes(rs.diagnostics), ['PSJSON_STORE_UNKNOWN@-', 'PSJSON_NO_PROFILE_SETTINGS@-']);
  assertAccounted(rs, 169);
});

test('a single rule is a bare object; Profile "Domain, Private"; a GPO rule', () => {
  const rs = parse('fixtures/ps-json/single-object.json');
  assert.equal(rs.rules.map(summary), ['K2 Host Server (TCP 5555-Out)|on|out|allow|tcp|any|5252,5555|domain,private']);
  const rule = rs.rules[0];
  assert.equal(rule?.source, { file: 'fixtures/ps-json/single-object.json', path: [], line: 1, vendorId: '{3C1B6E2A-1F0D-4B8E-9A77-5D2C4E6F8A90}' });
  assert.is(rule?.store, 'gpo');
  assert.is(formatAddressSet(rule?.remoteAddresses.set ?? (undefined as never)), '10.1.2.0/24');
  assert.equal(rs.directions, ['out']);
  assert.ok(codes(rs.diagnostics).includes('PSJSON_DIRECTION_MISSING@-'));
});

test('nested PortFilter/AddressFilter/ApplicationFilter objects are read as the rule\'s filters', () => {
  const rs = parse('fixtures/ps-json/nested-filters.json');
  assert.equal(rs.rules.map(summary), ['SQL Server (TCP-In)|on|in|allow|tcp|1433|any|domain']);
  const sql = rs.rules[0];
  assert.is(formatAddressSet(sql?.remoteAddresses.set ?? (undefined as never)), '10.20.0.0/16,10.30.0.5');
  assert.equal(sql === undefined ? [] : conditionTexts(sql), [
    'program: program C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe',
  ]);
  assertAccounted(rs, 35);
});

test('filter join keyed by InstanceID: ports only for TCP/UDP (ICMP "RPC" ignored), wrappers, unmatched filters', () => {
  const rs = parse('fixtures/ps-json/filter-join.json');
  assert.equal(rs.rules.map(summary), [
    'Windows Remote Management (HTTP-In)|on|in|allow|tcp|5985|any|domain,private,public',
    'File and Printer Sharing (Echo Request - ICMPv4-In)|on|in|allow|icmp|any|any|domain',
    'Core Networking - Router Solicitation (ICMPv6-Out)|on|out|allow|ipv6-icmp|any|any|domain,private,public',
    'Rule whose filters were not exported|on|in|block|any|any|any|domain,private,public',
  ]);
  const rs6 = ruleNamed(rs, 'Core Networking - Router Solicitation (ICMPv6-Out)');
  assert.equal(rs6.remoteAddresses.symbols, ['LocalSubnet6']);
  assert.is(formatAddressSet(rs6.remoteAddresses.set), 'fe80::/64,ff02::2');
  assert.equal(conditionTexts(ruleNamed(rs, 'File and Printer Sharing (Echo Request - ICMPv4-In)')), [
    'other: icmp type 8',
    'program: program System',
    'interface-type: interface types Wired',
  ]);
  assert.equal(conditionTexts(ruleNamed(rs, 'Rule whose filters were not exported')), ['other: no filter data: protocol, ports and addresses unknown']);
  assert.equal(codes(rs.diagnostics), [
    'PSJSON_STORE_UNKNOWN@-',
    'PSJSON_UNMATCHED_FILTERS@-',
    'PSJSON_NO_PROFILE_SETTINGS@-',
    'PSJSON_RULE_WITHOUT_FILTERS@126',
  ]);
  assertAccounted(rs, 264);
  assert.is(rs.accounting.ignored['filter object without a rule'], 7, 'the Deleted-Rule-In port filter');
  assert.is(rs.accounting.unsupported, 1);
});

test('-Compress output: one line, so rules and diagnostics are located by element path', () => {
  const rs = parse('fixtures/ps-json/compressed.json');
  assert.equal(rs.rules.map((r) => r.id), ['fixtures/ps-json/compressed.json#0', 'fixtures/ps-json/compressed.json#1']);
  assert.equal(rs.rules[1]?.source, { file: 'fixtures/ps-json/compressed.json', path: ['1'], vendorId: 'B-In' });
  const bad = rs.diagnostics.find((d) => d.code === 'PSJSON_INVALID_ADDRESS');
  assert.equal(bad?.ref, { file: 'fixtures/ps-json/compressed.json', path: ['1', 'RemoteAddress'], vendorId: 'B-In' });
  assertAccounted(rs, 1);
});

test('the "§11" projection (Id + Name=DisplayName) and rules plus profiles in one array', () => {
  const text = JSON.stringify([
    { Id: 'K2-In', Name: 'K2 (TCP 5555-In)', Enabled: 'True', Direction: 'Inbound', Action: 'Allow', Profile: 'Any', Source: 'Local', Protocol: 'TCP', LocalPort: ['5555'], RemotePort: ['Any'], RemoteAddress: ['Any'] },
    { Name: 'Domain', Enabled: 1, DefaultInboundAction: 4, DefaultOutboundAction: 2, AllowLocalFirewallRules: 2 },
  ], null, 2);
  const rs = parseOk(psJsonParser, fromText('mixed.json', text));
  assert.equal(rs.rules.map(summary), ['K2 (TCP 5555-In)|on|in|allow|tcp|5555|any|domain,private,public']);
  assert.is(rs.rules[0]?.source.vendorId, 'K2-In');
  assert.is(rs.rules[0]?.store, 'local');
  assert.equal(rs.profiles?.domain?.inbound, 'block');
  assert.equal(codes(rs.diagnostics), ['PSJSON_STORE_UNKNOWN@-', 'PSJSON_FIELDS_MISSING@-', 'PSJSON_DIRECTION_MISSING@-']);
});

test('{value,Count} around the whole array and unknown objects in it', () => {
  const text = JSON.stringify({ value: [{ Name: 'X', DisplayName: 'X (TCP 1-In)', Enabled: 1, Direction: 1, Action: 2, Protocol: 'TCP', LocalPort: '1' }, 'stray text'], Count: 2 }, null, 1);
  const rs = parseOk(psJsonParser, fromText('wrapped.json', text));
  assert.equal(rs.rules.map(summary), ['X (TCP 1-In)|on|in|allow|tcp|1|any|domain,private,public']);
  assert.equal(rs.rules[0]?.source.path, ['value', '0']);
  const unused = rs.diagnostics.find((d) => d.code === 'PSJSON_UNUSED_VALUE');
  assert.equal(unused?.ref.path, ['value', '1']);
  assertAccounted(rs, text.split('\n').length);
});

test.run();
