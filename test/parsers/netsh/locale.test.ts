import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { netshParser } from '../../../parsers/netsh/index.js';
import { assertAccounted, codes, conditionTexts, loadFixture, parseFixture, ruleAt } from './helpers.js';

test('German dump: labels, values and allprofiles map to the same model as English', () => {
  const rs = parseFixture('fixtures/netsh/german.netsh.txt');
  assert.equal(rs.rules.map((r) => r.source.line), [2, 22, 42, 61, 80]);
  const dns = ruleAt(rs, 2);
  assert.is(dns.name, 'Kernnetzwerk - DNS (UDP ausgehend)');
  assert.is(dns.direction, 'out', '"Richtung: Aus" is outbound');
  assert.is(formatPorts(dns.remotePorts.set), '53');
  assert.ok(dns.localPorts.set.isFull(), '"Beliebig" is any');
  assert.equal(dns.profiles, ['domain', 'private', 'public']);
  assert.is(dns.store, 'local');
  assert.equal(conditionTexts(dns), ['program: program %SystemRoot%\\system32\\svchost.exe', 'service: service dnscache']);
  assert.equal(ruleAt(rs, 22).profiles, ['domain', 'private']);
  const k2 = ruleAt(rs, 42);
  assert.is(formatAddressSet(k2.remoteAddresses.set), '10.0.0.0/8');
  assert.equal(k2.remoteAddresses.symbols, ['LocalSubnet']);
  assert.is(k2.store, 'gpo');
  assert.equal(k2.conditions, [], 'Nicht erforderlich / Beliebig do not narrow');
  const echo = ruleAt(rs, 61);
  assert.is(echo.enabled, false);
  assert.equal(echo.profiles, ['public']);
  assert.equal(conditionTexts(echo), ['other: icmp type 8 code Any', 'program: program System']);
  assert.is(ruleAt(rs, 80).action, 'block');
  assert.equal(
    Object.entries(rs.profiles ?? {}).map(([p, s]) => `${p}:${s?.enabled}:${s?.inbound}:${s?.outbound}:${s?.source?.line}`),
    ['domain:true:block:allow:100', 'private:true:block:allow:116', 'public:false:block:allow:132'],
  );
  assert.equal(rs.diagnostics, []);
  assertAccounted(rs, 149);
  assert.is(rs.accounting.unsupported, 0);
});

test('unknown locale (French): ok:false with one error at the first label, one line of advice', () => {
  const input = loadFixture('fixtures/netsh/french.netsh.txt');
  assert.ok(netshParser.detect(input), 'detected, so the user gets this message instead of "unknown format"');
  const r = netshParser.parse(input, {});
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.is(r.diagnostics.length, 1);
  const d = r.diagnostics[0];
  assert.is(d?.severity, 'error');
  assert.is(d?.code, 'NETSH_UNSUPPORTED_LOCALE');
  assert.equal(d?.ref, { file: 'fixtures/netsh/french.netsh.txt', line: 2 });
  assert.ok(d?.message.includes('"Nom de la règle"'));
  assert.ok(d?.message.includes('Get-NetFirewallRule -PolicyStore ActiveStore'));
  assert.ok(d?.message.includes('ConvertTo-Json (see README), or reg export'));
  assert.not.ok(/[\r\n]/.test(d?.message ?? ''), 'one line');
});

test('"No rules match" gives zero rules and an info; --direction says what the export covers', () => {
  const rs = parseFixture('fixtures/netsh/no-rules.netsh.txt');
  assert.equal(rs.rules, []);
  assert.equal(rs.directions, []);
  assert.equal(codes(rs.diagnostics), ['NETSH_NO_PROFILE_SETTINGS@-', 'NETSH_NO_RULES_MATCH@2']);
  assert.equal(rs.diagnostics.map((d) => d.severity), ['info', 'info']);
  assertAccounted(rs, 3);
  assert.equal(parseFixture('fixtures/netsh/no-rules.netsh.txt', { direction: 'in' }).directions, ['in']);
});

test('text without any netsh structure is rejected', () => {
  const r = netshParser.parse(fromText('x.txt', 'hello\nworld\n'), {});
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.equal(codes(r.diagnostics), ['NETSH_NO_CONTENT@-']);
});

test.run();
