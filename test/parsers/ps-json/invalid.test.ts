import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../../src/model/ip.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { assertAccounted, codes, conditionTexts, loadFixture, parseOk, ruleNamed } from './helpers.js';

const FILE = 'fixtures/ps-json/invalid-values.json';
const parse = () => parseOk(psJsonParser, loadFixture(FILE));

test('invalid values are errors at the line of their JSON member, with the member path', () => {
  const rs = parse();
  assert.is(rs.rules.length, 9, 'every rule is kept');
  assert.equal(codes(rs.diagnostics), [
    'PSJSON_STORE_UNKNOWN@-',
    'PSJSON_DIRECTION_MISSING@-',
    'PSJSON_INVALID_PORT@11',
    'PSJSON_INVALID_PROTOCOL@33',
    'PSJSON_INVALID_ADDRESS@66',
    'PSJSON_INVALID_VALUE@75',
    'PSJSON_MISSING_FIELD@95',
    'PSJSON_INVALID_PORT@125',
    'PSJSON_INVALID_VALUE@146',
    'PSJSON_INVALID_VALUE@185',
    'PSJSON_PORTS_WITHOUT_PROTOCOL@197',
    'PSJSON_INVALID_VALUE@217',
  ]);
  const at = (line: number) => rs.diagnostics.find((d) => d.ref.line === line);
  assert.is(at(11)?.message, 'port 70000 out of range 0-65535 in local port');
  assert.equal(at(11)?.ref.path, ['rules', '0', 'LocalPort']);
  assert.is(at(11)?.ref.vendorId, 'Bad-Port');
  assert.is(at(33)?.message, 'unknown protocol "tpc"');
  assert.is(at(66)?.message, 'invalid address "300.1.1.1" in remote address');
  assert.is(at(125)?.message, 'reversed port range "9000-8000" in local port');
  assert.is(at(146)?.message, 'invalid profile "Office"');
  assert.is(at(217)?.message, 'invalid DefaultInboundAction "7"');
  assert.equal(rs.diagnostics.filter((d) => d.severity === 'error').length, 9);
  assertAccounted(rs, 221);
  assert.is(rs.accounting.unsupported, 8, 'each error member line (the missing Action has no line of its own)');
});

test('each unreadable value falls back to its widest form plus an "unreadable" condition', () => {
  const rs = parse();
  const port = ruleNamed(rs, 'Bad-Port');
  assert.ok(port.localPorts.set.isFull());
  assert.equal(conditionTexts(port), ['other: unreadable local port "70000"']);
  const proto = ruleNamed(rs, 'Bad-Protocol');
  assert.ok(proto.protocols.isFull() && proto.localPorts.set.isFull());
  assert.equal(conditionTexts(proto), ['other: unreadable protocol "tpc"'], 'no second warning about its ports');
  const addr = ruleNamed(rs, 'Bad-Address');
  assert.is(formatAddressSet(addr.remoteAddresses.set), 'any');
  const enabled = ruleNamed(rs, 'Bad-Enabled');
  assert.is(enabled.enabled, true);
  assert.equal(conditionTexts(enabled), ['other: unreadable enabled "Maybe"']);
  assert.equal(conditionTexts(ruleNamed(rs, 'Missing-Action')), ['other: action not stated; assumed allow']);
  assert.equal(ruleNamed(rs, 'Bad-Profile').profiles, ['domain', 'private', 'public']);
  assert.equal(conditionTexts(ruleNamed(rs, 'Bad-Icmp')), ['other: unreadable icmp type "300"']);
  const any = ruleNamed(rs, 'Ports-Without-Protocol');
  assert.ok(any.localPorts.set.isFull());
  assert.equal(conditionTexts(any), ['other: ports "1433" stated without TCP/UDP protocol']);
  assert.is(rs.profiles?.domain?.inbound, undefined, 'an invalid default is left unset');
  assert.is(rs.profiles?.domain?.outbound, 'allow');
});

test.run();
