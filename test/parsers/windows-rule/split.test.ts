import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isRuleString, splitRuleString } from '../../../parsers/windows-rule/split.js';

test('splits on | and each field at its FIRST =, keeping repeated and interleaved keys in order', () => {
  const s = splitRuleString('v2.30|Action=Allow|LPort=5000|LPort=7000|LPort2_10=7200-17210|LPort=8888|Desc=a=b=c|RUAuth=O:LSD:(A;;CC;;;S-1-1-0)|');
  assert.is(s.version, 'v2.30');
  assert.equal(s.fields.map((f) => `${f.key}:${f.value}`), [
    'Action:Allow',
    'LPort:5000',
    'LPort:7000',
    'LPort2_10:7200-17210',
    'LPort:8888',
    'Desc:a=b=c',
    'RUAuth:O:LSD:(A;;CC;;;S-1-1-0)',
  ]);
  assert.equal(s.malformed, []);
});

test('empty elements are skipped; elements without "Key=" are malformed; a missing version is undefined', () => {
  const s = splitRuleString('Action=Block||Dir=In|junk|=x|Name=|');
  assert.is(s.version, undefined);
  assert.equal(s.fields.map((f) => `${f.key}:${f.value}`), ['Action:Block', 'Dir:In', 'Name:']);
  assert.equal(s.malformed, ['junk', '=x']);
});

test('a string without the trailing | still yields its last field', () => {
  assert.equal(splitRuleString('v2.10|Action=Allow|Dir=Out').fields.map((f) => f.key), ['Action', 'Dir']);
});

test('isRuleString needs "v<major>.<minor>|" at the start', () => {
  assert.ok(isRuleString('v2.33|Action=Allow|'));
  assert.ok(isRuleString('V2.10|'));
  assert.not.ok(isRuleString('Action=Allow|'));
  assert.not.ok(isRuleString('hello'));
  assert.not.ok(isRuleString(' v2.30|'));
});

test.run();
