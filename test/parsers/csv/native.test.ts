import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { assertAccounted, codes, conditionTexts, parseCsvOk, ruleNamed, summary } from './helpers.js';

test('native CSV without policy rows: Windows semantics; ; lists, P:Q ranges, 1/0, interface, profile list', () => {
  const rs = parseCsvOk('fixtures/csv/native.csv');
  assert.is(rs.semantics, 'windows');
  assert.is(rs.chains, undefined);
  assert.equal(rs.rules.map(summary), [
    'K2 host server|on|in|allow|tcp|5252,5555|any|domain,private',
    'Block 8888|on|in|block|tcp|8888|any|domain,private,public',
    'K2 smartforms|on|in|allow|tcp|8080,8888|any|domain,private,public',
    'High ports|off|in|allow|udp|49152-65535|any|domain,private,public',
    'SMTP out|on|out|block|tcp|any|25|domain,private,public',
    'Ping|on|in|allow|icmp|any|any|domain,private,public',
  ]);
  assert.is(formatAddressSet(ruleNamed(rs, 'K2 host server').remoteAddresses.set), '10.0.0.0/8');
  assert.equal(conditionTexts(ruleNamed(rs, 'K2 smartforms')), ['interface: interface eth1']);
  assert.equal(codes(rs.diagnostics), ['CSV_NATIVE_SEMANTICS@3']);
  assertAccounted(rs, 9);
  assert.equal(rs.accounting.ignored, { comment: 2 });
});

test('native CSV with policy rows: first-match chains filter/INPUT and filter/OUTPUT in `order`', () => {
  const rs = parseCsvOk('fixtures/csv/native-policy.csv');
  assert.is(rs.semantics, 'first-match');
  assert.equal(rs.rules.map((r) => `${r.chain} ${r.name}`), [
    'filter/INPUT block telnet',
    'filter/INPUT allow ssh from admin net',
    'filter/INPUT allow web',
    'filter/OUTPUT unordered',
  ]);
  const [input, output] = rs.chains ?? [];
  assert.equal(input, {
    key: 'filter/INPUT',
    table: 'filter',
    name: 'INPUT',
    builtin: true,
    policy: 'drop',
    source: { file: 'fixtures/csv/native-policy.csv', line: 4 },
    ruleIds: ['fixtures/csv/native-policy.csv:7', 'fixtures/csv/native-policy.csv:8', 'fixtures/csv/native-policy.csv:6'],
  });
  assert.is(output?.policy, 'accept');
  assert.equal(output?.ruleIds, ['fixtures/csv/native-policy.csv:10']);
  assert.equal(codes(rs.diagnostics), ['CSV_NATIVE_SEMANTICS@3', 'CSV_FORWARD_IGNORED@9', 'CSV_INVALID_VALUE@10']);
  assert.equal(conditionTexts(ruleNamed(rs, 'unordered')), ['other: unreadable order']);
  assertAccounted(rs, 11);
  assert.equal(rs.accounting.ignored, { comment: 2, 'forward rule not evaluated': 1, blank: 1 });
});

test('policy rows: a missing direction is reported (accept), invalid and repeated rows are errors/warnings', () => {
  const text = 'order,name,direction,action,protocol,local_ports\npolicy,,in,deny,,\npolicy,,in,allow,,\npolicy,,up,deny,,\n1,ssh,in,allow,tcp,22\n';
  const rs = parseCsvOk(fromText('n.csv', text));
  assert.equal(codes(rs.diagnostics), ['CSV_POLICY_MISSING@-', 'CSV_MISSING_COLUMN@1', 'CSV_NATIVE_SEMANTICS@1', 'CSV_DUPLICATE_POLICY@3', 'CSV_INVALID_VALUE@4']);
  assert.is(rs.chains?.[0]?.policy, 'drop');
  assert.is(rs.chains?.[1]?.policy, undefined);
});

test.run();
