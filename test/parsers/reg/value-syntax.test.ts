import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { continues, parseData, splitValueLine } from '../../../parsers/reg/value-syntax.js';
import { registryDword, registryText } from '../../../parsers/windows-rule/registry-data.js';

test('value names and strings unescape \\\\ and \\" only', () => {
  const r = splitValueLine('"a\\"b\\\\c"="v2.30|App=C:\\\\x\\\\y.exe|Name=say \\"hi\\"|"');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.value.name, 'a"b\\c');
  assert.equal(parseData(r.value.data), { ok: true, value: { type: 'sz', text: 'v2.30|App=C:\\x\\y.exe|Name=say "hi"|' } });
  assert.equal(splitValueLine('@="default"'), { ok: true, value: { name: '', data: '"default"' } });
});

test('dword, hex(N) and deletion data', () => {
  assert.equal(parseData('dword:0000021a'), { ok: true, value: { type: 'dword', value: 538 } });
  const hex = parseData('hex(4):01,00,00,00');
  assert.ok(hex.ok && hex.value.type === 'hex' && hex.value.regType === 4 && registryDword(4, hex.value.bytes) === 1);
  const sz = parseData('hex(2):25,00,41,00,00,00');
  assert.ok(sz.ok && sz.value.type === 'hex' && registryText(2, sz.value.bytes) === '%A');
  assert.equal(parseData('-'), { ok: true, value: { type: 'delete' } });
  const plain = parseData('hex:de,ad');
  assert.ok(plain.ok && plain.value.type === 'hex' && plain.value.regType === 3);
});

test('syntax errors are reported, never thrown', () => {
  assert.not.ok(parseData('dword:xyz').ok);
  assert.not.ok(parseData('"unterminated').ok);
  assert.not.ok(parseData('"a" trailing').ok);
  assert.not.ok(parseData('hex:zz').ok);
  assert.not.ok(splitValueLine('name=value').ok);
  assert.not.ok(splitValueLine('"name" value').ok);
});

test('only hex data ending in a backslash continues on the next line', () => {
  assert.ok(continues('hex(2):25,00,\\'));
  assert.not.ok(continues('"C:\\\\dir\\\\"'));
  assert.not.ok(continues('hex(2):25,00'));
});

test.run();
