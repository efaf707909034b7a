import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { COLLECT_COMMAND } from '../../../parsers/ps-json/advice.js';
import { assertAccounted, codes, conditionTexts, csvRefusal, parseCsvOk, ruleNamed, summary } from './helpers.js';

test('Export-FirewallRules (";", 31 quoted columns, LF): both directions, bypass, a record spanning two lines', () => {
  const rs = parseCsvOk('fixtures/csv/export-firewallrules.csv');
  assert.equal(rs.directions, ['in', 'out']);
  assert.equal(rs.rules.map(summary), [
    'Networking - Echo Request (ICMPv4-In)|on|in|allow|icmp|any|any|domain',
    'K2 Web (TCP-In)|on|in|allow|tcp|80,443,8000-8010|any|domain,private',
    'Admin bypass (TCP 3389-In)|on|in|bypass|tcp|3389|any|domain,private,public',
    'SMTP relay (TCP-Out)|on|out|allow|tcp|any|25,587|domain,private,public',
    'GRE (47-In)|off|in|allow|gre|any|any|domain,private,public',
  ]);
  assert.equal(rs.rules.map((r) => r.source.line), [2, 3, 5, 6, 7], 'the multi-line Description moves later rows');
  const web = ruleNamed(rs, 'K2 Web (TCP-In)');
  assert.is(web.source.vendorId, 'K2-WEB-In', 'Name is the id when DisplayName exists');
  assert.is(web.raw.split('\n').length, 2);
  assert.equal(web.remoteAddresses.symbols, ['LocalSubnet']);
  assert.is(formatAddressSet(web.remoteAddresses.set), '10.20.0.0/16');
  assert.equal(conditionTexts(ruleNamed(rs, 'Networking - Echo Request (ICMPv4-In)')), ['other: icmp type 8'], 'LocalPort "RPC" on ICMP ignored');
  assert.equal(conditionTexts(ruleNamed(rs, 'GRE (47-In)')), ['service: service RemoteAccess']);
  assert.equal(rs.diagnostics, []);
  assertAccounted(rs, 7);
  assert.is(rs.accounting.parsed, 7);
});

test('Export-Csv of joined filters: the #TYPE line is ignored, store from PolicyStoreSourceType', () => {
  const rs = parseCsvOk('fixtures/csv/export-csv-joined.csv');
  assert.equal(rs.rules.map(summary), [
    'RPC Endpoint Mapper (TCP-In)|on|in|allow|tcp|none+RPC-EPMap|any|domain,private',
    'SQL Server (TCP 1433-In)|on|in|allow|tcp|1433|any|domain',
    'K2 Host Server (TCP-Out)|on|out|block|tcp|any|5252,5555|domain,private,public',
    'Any UDP (In)|off|in|allow|udp|any|any|public',
  ]);
  assert.equal(rs.rules.map((r) => r.store), ['local', 'gpo', 'local', 'local']);
  assert.equal(codes(rs.diagnostics), []);
  assertAccounted(rs, 6);
  assert.equal(rs.accounting.ignored, { 'type information': 1 });
});

test('raw Get-NetFirewallRule | Export-Csv (no port columns) and empty port columns: one error with the command', () => {
  for (const f of ['fixtures/csv/export-csv-raw.csv', 'fixtures/csv/export-csv-empty-ports.csv']) {
    const d = csvRefusal(f);
    assert.is(d.code, 'CSV_NO_PORT_DATA', f);
    assert.ok(d.message.includes(COLLECT_COMMAND));
  }
  assert.is(csvRefusal('fixtures/csv/export-csv-raw.csv').ref.line, 2, 'at the header after #TYPE');
});

test('other vendors\' CSVs are an unsupported layout, never mis-parsed', () => {
  const d = csvRefusal('fixtures/csv/foreign-vendor.csv');
  assert.is(d.code, 'CSV_UNSUPPORTED_LAYOUT');
  assert.ok(d.message.startsWith('unsupported CSV layout (columns "nsg", "rule", "protocol"'));
  const pan = ',Name,Location,Tags,Type,Source Zone,Source Address,Destination Zone,Destination Address,Application,Service,Action\r\n1,a,b,c,universal,z1,any,z2,any,any,SQL,Allow\r\n';
  assert.is(csvRefusal(fromText('pan.csv', pan)).code, 'CSV_UNSUPPORTED_LAYOUT');
  const mangled = '"Name,""Location"",""Protocol"",""Destination Port"",""Tags"""\r\n"SQL,""Shared"",""TCP"",""1433"","""""\r\n';
  assert.ok(csvRefusal(fromText('svc.csv', mangled)).message.includes('"Destination Port"'), 'Excel-mangled lines are unwrapped first');
});

test('a Grafnetter-style join: Port column by direction, missing Enabled/Action columns reported once and made uncertain', () => {
  const text = 'Name,Protocol,Port,Program,RemoteAddress\nLDAP (TCP-In),TCP,389,%systemroot%\\System32\\lsass.exe,Any\n';
  const rs = parseCsvOk(fromText('dc_in.csv', text));
  assert.equal(rs.rules.map(summary), ['LDAP (TCP-In)|on|in|allow|tcp|389|any|domain,private,public']);
  assert.equal(codes(rs.diagnostics), ['CSV_MISSING_COLUMN@1', 'CSV_MISSING_COLUMN@1', 'CSV_COLUMNS_MISSING@1', 'CSV_PORT_COLUMN@1', 'CSV_DIRECTION_ASSUMED@1']);
  assert.equal(conditionTexts(rs.rules[0] ?? (undefined as never)), [
    'other: enabled not stated; assumed true',
    'other: action not stated; assumed allow',
    'program: program %systemroot%\\System32\\lsass.exe',
  ]);
  const out = parseCsvOk(fromText('dc.csv', text), { direction: 'out' });
  assert.equal(out.rules.map(summary), ['LDAP (TCP-In)|on|out|allow|tcp|any|389|domain,private,public'], 'the service port is remote for outbound');
});

test('unknown and repeated columns are reported at the header; unreadable CSV is refused', () => {
  const text = 'Name,Direction,Action,Enabled,Protocol,LocalPort,Colour,LocalPort\nA,Inbound,Allow,True,TCP,80,red,81\n';
  const rs = parseCsvOk(fromText('x.csv', text));
  assert.equal(codes(rs.diagnostics).slice(0, 2), ['CSV_UNKNOWN_COLUMNS@1', 'CSV_DUPLICATE_COLUMN@1']);
  assert.is(rs.diagnostics[0]?.message, 'columns not used: "Colour"');
  assert.equal(rs.rules.map(summary), ['A|on|in|allow|tcp|80|any|domain,private,public'], 'the first LocalPort column is used');
  assert.is(csvRefusal(fromText('bad.csv', 'Name,Direction,Action,LocalPort\n"A,Inbound,Allow,80\n')).code, 'CSV_MALFORMED');
  assert.is(csvRefusal(fromText('empty.csv', '\r\n\r\n')).code, 'CSV_EMPTY');
});

test.run();
