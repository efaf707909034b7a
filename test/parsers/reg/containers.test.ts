import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { regParser } from '../../../parsers/reg/index.js';
import { assertAccounted, codes, describe, loadFixture, parseFatal, parseOk } from '../windows-rule/helpers.js';
import { fromText } from '../../../src/input/decode.js';

const FILE = 'fixtures/reg/containers.reg';

test('service hardening, defaults template, IPsec and unrelated keys are ignored; duplicates keep the last value', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assert.equal(rs.rules.map((r) => `${r.id}: ${describe(r)} (line ${r.source.line})`), ['K2-5555-In: in allow tcp local 5555 remote-port any from any [domain,private,public] (line 33)']);
  assert.equal(codes(rs.diagnostics), [
    'REG_LOCAL_STORE_ONLY@-',
    'REG_DIRECTION_MISSING@-',
    'REG_NO_PROFILE_SETTINGS@-',
    'REG_VALUE_OUTSIDE_KEY@11',
    'REG_SERVICE_HARDENING@17',
    'REG_LEGACY_POLICY@28',
    'REG_DUPLICATE_VALUE@32',
    'REG_NOT_A_RULE@35',
    'REG_SYNTAX@36',
  ]);
  assert.equal(rs.directions, ['in']);
  assert.is(rs.diagnostics.find((d) => d.code === 'REG_DIRECTION_MISSING')?.severity, 'warning');
  assert.is(rs.diagnostics.find((d) => d.code === 'REG_SERVICE_HARDENING')?.severity, 'info');
});

test('every line accounted for, with reasons', () => {
  const rs = parseOk(regParser, loadFixture(FILE));
  assertAccounted(rs, 38);
  assert.equal(rs.accounting, {
    total: 38,
    parsed: 3,
    ignored: {
      comment: 8,
      blank: 9,
      'key outside the firewall policy': 2,
      'service-hardening rule': 4,
      'restore-defaults template': 2,
      'connection security setting': 2,
      'overridden by a later value': 1,
      'value deletion': 1,
      'key deletion': 1,
    },
    unsupported: 5,
  });
});

test('a .reg without any firewall key is rejected with the reg export command', () => {
  const d = parseFatal(regParser, fromText('x.reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\X]\r\n"a"="b"\r\n'));
  assert.equal(codes(d), ['REG_NO_FIREWALL_KEYS@-']);
  assert.ok(d[0]?.message.includes('reg export "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy" fw.reg'));
});

test.run();
