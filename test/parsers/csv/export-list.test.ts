import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { assertAccounted, codes, conditionTexts, csvRefusal, parseCsvOk, ruleNamed, summary } from './helpers.js';

const TAB = 'fixtures/csv/export-list.inbound.txt';
const COMMA = 'fixtures/csv/export-list-comma.csv';

test('Export List (tab, trailing tab, blank line after the header): display values, direction from the file name', () => {
  const rs = parseCsvOk(TAB);
  assert.is(rs.semantics, 'windows');
  assert.equal(rs.directions, ['in']);
  assert.equal(rs.rules.map(summary), [
    'Web Server (HTTP/HTTPS-In)|on|in|allow|tcp|80,443|any|domain,private',
    'COM+ (RPC Dynamic Ports-In)|on|in|allow|tcp|none+RPC|any|domain,private,public',
    'RPC Endpoint Mapper (TCP-In)|on|in|allow|tcp|none+RPC-EPMap|any|domain,private,public',
    'K2 Servers override (TCP 5555-In)|on|in|bypass|tcp|5555|any|domain',
    'Block Public (TCP 8080-In)|on|in|block|tcp|8080|any|public',
    'Ping (ICMPv4-In)|off|in|allow|icmp|any|any|domain,private,public',
    '=HYPERLINK("http://evil.example/x","click")|on|in|allow|tcp|7000|any|domain,private,public',
    '@SUM(1+1)|on|in|allow|tcp|7001|any|domain,private,public',
    '+1 (TCP 7002-In)|on|in|allow|tcp|7002|any|domain,private,public',
    '-1 (TCP 7003-In)|on|in|allow|tcp|7003|any|domain,private,public',
    'High ports (TCP-In)|on|in|allow|tcp|49152-65535|any|domain,private,public',
  ]);
  assert.equal(codes(rs.diagnostics), ['CSV_COLUMNS_MISSING@1', 'CSV_DIRECTION_ASSUMED@1']);
  assertAccounted(rs, 13);
  assert.equal(rs.accounting.ignored, { blank: 1 });
});

test('Export List details: Local subnet, Override Yes = bypass, Authorized Computers, address list, positions', () => {
  const rs = parseCsvOk(TAB);
  assert.equal(ruleNamed(rs, 'Web Server (HTTP/HTTPS-In)').remoteAddresses.symbols, ['LocalSubnet']);
  assert.equal(conditionTexts(ruleNamed(rs, 'K2 Servers override (TCP 5555-In)')), ['user: remote computers CONTOSO\\K2Servers']);
  assert.is(formatAddressSet(ruleNamed(rs, 'High ports (TCP-In)').remoteAddresses.set), '10.1.1.1-10.1.1.20,fe80::/64');
  const web = ruleNamed(rs, 'Web Server (HTTP/HTTPS-In)');
  assert.equal(web.source, { file: TAB, line: 3 });
  assert.is(web.id, `${TAB}:3`);
  assert.is(web.raw, 'Web Server (HTTP/HTTPS-In)\tK2\tDomain, Private\tYes\tAllow\tNo\tAny\tAny\tLocal subnet\tTCP\t80, 443\tAny\tAny\tAny\tAny\tAny\tAny\t');
});

test('formula-looking cells are data: kept verbatim as names, never evaluated or stripped', () => {
  const rs = parseCsvOk(TAB);
  const names = rs.rules.map((r) => r.name);
  for (const n of ['=HYPERLINK("http://evil.example/x","click")', '@SUM(1+1)', '+1 (TCP 7002-In)', '-1 (TCP 7003-In)']) assert.ok(names.includes(n), n);
});

test('no Direction column and no hint in the name: one error asking for --direction; --direction wins', () => {
  const d = csvRefusal(COMMA);
  assert.is(d.code, 'CSV_DIRECTION_UNKNOWN');
  assert.ok(d.message.includes('--direction in|out'));
  assert.is(d.ref.line, 1);
  const rs = parseCsvOk(COMMA, { direction: 'out' });
  assert.equal(rs.rules.map(summary), [
    'K2 Host Server (TCP 5555-Out)|on|out|allow|tcp|any|5252,5555|domain,private',
    'Block SMTP (TCP 25-Out)|on|out|block|tcp|any|25|domain,private,public',
  ]);
  assert.is(formatAddressSet(rs.rules[0]?.remoteAddresses.set ?? (undefined as never)), '10.0.0.0/8');
  assert.equal(rs.directions, ['out']);
  const inbound = parseCsvOk(TAB, { direction: 'out' });
  assert.ok(inbound.rules.every((r) => r.direction === 'out'), '--direction overrides the file-name hint');
});

test('the same Export List text under other names: hints _in. / -out. / outbound, none, or both', () => {
  const text = 'Name\tProfile\tEnabled\tAction\tProtocol\tLocal Port\tRemote Port\t\nA\tAll\tYes\tAllow\tTCP\t80\tAny\t\n';
  const dirs = (file: string) => parseCsvOk(fromText(file, text)).directions;
  assert.equal(dirs('C:\\exports\\fw_in.txt'), ['in']);
  assert.equal(dirs('fw-out.csv'), ['out']);
  assert.equal(dirs('K2 outbound rules.txt'), ['out']);
  assert.is(csvRefusal(fromText('login-rules.txt', text)).code, 'CSV_DIRECTION_UNKNOWN');
  assert.is(csvRefusal(fromText('inbound-and-outbound.txt', text)).code, 'CSV_DIRECTION_UNKNOWN');
});

test.run();
