/**
 * @fileoverview The fuzz suite's own parts: mutations do what they say (and the same mutation list gives the same
 * bytes), and the CLI oracle rejects what must fail the run (an internal error, a stack trace, several lines).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkCleanError } from './check-cli.js';
import { checkParse } from './check-parse.js';
import { mutate, type Mutation } from './mutations.js';

const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

test('mutations: byte, truncation and line edits', () => {
  const b = bytes('one\ntwo\nthree');
  assert.is(text(mutate(b, [{ kind: 'truncate', at: 5 }])), 'one\nt');
  assert.is(text(mutate(b, [{ kind: 'flip', at: 0, xor: 0x20 }])), 'One\ntwo\nthree');
  assert.is(text(mutate(b, [{ kind: 'delete-line', line: 4 }])), 'one\nthree');
  assert.is(text(mutate(b, [{ kind: 'duplicate-line', line: 0, times: 2 }])), 'one\none\none\ntwo\nthree');
  assert.is(text(mutate(b, [{ kind: 'swap-lines', a: 0, b: 2 }])), 'three\ntwo\none');
  assert.is(text(mutate(b, [{ kind: 'insert-token', line: 1, column: 1, token: '70000' }])), 'one\nt70000wo\nthree');
  assert.is(text(mutate(b, [{ kind: 'long-line', line: 2, length: 5, unit: 'ab' }])), 'one\ntwo\nthreeababa');
  assert.is(text(mutate(bytes('a b c'), [{ kind: 'replace-word', line: 0, word: 1, token: 'X' }])), 'a X c');
});

test('mutations: re-encodings keep the text and change the bytes', () => {
  const b = bytes('Rule Name: é');
  const le = mutate(b, [{ kind: 'reencode', to: 'utf-16le' }]);
  assert.equal([...le.subarray(0, 4)], [0xff, 0xfe, 0x52, 0x00]);
  assert.is(new TextDecoder('utf-16le').decode(le.subarray(2)), 'Rule Name: é');
  const be = mutate(b, [{ kind: 'reencode', to: 'utf-16be' }]);
  assert.equal([...be.subarray(0, 4)], [0xfe, 0xff, 0x00, 0x52]);
  assert.is(mutate(le, [{ kind: 'reencode', to: 'strip-bom' }]).length, le.length - 2);
  assert.is(mutate(le, [{ kind: 'reencode', to: 'odd-byte' }]).length % 2, 1);
  assert.equal([...mutate(b, [{ kind: 'reencode', to: 'latin1' }]).slice(-1)], [0xe9]);
  const lines: Mutation[] = [{ kind: 'delete-line', line: 0 }];
  assert.is(new TextDecoder('utf-16le').decode(mutate(bytes('a\nb'), [{ kind: 'reencode', to: 'utf-16le' }, ...lines]).subarray(2)), 'b', 'line edits keep UTF-16');
});

test('mutations are deterministic', () => {
  const muts: Mutation[] = [{ kind: 'insert-bytes', at: 3, bytes: [0, 1, 2] }, { kind: 'delete-bytes', at: 1, count: 2 }, { kind: 'set-byte', at: 7, value: 0 }];
  assert.equal([...mutate(bytes('0123456789'), muts)], [...mutate(bytes('0123456789'), muts)]);
});

test('CLI oracle: an internal error, a stack trace or several lines fail; one "k2audit: …" line passes', () => {
  assert.throws(() => checkCleanError('k2audit: internal error: x is undefined\n'));
  assert.throws(() => checkCleanError('k2audit: bad\n    at foo (bar.js:1:1)\n'));
  assert.throws(() => checkCleanError('file.txt:3 error X bad\n'));
  assert.not.throws(() => checkCleanError('k2audit: f.txt:3: unknown protocol "tpc"\n'));
});

test('parse oracle: a clean fixture passes, reports its format; unknown content is "unknown-format"', () => {
  const r = checkParse('x.iptables-save', bytes('*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n'), true);
  assert.is(r.format, 'iptables-save');
  assert.is(r.outcome, 'parsed');
  assert.is(checkParse('x.txt', bytes('hello world\n'), true).outcome, 'unknown-format');
});

test.run();
