import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { regParser } from '../../../parsers/reg/index.js';
import { assertAccounted, codes, conditionTexts, loadFixture, parseOk, ruleById } from '../windows-rule/helpers.js';

const FILE = 'fixtures/reg/invalid-values.reg';

test('each invalid value is a diagnostic at its line; every rule is kept and made uncertain', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assert.is(rs.rules.length, 12);
  assert.ok(rs.rules.every((r) => r.conditions.length > 0), 'every rule uncertain');
  assert.equal(codes(rs.diagnostics.filter((d) => d.severity !== 'info')), [
    'WINRULE_INVALID_PORT@10',
    'WINRULE_INVALID_PROTOCOL@11',
    'WINRULE_PORTS_WITHOUT_PROTOCOL@11',
    'WINRULE_INVALID_ADDRESS@12',
    'WINRULE_INVALID_ICMP@13',
    'WINRULE_INVALID_VALUE@14',
    'WINRULE_INVALID_VALUE@15',
    'WINRULE_MISSING_FIELD@16',
    'WINRULE_MALFORMED_FIELD@17',
    'WINRULE_INVALID_PORT@18',
    'WINRULE_UNKNOWN_VERSION@19',
    'WINRULE_UNKNOWN_NARROWING_KEY@20',
    'WINRULE_PORTS_WITHOUT_PROTOCOL@21',
    'WINPROFILE_INVALID_VALUE@24',
  ]);
  assert.ok(rs.diagnostics.find((d) => d.code === 'WINRULE_INVALID_PORT')?.message.includes('70000'));
  assert.ok(ruleById(rs, 'bad-port').localPorts.set.isFull(), 'widest value');
  assert.ok(ruleById(rs, 'bad-address').remoteAddresses.set.isAny());
  assert.equal(conditionTexts(ruleById(rs, 'reversed')), ['other: unreadable local port "9000-8000"']);
  assert.is(ruleById(rs, 'no-dir').direction, 'in');
  assert.equal(rs.profiles?.domain?.inbound, undefined);
});

test('lines with errors or warnings count as unsupported', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assertAccounted(rs, 24);
  assert.equal(rs.accounting, { total: 24, parsed: 3, ignored: { comment: 6, blank: 2 }, unsupported: 13 });
});

test.run();
