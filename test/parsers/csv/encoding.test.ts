import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode } from '../../../src/input/decode.js';
import { csvParser } from '../../../parsers/csv/index.js';
import { encodeAs, parseCsvOk, REPO, summary } from './helpers.js';

const SOURCE = 'fixtures/csv/export-list.inbound.txt';
const text = readFileSync(REPO + SOURCE, 'utf8');
const expected = parseCsvOk(SOURCE);

for (const enc of ['utf-16le', 'utf-16be', 'utf-8-bom', 'utf-8'] as const) {
  for (const eol of ['\r\n', '\n'] as const) {
    test(`Export List as ${enc} with ${eol === '\n' ? 'LF' : 'CRLF'} ("Unicode Text" is UTF-16LE): same rules and lines`, () => {
      const input = decode('fw.inbound.txt', encodeAs(text.replace(/\r\n/g, eol), enc));
      assert.ok(csvParser.detect(input));
      const rs = parseCsvOk(input);
      assert.equal(rs.rules.map(summary), expected.rules.map(summary));
      assert.equal(rs.rules.map((r) => r.source.line), expected.rules.map((r) => r.source.line));
      assert.not.ok(rs.rules.some((r) => r.raw.includes('\r') || r.name.includes('\uFEFF')));
      assert.is(rs.accounting.total, 13);
    });
  }
}

test('ANSI (CP1252) Export List: é in a rule name survives; a UTF-8 BOM before a quoted header is not a cell', () => {
  const ansi = 'Name\tProfile\tEnabled\tAction\tProtocol\tLocal Port\tRemote Port\t\r\nSécurité (TCP 9100-In)\tAll\tYes\tAllow\tTCP\t9100\tAny\t\r\n';
  const input = decode('ansi_in.txt', encodeAs(ansi, 'cp1252'));
  assert.is(input.encoding, 'windows-1252');
  assert.is(parseCsvOk(input).rules[0]?.name, 'Sécurité (TCP 9100-In)');
  const bom = '"Name","DisplayName","Enabled","Direction","Action","Protocol","LocalPort"\r\n"a","Sécurité","True","Inbound","Allow","TCP","80"\r\n';
  const rs = parseCsvOk(decode('bom.csv', encodeAs(bom, 'utf-8-bom')));
  assert.equal(rs.rules.map(summary), ['Sécurité|on|in|allow|tcp|80|any|domain,private,public']);
  assert.is(rs.rules[0]?.source.vendorId, 'a');
});

test.run();
