import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode } from '../../../src/input/decode.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { encodeAs, parseOk, REPO, summary } from './helpers.js';

const SOURCE = 'fixtures/ps-json/collect-script.ps.json';
const text = readFileSync(REPO + SOURCE, 'utf8');
const expected = parseOk(psJsonParser, decode(SOURCE, Buffer.from(text, 'utf8')));

test('the script fixture is CRLF UTF-8 without BOM, as the script writes it', () => {
  const bytes = readFileSync(REPO + SOURCE);
  assert.not.ok(bytes[0] === 0xef, 'no BOM');
  assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), 'CRLF only');
});

for (const enc of ['utf-16le', 'utf-16be', 'utf-8-bom', 'utf-8'] as const) {
  for (const eol of ['\r\n', '\n'] as const) {
    test(`${enc} with ${eol === '\n' ? 'LF' : 'CRLF'}: same rules, names with ü/é decoded, same lines`, () => {
      const input = decode('x.json', encodeAs(text.replace(/\r\n/g, eol), enc));
      assert.ok(psJsonParser.detect(input));
      const rs = parseOk(psJsonParser, input);
      assert.equal(rs.rules.map(summary), expected.rules.map(summary));
      assert.equal(rs.rules.map((r) => r.source.line), expected.rules.map((r) => r.source.line));
      assert.ok(rs.rules.some((r) => r.name === 'Überwachung & Sécurité (TCP 9100-In)'));
      assert.not.ok(rs.rules.some((r) => r.raw.includes('\uFEFF')));
    });
  }
}

test('CP1252 (Out-File -Encoding Default in a Western locale): é in a rule name', () => {
  const json = '[\r\n  {"Name": "Sec-In", "DisplayName": "Sécurité (TCP 9100-In)", "Enabled": "True", "Direction": "Inbound",\r\n   "Action": "Allow", "Protocol": "TCP", "LocalPort": ["9100"]}\r\n]\r\n';
  const input = decode('ansi.json', encodeAs(json, 'cp1252'));
  assert.is(input.encoding, 'windows-1252');
  const rs = parseOk(psJsonParser, input);
  assert.is(rs.rules[0]?.name, 'Sécurité (TCP 9100-In)');
  assert.is(rs.accounting.total, 4);
});

test.run();
