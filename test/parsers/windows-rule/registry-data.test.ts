import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { registryDataText, registryDword, registryText } from '../../../parsers/windows-rule/registry-data.js';

test('REG_SZ / REG_EXPAND_SZ are UTF-16LE without the trailing NUL; other types are no text', () => {
  const data = Buffer.from('v2.30|Action=Allow|\0', 'utf16le');
  assert.is(registryText(1, data), 'v2.30|Action=Allow|');
  assert.is(registryText(2, data), 'v2.30|Action=Allow|');
  assert.is(registryText(3, data), undefined);
});

test('REG_DWORD little-endian, REG_DWORD_BIG_ENDIAN, wrong sizes rejected', () => {
  assert.is(registryDword(4, Uint8Array.from([0x1a, 0x02, 0, 0])), 538);
  assert.is(registryDword(5, Uint8Array.from([0, 0, 0x02, 0x1a])), 538);
  assert.is(registryDword(4, Uint8Array.from([0xff, 0xff, 0xff, 0xff])), 0xffffffff);
  assert.is(registryDword(4, Uint8Array.from([1, 0])), undefined);
  assert.is(registryDword(1, Uint8Array.from([1, 0, 0, 0])), undefined);
  assert.is(registryDataText(3, Uint8Array.from([1, 2])), 'type 3, 2 bytes');
});

test.run();
