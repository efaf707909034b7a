import { readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { regParser } from '../../../parsers/reg/index.js';
import { asUtf16, loadFixture, REPO } from '../windows-rule/helpers.js';

test('detects every .reg fixture, in UTF-8 and as UTF-16LE + BOM', () => {
  const files = readdirSync(`${REPO}fixtures/reg`).filter((f) => f.endsWith('.reg')).map((f) => `fixtures/reg/${f}`);
  files.push('fixtures/cross/k2-node.reg');
  assert.is(files.length, 5);
  for (const f of files) {
    assert.ok(regParser.detect(loadFixture(f)), f);
    assert.ok(regParser.detect(asUtf16(f)), `${f} utf-16`);
  }
});

test('needs the regedit header as the first line; other formats are not claimed', () => {
  assert.ok(regParser.detect(fromText('a', '\r\nREGEDIT4\r\n')));
  assert.not.ok(regParser.detect(fromText('a', '; comment\r\nWindows Registry Editor Version 5.00\r\n')));
  assert.not.ok(regParser.detect(fromText('a', 'Rule Name: x\n----------\n')));
  assert.not.ok(regParser.detect(fromText('a', '<?xml version="1.0"?><GPO/>')));
  assert.not.ok(regParser.detect(fromText('a', '')));
});

test.run();
