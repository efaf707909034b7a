import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stateEffect } from '../../../parsers/iptables-save/match-state.js';
import { assertAccounted, conditionTexts, fixtureLines, parseFixture, ruleOn, summary } from './helpers.js';

const F = 'fixtures/iptables/conntrack-state.iptables-save';

test('state: ESTABLISHED,RELATED never opens a connection; NEW and "! INVALID" match the opening packet', () => {
  const rs = parseFixture(F);
  assert.is(ruleOn(rs, F, '--state RELATED,ESTABLISHED').neverNew, true);
  assert.is(ruleOn(rs, F, '-A OUTPUT -m conntrack --ctstate ESTABLISHED').neverNew, true);
  const fresh = ruleOn(rs, F, '--dport 5252');
  assert.is(fresh.neverNew, undefined);
  assert.equal(fresh.conditions, []);
  assert.is(ruleOn(rs, F, '! --ctstate INVALID').neverNew, undefined);
});

test('state: DNAT-only and "! NEW" (untracked packets) stay uncertain with the match as Condition', () => {
  const rs = parseFixture(F);
  const dnat = ruleOn(rs, F, '--ctstate DNAT');
  assert.is(dnat.neverNew, undefined);
  assert.equal(conditionTexts(dnat), ['match: -m conntrack --ctstate DNAT']);
  assert.equal(conditionTexts(ruleOn(rs, F, '! --ctstate NEW')), ['match: -m conntrack ! --ctstate NEW']);
});

test('conntrack --ctproto/--ctorigsrcport/--ctorigdstport are the protocol and ports', () => {
  const rs = parseFixture(F);
  assert.is(summary(ruleOn(rs, F, '--ctorigdstport 67')), 'in allow ACCEPT udp local any:67 remote any:68');
});

test('tcp flags are judged on the SYN: --syn matches, ! --syn and failing --tcp-flags never open', () => {
  const rs = parseFixture(F);
  assert.is(summary(ruleOn(rs, F, '--syn --dport 5560')), 'in allow ACCEPT tcp local any:5560 remote any:any');
  assert.is(ruleOn(rs, F, '! --syn').neverNew, true);
  assert.is(ruleOn(rs, F, '--tcp-flags SYN,ACK ACK').neverNew, true);
  assert.is(ruleOn(rs, F, '! --tcp-flags SYN,RST SYN').neverNew, true);
});

test('fragments, packet types and rpfilter', () => {
  const rs = parseFixture(F);
  assert.is(ruleOn(rs, F, '-A INPUT -f -j DROP').neverNew, true);
  assert.is(summary(ruleOn(rs, F, '! -f')), 'in allow ACCEPT udp local any:123 remote any:any');
  assert.is(ruleOn(rs, F, '--pkt-type broadcast').neverNew, true);
  assert.is(summary(ruleOn(rs, F, '--pkt-type unicast')), 'in allow ACCEPT tcp local any:443 remote any:any');
  assert.is(ruleOn(rs, F, '--invert').neverNew, true);
  const plain = ruleOn(rs, F, '-m rpfilter -p tcp');
  assert.is(plain.neverNew, undefined);
  assert.equal(plain.conditions, []);
  assertAccounted(rs, fixtureLines(F));
});

test('stateEffect: the opening packet is NEW (plus SNAT/DNAT bits for conntrack), untracked packets are separate', () => {
  assert.is(stateEffect('NEW,ESTABLISHED', false, true), 'none');
  assert.is(stateEffect('ESTABLISHED,RELATED', false, false), 'never-new');
  assert.is(stateEffect('NEW', true, true), 'uncertain');
  assert.is(stateEffect('INVALID', true, false), 'none');
  assert.is(stateEffect('UNTRACKED', false, true), 'uncertain');
  assert.is(stateEffect('DNAT', true, true), 'uncertain');
  assert.is(stateEffect('DNAT', false, false), undefined);
  assert.is(stateEffect('NEWISH', false, true), undefined);
});

test.run();
