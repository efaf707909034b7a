import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REASON } from '../../../parsers/nft/sink.js';
import { assertAccounted, codes, fixtureLines, lineOf, parseFixture, remote, ruleOn } from './helpers.js';

const F = 'fixtures/nft/families.nft';

test('families: ip + ip6 + inet speak for both; family-specific rules see only their family', () => {
  const rs = parseFixture(F);
  assert.equal(rs.families, ['ipv4', 'ipv6']);
  const rules = rs.rules.map((r) => `${r.chain} ${r.action} ${remote(r)}`);
  assert.equal(rules, [
    'inet raw/pre block any',
    'inet late/input block any IPv6',
    'ip filter/input allow any IPv4',
    'ip filter/input block !10.0.0.0/8,any IPv6',
    'ip6 filter/input allow any IPv6',
  ]);
  assert.is(ruleOn(rs, F, 'meta nfproto ipv6').remoteAddresses.negated, false);
});

test('families: an ip/ip6 base chain declares the one family whose packets traverse it; the engine passes the other untouched', () => {
  const rs = parseFixture(F);
  assert.equal(rs.chains?.filter((c) => c.builtin).map((c) => `${c.key}:${(c.families ?? ['all']).join('+')}`), [
    'inet raw/pre:all',
    'inet late/input:all',
    'ip filter/input:ipv4',
    'ip6 filter/input:ipv6',
    'netdev edge/ingress:all',
    'bridge br/forward:all',
  ]);
  assert.not.ok(rs.rules.some((r) => r.id.includes('#other-family')));
});

test('families: base chains on one hook in order (prerouting first, then by priority)', () => {
  const rs = parseFixture(F);
  assert.equal(rs.hooks, { in: ['inet raw/pre', 'ip filter/input', 'ip6 filter/input', 'inet late/input'], out: [] });
  assert.equal(rs.chains?.filter((c) => c.builtin).map((c) => `${c.key}:${c.policy ?? '-'}`), [
    'inet raw/pre:accept',
    'inet late/input:accept',
    'ip filter/input:drop',
    'ip6 filter/input:drop',
    'netdev edge/ingress:accept',
    'bridge br/forward:accept',
  ]);
});

test('families: netdev and bridge tables are ignored with a reason and one info each', () => {
  const rs = parseFixture(F);
  assert.equal(codes(rs.diagnostics), [`NFT_FAMILY_NOT_AUDITED@${lineOf(F, 'chain ingress {')}`, `NFT_FAMILY_NOT_AUDITED@${lineOf(F, 'chain forward {')}`]);
  assert.is(rs.accounting.ignored[REASON.family], 2);
  assertAccounted(rs, fixtureLines(F));
});

test.run();
