import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAccounted, codes, conditionTexts, fixtureLines, lineOf, parseFixture, ruleOn, summary } from './helpers.js';

const F = 'fixtures/nft/named-sets.nft';

test('named sets: listed elements are concrete, element-less sets stay symbolic', () => {
  const rs = parseFixture(F);
  assert.is(summary(ruleOn(rs, F, 'ip saddr @admins')), 'in allow accept tcp local any:22 remote 10.0.0.0/8,192.0.2.1-192.0.2.9:any');
  assert.is(summary(ruleOn(rs, F, 'tcp dport @web_ports')), 'in allow accept tcp local any:80,443,8080-8090 remote any:any');
  const blocked = ruleOn(rs, F, 'ip saddr @blocklist');
  assert.equal([blocked.remoteAddresses.set.isEmpty(), blocked.remoteAddresses.symbols, blocked.remoteAddresses.negated], [true, ['nftset:blocklist'], false]);
  assert.is(summary(ruleOn(rs, F, 'ip saddr @recent')), 'in block drop any local any:any remote 198.51.100.7+nftset:recent:any');
  assert.equal(ruleOn(rs, F, 'ip saddr @undefined_set').remoteAddresses.symbols, ['nftset:undefined_set']);
});

test('named sets: a port set without elements makes the rule conditional, never wider-and-certain', () => {
  const rs = parseFixture(F);
  const r = ruleOn(rs, F, 'tcp dport @dyn_ports');
  assert.ok(r.localPorts.set.isFull());
  assert.equal(conditionTexts(r), ['match: tcp dport @dyn_ports']);
});

test('named sets: an undefined set is a warning on its rule; every line is accounted for', () => {
  const rs = parseFixture(F);
  assert.equal(codes(rs.diagnostics), [`NFT_UNDEFINED_SET@${lineOf(F, '@undefined_set accept')}`]);
  assert.is(rs.diagnostics[0]?.severity, 'warning');
  assertAccounted(rs, fixtureLines(F));
  assert.is(rs.accounting.unsupported, 0);
});

test('named sets: JSON set elements (prefix, range, elem with timeout) resolve the same way', () => {
  const rs = parseFixture('fixtures/nft/named-sets.json');
  assert.equal(
    rs.rules.map((r) => summary(r)),
    [
      'in block drop any local any:any remote nftset:blocklist:any',
      'in block drop any local any:any remote 198.51.100.7+nftset:recent:any',
      'in allow accept tcp local any:22 remote 10.0.0.0/8,192.0.2.1-192.0.2.9:any',
      'in allow accept tcp local any:80,443,8080-8090 remote any:any',
      'in allow accept tcp local any:any remote any:any',
    ],
  );
  assert.equal(rs.diagnostics, []);
});

test.run();
