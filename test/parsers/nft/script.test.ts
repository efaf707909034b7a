import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REASON } from '../../../parsers/nft/sink.js';
import { assertAccounted, codes, conditionTexts, fixtureLines, lineOf, parseFixture, ruleById, summary } from './helpers.js';

const F = 'fixtures/nft/script.nft';

test('script: defines expand (nested), insert goes first, `;` splits statements, braces span lines', () => {
  const rs = parseFixture(F);
  const input = rs.chains?.find((c) => c.key === 'ip filter/INPUT');
  const line = (needle: string) => lineOf(F, needle);
  const two = line('udp dport 161');
  assert.equal(input?.ruleIds, [
    `${F}:${line('insert rule')}`,
    `${F}:${line('$k2_ports')}`,
    `${F}:${two}`,
    `${F}:${two}#2`,
    `${F}:${line('$nosuch')}`,
    `${F}:${line('icmp type {')}`,
  ]);
  assert.is(summary(ruleById(rs, `${F}:${line('$k2_ports')}`)), 'in allow accept tcp local any:5252,5555 remote any:any');
  assert.is(summary(ruleById(rs, `${F}:${two}`)), 'in allow accept tcp local any:22 remote 10.1.0.0-10.2.255.255,192.0.2.10:any');
  assert.is(summary(ruleById(rs, `${F}:${two}#2`)), 'in allow accept udp local any:161 remote 10.1.0.0-10.2.255.255:any');
  assert.is(ruleById(rs, `${F}:${two}#2`).raw, 'add rule ip filter INPUT udp dport 161 ip saddr $mgmt accept');
  const icmp = ruleById(rs, `${F}:${line('icmp type {')}`);
  assert.is(summary(icmp), 'in allow accept icmp local any:any remote any:any');
  assert.equal(conditionTexts(icmp), ['other: icmp type { destination-unreachable, echo-request }']);
  assert.is(icmp.raw, 'add rule ip filter INPUT icmp type { echo-request, destination-unreachable } accept');
  assert.equal(rs.hooks, { in: ['ip filter/INPUT'], out: ['ip filter/OUTPUT'] });
});

test('script: include, undefined variables and delete are reported; the undefined one keeps its rule uncertain', () => {
  const rs = parseFixture(F);
  assert.equal(codes(rs.diagnostics), [
    `NFT_INCLUDE@${lineOf(F, 'include "')}`,
    `NFT_UNDEFINED_VARIABLE@${lineOf(F, '$nosuch')}`,
    `NFT_UNSUPPORTED_COMMAND@${lineOf(F, 'delete rule')}`,
    `NFT_NAT_REDIRECT@${lineOf(F, 'dnat to')}`,
  ]);
  assert.equal(rs.diagnostics.map((d) => d.severity), ['warning', 'error', 'warning', 'info']);
  const r = ruleById(rs, `${F}:${lineOf(F, '$nosuch')}`);
  assert.is(summary(r), 'in allow accept tcp local any:8443 remote any:any');
  assert.equal(conditionTexts(r), ['other: unreadable address "$nosuch"']);
});

test('script: every line is parsed, ignored with a reason, or unsupported', () => {
  const rs = parseFixture(F);
  assertAccounted(rs, fixtureLines(F));
  assert.is(rs.accounting.unsupported, 2);
  assert.is(rs.accounting.ignored[REASON.flush], 1);
  assert.is(rs.accounting.ignored[REASON.nat], 1);
  assert.is(rs.accounting.ignored.comment, 6);
  assert.equal(rs.chains?.find((c) => c.key === 'ip nat/prerouting')?.policy, 'accept');
});

test.run();
