import { readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { csvParser } from '../../../parsers/csv/index.js';
import { directionFromName } from '../../../parsers/csv/direction.js';
import { sniffDelimiter, splitLine, unwrapLine } from '../../../parsers/csv/sniff.js';
import { loadFixture, REPO } from './helpers.js';

test('detects every CSV fixture and the cross Export Lists', () => {
  const files = readdirSync(REPO + 'fixtures/csv').filter((f) => !f.endsWith('.md'));
  assert.ok(files.length >= 10);
  for (const f of files) assert.ok(csvParser.detect(loadFixture(`fixtures/csv/${f}`)), f);
  assert.ok(csvParser.detect(loadFixture('fixtures/cross/k2-node.inbound.csv')));
});

test('does not claim netsh, iptables-save, JSON, XML, .reg or PowerShell display text', () => {
  const others = [
    'fixtures/netsh/plain.netsh.txt',
    'fixtures/netsh/verbose.netsh.txt',
    'fixtures/iptables/multiport-iprange.iptables-save',
    'fixtures/iptables/iptables-S.txt',
    'fixtures/ps-json/collect-script.ps.json',
    'fixtures/ps-json/compressed.json',
  ];
  for (const f of others) assert.not.ok(csvParser.detect(loadFixture(f)), f);
  const texts = [
    '<?xml version="1.0" encoding="utf-16"?>\r\n<rsop:GPO xmlns:rsop="x">',
    'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM]\r\n"a"="v2.30|Action=Allow|Active=TRUE|Dir=In|"',
    '\r\nDisplayName : Web (TCP-In)\r\nDirection   : Inbound\r\nAction      : Allow\r\n',
    'Name                DisplayName\r\n----                -----------\r\nA                   B\r\n',
    'Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\nACCEPT     tcp  --  anywhere             anywhere             tcp dpt:ssh\n',
  ];
  for (const t of texts) assert.not.ok(csvParser.detect(fromText('x', t)), t.slice(0, 30));
});

test('sniffing: delimiter outside quotes, quote-aware split, Excel-wrapped lines', () => {
  assert.is(sniffDelimiter('"a;b","c","d"'), ',');
  assert.is(sniffDelimiter('Name\tGroup\tProfile, x\t'), '\t');
  assert.is(sniffDelimiter('"Name";"DisplayName";"Enabled"'), ';');
  assert.equal(splitLine('a,"b,""c""",d', ','), ['a', 'b,"c"', 'd']);
  assert.is(unwrapLine('"SQL,""Shared"",""TCP"""'), 'SQL,"Shared","TCP"');
  assert.is(unwrapLine('"a","b"'), undefined);
});

test('direction hints in file names', () => {
  const cases: [string, string | undefined][] = [
    ['k2-node.inbound.csv', 'in'],
    ['rules_in.txt', 'in'],
    ['C:\\out\\fw-in.csv', 'in'],
    ['fw.out.csv', 'out'],
    ['Outbound Rules.txt', 'out'],
    ['ausgehend.csv', 'out'],
    ['login.csv', undefined],
    ['rules.csv', undefined],
    ['in-and-out.csv', undefined],
  ];
  for (const [name, dir] of cases) assert.is(directionFromName(name), dir, name);
});

test.run();
