import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode, fromText } from '../../../src/input/decode.js';
import { nftParser } from '../../../parsers/nft/index.js';
import { iptablesSaveParser } from '../../../parsers/iptables-save/index.js';
import { loadFixture } from './helpers.js';

const detect = (text: string) => nftParser.detect(fromText('t', text));

test('detect: nft -j JSON needs the top-level {"nftables": [ shape', () => {
  assert.ok(detect('{"nftables": [{"metainfo": {"version": "1.0.6"}}]}'));
  assert.ok(detect('\n  {\n  "nftables" : [\n'));
  assert.ok(nftParser.detect(loadFixture('fixtures/nft/filter-input.json')));
  // PowerShell Get-NetFirewallRule | ConvertTo-Json: an array or an object of other keys.
  assert.not.ok(detect('[{"Name": "x", "DisplayName": "y", "Direction": 1}]'));
  assert.not.ok(detect('{"Name": "x", "nftables": []}'));
  assert.not.ok(detect('{"nftables": {"table": 1}}'));
  assert.not.ok(detect('{"rules": [{"nftables": []}]}'));
});

test('detect: nft text and nft scripts, never iptables-save or netsh text', () => {
  assert.ok(detect('table inet filter {\n\tchain input {\n'));
  assert.ok(detect('# comment\n\ntable nat {\n'));
  assert.ok(detect('#!/usr/sbin/nft -f\n'));
  assert.ok(detect('flush ruleset\n'));
  assert.ok(detect('define x = 1\n'));
  assert.ok(detect('# Translated by iptables-restore-translate v1.8.9 on Sat\nadd table ip raw\n'));
  for (const f of ['fixtures/nft/script.nft', 'fixtures/nft/vmap-jumps.nft', 'fixtures/nft/families.nft']) assert.ok(nftParser.detect(loadFixture(f)), f);
  assert.not.ok(detect('*filter\n:INPUT DROP [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n'));
  assert.not.ok(detect('Rule Name:    x\n----------\nEnabled: Yes\n'));
  assert.not.ok(detect('tables are nice {\n'));
  assert.not.ok(detect(''));
  assert.not.ok(nftParser.detect(decode('b', new Uint8Array([0, 1, 2, 0, 0, 7]))));
  assert.not.ok(iptablesSaveParser.detect(loadFixture('fixtures/nft/script.nft')));
  assert.not.ok(iptablesSaveParser.detect(loadFixture('fixtures/nft/filter-input.nft')));
});

test('parse: empty and unreadable inputs are ok:false with a code', () => {
  const empty = nftParser.parse(fromText('e.nft', '  \n'), {});
  assert.equal(empty.ok ? [] : empty.diagnostics.map((d) => d.code), ['NFT_EMPTY']);
  const bad = nftParser.parse(fromText('b.json', '{"nftables": [ {"table": '), {});
  assert.equal(bad.ok ? [] : bad.diagnostics.map((d) => d.code), ['NFT_BAD_JSON']);
});

test.run();
