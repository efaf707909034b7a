import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode } from '../../../src/input/decode.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { netshParser } from '../../../parsers/netsh/index.js';
import { assertAccounted, parseFixture, REPO } from './helpers.js';

const UTF16 = 'fixtures/netsh/utf16le-bom-crlf.netsh.txt';
const SOURCE = 'fixtures/netsh/german.netsh.txt';

test('the UTF-16LE fixture is exactly the BOM + CRLF conversion of its UTF-8 source', () => {
  const bytes = readFileSync(REPO + UTF16);
  const source = readFileSync(REPO + SOURCE, 'utf8');
  const expected = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
  assert.ok(bytes.equals(expected), 'run: node fixtures/netsh/make-utf16.mjs');
});

test('decode() reads UTF-16LE with BOM and CRLF; the parser sees the same rules as in UTF-8', () => {
  const input = decode(UTF16, readFileSync(REPO + UTF16));
  assert.is(input.encoding, 'utf-16le');
  assert.is(input.text.charCodeAt(0), 0x0d, 'BOM removed');
  assert.ok(netshParser.detect(input));
  const r = netshParser.parse(input, {});
  assert.ok(r.ok);
  if (!r.ok) return;
  const utf8 = parseFixture(SOURCE);
  const summary = (rs: typeof utf8): string[] =>
    rs.rules.map((x) => `${x.source.line}|${x.name}|${x.direction}|${x.profiles.join(',')}|${formatPorts(x.localPorts.set)}`);
  assert.equal(summary(r.ruleSet), summary(utf8));
  assert.is(r.ruleSet.rules[3]?.name, 'Datei- und Druckerfreigabe (Echoanforderung - ICMPv4 eingehend)');
  assert.equal(r.ruleSet.rules[0]?.profiles, ['domain', 'private', 'public'], 'Domäne/Öffentlich decoded');
  assert.is(r.ruleSet.profiles?.public?.enabled, false);
  assert.not.ok(r.ruleSet.rules.some((x) => x.raw.includes('\r')));
  assertAccounted(r.ruleSet, 149);
});

test.run();
