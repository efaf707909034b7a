import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAccounted, codes, conditionTexts, fixtureLines, lineOf, parseFixture, ruleOn, summary } from './helpers.js';

const F = 'fixtures/nft/invalid-values.nft';
const X = 'fixtures/nft/iptables-nft.nft';

test('invalid values: an error with the line, and the rule kept uncertain at its widest set', () => {
  const rs = parseFixture(F);
  const at = (needle: string) => lineOf(F, needle);
  assert.equal(
    rs.diagnostics.map((d) => `${d.severity} ${d.code}@${d.ref.line ?? '-'}`),
    [
      `error NFT_BAD_PORT@${at('70000')}`,
      `error NFT_BAD_PROTOCOL@${at('tpc')}`,
      `error NFT_BAD_ADDRESS@${at('300.1.1.1')}`,
      `error NFT_BAD_VALUE@${at('bogus')}`,
      `warning NFT_UNKNOWN_EXPRESSION@${at('frobnicate')}`,
      `warning NFT_UNDECLARED_CHAIN@${at('jump nowhere')}`,
    ],
  );
  assert.is(rs.diagnostics[0]?.message, 'tcp dport "70000": port 70000 out of range 0-65535');
  const port = ruleOn(rs, F, '70000');
  assert.is(summary(port), 'in allow accept tcp local any:any remote any:any');
  assert.equal(conditionTexts(port), ['other: unreadable port "70000"']);
  assert.equal(conditionTexts(ruleOn(rs, F, 'tpc')), ['other: unreadable protocol "tpc"']);
  assert.ok(ruleOn(rs, F, 'tpc').protocols.isFull());
  assert.equal(conditionTexts(ruleOn(rs, F, '300.1.1.1')), ['other: unreadable address "300.1.1.1"']);
  assert.ok(ruleOn(rs, F, '300.1.1.1').remoteAddresses.set.isAny());
  assert.equal(conditionTexts(ruleOn(rs, F, 'bogus')), ['other: unreadable state "bogus"']);
});

test('invalid values: unknown expressions and undeclared chains never widen a rule', () => {
  const rs = parseFixture(F);
  const unknown = ruleOn(rs, F, 'frobnicate');
  assert.is(summary(unknown), 'in allow accept tcp local any:443 remote any:any');
  assert.equal(conditionTexts(unknown), ['match: frobnicate 7']);
  const jump = ruleOn(rs, F, 'jump nowhere');
  assert.equal([jump.action, jump.target, conditionTexts(jump)], ['block', 'nowhere', ['other: undeclared chain "nowhere"']]);
  assert.equal(conditionTexts(ruleOn(rs, F, 'fib daddr')), ['match: fib daddr type local']);
  assert.equal(conditionTexts(ruleOn(rs, F, 'ether saddr')), ['match: ether saddr 00:11:22:33:44:55']);
  assert.equal(conditionTexts(ruleOn(rs, F, 'meta mark')), ['match: meta mark 0x1']);
  assertAccounted(rs, fixtureLines(F));
});

test('iptables-nft: xt matches are conditions, xt targets are classified, one warning per table', () => {
  const rs = parseFixture(X);
  assert.equal(codes(rs.diagnostics), [
    `NFT_IPTABLES_NFT@${lineOf(X, '# Warning: table ip filter is managed by iptables-nft, do not touch!')}`,
    `NFT_IPTABLES_NFT@${lineOf(X, 'xt target CHECKSUM')}`,
    `NFT_IPTABLES_NFT@${lineOf(X, 'xt match')}`,
  ]);
  const ct = ruleOn(rs, X, 'xt match');
  assert.is(summary(ct), 'in allow accept any local any:any remote any:any');
  assert.equal(conditionTexts(ct), ['match: xt match conntrack']);
  assert.equal([ruleOn(rs, X, 'xt target REJECT').action, ruleOn(rs, X, 'xt target REJECT').target], ['block', 'REJECT']);
  assert.equal([ruleOn(rs, X, 'CHECKSUM').action, ruleOn(rs, X, 'CHECKSUM').direction], ['continue', 'out']);
  assert.equal(rs.hooks, { in: ['ip filter/INPUT'], out: ['ip mangle/OUTPUT'] });
  assertAccounted(rs, fixtureLines(X));
});

test.run();
