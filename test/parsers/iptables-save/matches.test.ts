import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAccounted, codes, conditionTexts, fixtureLines, lineOf, parseFixture, parseText, ruleOn, summary } from './helpers.js';

test('opaque matches keep the rule and carry the module with its options as a Condition', () => {
  const F = 'fixtures/iptables/opaque-matches.iptables-save';
  const rs = parseFixture(F);
  const set = ruleOn(rs, F, '--set --name SSH');
  assert.equal([set.action, set.target], ['continue', undefined]);
  assert.equal(conditionTexts(set), ['match: -m recent --set --name SSH --rsource']);
  assert.equal(conditionTexts(ruleOn(rs, F, '--update')), ['match: -m recent --update --seconds 60 --hitcount 4 --name SSH --rsource']);
  assert.equal(conditionTexts(ruleOn(rs, F, '--limit 3/min')), ['match: -m limit --limit 3/min --limit-burst 10']);
  assert.equal(conditionTexts(ruleOn(rs, F, '--mac-source')), ['match: -m mac --mac-source 00:11:22:33:44:55']);
  const hash = ruleOn(rs, F, 'hashlimit');
  assert.equal([summary(hash), conditionTexts(hash)], ['in allow ACCEPT tcp local any:80,443 remote any:any', ['match: -m hashlimit --hashlimit-upto 50/sec --hashlimit-mode srcip --hashlimit-name web']]);
  assert.equal(conditionTexts(ruleOn(rs, F, '--uid-owner')), ['match: -m owner --uid-owner 1000']);
  const log = ruleOn(rs, F, '-j LOG');
  assert.equal([log.action, log.target, conditionTexts(log)], ['continue', 'LOG', ['match: -m limit --limit 5/min']]);
});

test('unknown options, matches and targets are warnings; an unknown target blocks conditionally', () => {
  const F = 'fixtures/iptables/opaque-matches.iptables-save';
  const rs = parseFixture(F);
  assert.equal(codes(rs.diagnostics.filter((d) => d.severity === 'warning')), [
    `IPT_UNKNOWN_OPTION@${lineOf(F, '--something-else')}`,
    `IPT_UNKNOWN_TARGET@${lineOf(F, 'NOSUCHTARGET')}`,
    `IPT_UNKNOWN_MATCH@${lineOf(F, '-m foo')}`,
  ]);
  const other = ruleOn(rs, F, '--something-else');
  assert.equal([summary(other), conditionTexts(other)], ['in allow ACCEPT tcp local any:8888 remote any:any', ['match: --something-else']]);
  const unknown = ruleOn(rs, F, 'NOSUCHTARGET');
  assert.equal([unknown.action, unknown.target, conditionTexts(unknown)], ['block', 'NOSUCHTARGET', ['other: unknown target "NOSUCHTARGET"']]);
  assert.equal(conditionTexts(ruleOn(rs, F, '-m foo')), ['match: -m foo --bar 1']);
  assertAccounted(rs, fixtureLines(F));
});

test('invalid values are errors with lines; the rule stays with an "unreadable" Condition and the widest set', () => {
  const F = 'fixtures/iptables/invalid-values.iptables-save';
  const rs = parseFixture(F);
  const errors = rs.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(codes(errors), [
    `IPT_BAD_PORT@${lineOf(F, '70000')}`,
    `IPT_BAD_ADDRESS@${lineOf(F, '300.1.1.1')}`,
    `IPT_BAD_PROTOCOL@${lineOf(F, '-p tpc')}`,
    `IPT_BAD_PORT@${lineOf(F, 'nosuchsvc')}`,
    `IPT_BAD_VALUE@${lineOf(F, 'SYNN')}`,
    `IPT_BAD_VALUE@${lineOf(F, 'NEWISH')}`,
    `IPT_UNREADABLE_LINE@${lineOf(F, 'hello world')}`,
  ]);
  assert.is(errors[0]?.message, '--dport "70000": port 70000 out of range 0-65535');
  assert.is(errors[2]?.message, 'unknown protocol "tpc"');
  const port = ruleOn(rs, F, '70000');
  assert.equal([summary(port), conditionTexts(port)], ['in allow ACCEPT tcp local any:any remote any:any', ['other: unreadable port "70000"']]);
  assert.is(summary(ruleOn(rs, F, '-p tpc')), 'in allow ACCEPT any local any:80 remote any:any');
  assert.equal(conditionTexts(ruleOn(rs, F, 'NEWISH')), ['other: unreadable state "NEWISH"']);
  const last = lineOf(F, 'unterminated');
  assert.equal(codes(rs.diagnostics.filter((d) => d.severity === 'warning')), [
    `IPT_UNSUPPORTED_COMMAND@${lineOf(F, '-D INPUT')}`,
    `IPT_UNTERMINATED_QUOTE@${last}`,
    `IPT_MISSING_COMMIT@${last}`,
  ]);
  assert.is(rs.accounting.unsupported, 2);
  assertAccounted(rs, fixtureLines(F));
});

test('targets: verdicts, REJECT options, RETURN, QUEUE/NFQUEUE, no target, NAT target outside nat', () => {
  const rs = parseText([
    '*filter', ':INPUT DROP [0:0]', ':X - [0:0]',
    '-A INPUT -p tcp --dport 1 -j REJECT --reject-with tcp-reset',
    '-A INPUT -p tcp --dport 2 -j NFQUEUE --queue-num 0',
    '-A INPUT -p tcp --dport 3 -j QUEUE',
    '-A INPUT -p tcp --dport 4',
    '-A INPUT -p tcp --dport 5 -j DNAT --to-destination 1.2.3.4',
    '-A INPUT -p tcp --dport 6 -j MARK --set-mark 1',
    '-A INPUT -j X',
    '-A X -j RETURN',
    'COMMIT',
  ].join('\n'));
  assert.equal(rs.rules.map((r) => `${r.action} ${r.target ?? '-'} ${r.conditions.map((c) => c.text).join('|')}`), [
    'block REJECT ',
    'allow NFQUEUE verdict from userspace queue',
    'allow QUEUE verdict from userspace queue',
    'continue - ',
    'block DNAT unknown target "DNAT"',
    'continue MARK ',
    'jump X ',
    'return RETURN ',
  ]);
  assert.ok(rs.diagnostics.some((d) => d.code === 'IPT_UNKNOWN_TARGET' && d.message === 'unknown target "DNAT" outside the nat table (table filter)'));
});

test('ICMP types are Conditions on ICMP rules only; comments name the rule', () => {
  const rs = parseText(['*filter', ':INPUT DROP [0:0]',
    '-A INPUT -p icmp -m icmp --icmp-type 8 -m comment --comment "ping in" -j ACCEPT',
    '-A INPUT -p icmp -m icmp ! --icmp-type 3 -j ACCEPT',
    'COMMIT'].join('\n'));
  assert.equal(rs.rules.map((r) => [r.name, conditionTexts(r)]), [
    ['ping in', ['other: icmp-type 8']],
    ['filter/INPUT rule 2', ['other: icmp-type !3']],
  ]);
});

test('a rule with a multi-dimension conntrack option keeps what it can read and a Condition for the rest', () => {
  const rs = parseText('*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp -m conntrack --ctstate NEW --ctstatus ASSURED --ctdir ORIGINAL --ctorigdst 10.0.0.1 -j ACCEPT\nCOMMIT');
  const r = rs.rules[0];
  assert.ok(r !== undefined);
  assert.is(summary(r), 'in allow ACCEPT tcp local 10.0.0.1:any remote any:any');
  assert.equal(conditionTexts(r), ['match: -m conntrack --ctstatus ASSURED --ctdir ORIGINAL']);
});

test.run();
