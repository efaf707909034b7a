import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { assertAccounted, codes, conditionTexts, parseFixture, ruleAt } from './helpers.js';

const FILE = 'fixtures/netsh/invalid.netsh.txt';

test('invalid values are errors at their line; the rule is kept, uncertain and widened', () => {
  const rs = parseFixture(FILE);
  assert.is(rs.rules.length, 9, 'every rule block is kept');
  assert.equal(codes(rs.diagnostics), [
    'NETSH_DIRECTION_MISSING@-',
    'NETSH_NO_PROFILE_SETTINGS@-',
    'NETSH_UNRECOGNIZED_LINE@1',
    'NETSH_INVALID_PORT@12',
    'NETSH_INVALID_PROTOCOL@25',
    'NETSH_INVALID_ADDRESS@38',
    'NETSH_INVALID_PORT@54',
    'NETSH_INVALID_ADDRESS@66',
    'NETSH_INVALID_VALUE@75',
    'NETSH_UNKNOWN_FIELD@99',
    'NETSH_UNRECOGNIZED_LINE@100',
    'NETSH_MISSING_FIELD@103',
    'NETSH_DUPLICATE_FIELD@125',
  ]);
  const severity = (code: string): string[] => rs.diagnostics.filter((d) => d.code === code).map((d) => d.severity);
  assert.equal(severity('NETSH_INVALID_PORT'), ['error', 'error']);
  assert.equal(severity('NETSH_INVALID_ADDRESS'), ['error', 'error']);
  assert.equal(severity('NETSH_INVALID_PROTOCOL'), ['error']);
  assert.equal(severity('NETSH_UNKNOWN_FIELD'), ['warning']);
  const message = (line: number): string | undefined => rs.diagnostics.find((d) => d.ref.line === line)?.message;
  assert.is(message(12), 'port 70000 out of range 0-65535 in LocalPort');
  assert.is(message(25), 'unknown protocol "tpc"');
  assert.is(message(38), 'invalid address "300.1.1.1" in RemoteIP');
  assert.is(message(54), 'reversed port range "9000-8000" in LocalPort');
});

test('each unreadable field falls back to its widest value plus an "unreadable" condition', () => {
  const rs = parseFixture(FILE);
  const badPort = ruleAt(rs, 3);
  assert.ok(badPort.localPorts.set.isFull());
  assert.equal(conditionTexts(badPort), ['other: unreadable local port "70000"']);
  const badProto = ruleAt(rs, 17);
  assert.ok(badProto.protocols.isFull());
  assert.ok(badProto.localPorts.set.isFull(), 'port lines apply only to a readable TCP/UDP protocol');
  assert.equal(conditionTexts(badProto), ['other: unreadable protocol "tpc"']);
  const badAddr = ruleAt(rs, 31);
  assert.is(formatAddressSet(badAddr.remoteAddresses.set), 'any');
  assert.is(formatPorts(badAddr.localPorts.set), '443');
  assert.equal(conditionTexts(badAddr), ['other: unreadable remote address "300.1.1.1"']);
  assert.equal(conditionTexts(ruleAt(rs, 45)), ['other: unreadable local port "9000-8000"']);
  assert.equal(conditionTexts(ruleAt(rs, 59)), ['other: unreadable remote address "10.0.0.9-10.0.0.1"']);
  const badEnabled = ruleAt(rs, 73);
  assert.is(badEnabled.enabled, true);
  assert.equal(conditionTexts(badEnabled), ['other: unreadable enabled "Maybe"']);
  assert.equal(conditionTexts(ruleAt(rs, 87)), [
    'other: unknown field Local user owner: S-1-5-21-3623811015-3361044348-30300820-1013',
    'other: unreadable line "Stray text without a colon"',
  ]);
  assert.equal(conditionTexts(ruleAt(rs, 103)), ['other: missing action']);
  const dup = ruleAt(rs, 116);
  assert.equal(conditionTexts(dup), ['other: duplicate field Protocol: UDP']);
  assert.is(formatPorts(dup.localPorts.set), '8083', 'the first Protocol line (TCP) is used');
});

test('every line is accounted for; unreadable lines are unsupported', () => {
  const rs = parseFixture(FILE);
  assertAccounted(rs, 131);
  assert.is(rs.accounting.unsupported, 10);
  assert.equal(rs.accounting.ignored, { blank: 10, separator: 9, 'status line': 1 });
});

test.run();
