import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readPolFile } from '../../../parsers/registry-pol/parse.js';
import { pregDword, pregEntry, pregHeader, pregSz, RULES_KEY } from './encode.js';

const RULE = 'v2.20|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=5555|';
const valid = Buffer.concat([pregHeader(), pregSz(RULES_KEY, '{r1}', RULE), pregDword('SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', 'EnableFirewall', 1)]);

test('reads entries with index, byte offset, key, value name, type and data', () => {
  const pol = readPolFile(valid);
  assert.is(pol.error, undefined);
  assert.equal(pol.entries.map((e) => [e.index, e.offset, e.key, e.name, e.type, e.data.length]), [
    [1, 8, RULES_KEY, '{r1}', 1, (RULE.length + 1) * 2],
    [2, 8 + pregSz(RULES_KEY, '{r1}', RULE).length, 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', 'EnableFirewall', 4, 4],
  ]);
  assert.equal(readPolFile(pregHeader()), { entries: [] });
});

test('bad signature and unknown version are errors at their offsets', () => {
  assert.equal(readPolFile(Buffer.from('PRex\x01\0\0\0', 'latin1')).error, { offset: 0, message: 'not a PReg file (missing "PReg" signature)' });
  assert.equal(readPolFile(Buffer.from('PR')).error?.offset, 0);
  assert.equal(readPolFile(pregHeader(2)).error, { offset: 4, message: 'unsupported PReg version 2 (expected 1)' });
});

test('every truncation of a valid file ends in one error (or a clean stop at an entry boundary), never a throw', () => {
  const boundaries = new Set([8, 8 + pregSz(RULES_KEY, '{r1}', RULE).length, valid.length]);
  for (let cut = 8; cut <= valid.length; cut++) {
    const pol = readPolFile(valid.subarray(0, cut));
    if (boundaries.has(cut)) assert.is(pol.error, undefined, `cut ${cut}`);
    else assert.ok(pol.error !== undefined && pol.error.offset <= cut, `cut ${cut}`);
  }
});

test('lying sizes: too large is caught before slicing; too small misses the closing bracket', () => {
  const big = readPolFile(Buffer.concat([pregHeader(), pregEntry(RULES_KEY, 'x', 1, Buffer.alloc(4), 0xffffffff)]));
  assert.is(big.entries.length, 0);
  assert.ok(big.error?.message.startsWith('data size 4294967295 exceeds'));
  const small = readPolFile(Buffer.concat([pregHeader(), pregEntry(RULES_KEY, 'x', 1, Buffer.alloc(8), 4)]));
  assert.ok(small.error?.message.startsWith('expected "]" closing entry 1'));
});

test('random byte damage never throws and always terminates', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 2000; i++) {
    const copy = Buffer.from(valid);
    for (let k = 0; k < 3; k++) copy[8 + rand(copy.length - 8)] = rand(256);
    const pol = readPolFile(copy);
    assert.ok(pol.entries.length <= 2);
  }
});

test.run();
