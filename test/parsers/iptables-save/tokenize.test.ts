import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tokenize } from '../../../parsers/iptables-save/tokenize.js';

test('whitespace runs (space, tab) separate arguments', () => {
  assert.equal(tokenize('-A  INPUT\t-p tcp  ').tokens, ['-A', 'INPUT', '-p', 'tcp']);
  assert.equal(tokenize('').tokens, []);
});

test('double quotes group, are removed, and their closing quote ends the argument', () => {
  assert.equal(tokenize('--log-prefix "[UFW BLOCK] " -j LOG').tokens, ['--log-prefix', '[UFW BLOCK] ', '-j', 'LOG']);
  assert.equal(tokenize('--comment ""').tokens, ['--comment', '']);
  assert.equal(tokenize('a"b c"d').tokens, ['ab c', 'd']);
});

test('inside quotes a backslash escapes the next character; outside it is literal', () => {
  assert.equal(tokenize(String.raw`--comment "it\'s \"quoted\""`).tokens, ['--comment', `it's "quoted"`]);
  assert.equal(tokenize(String.raw`--comment "a\\b"`).tokens, ['--comment', 'a\\b']);
  assert.equal(tokenize(String.raw`--log-prefix a\b -j "x"`).tokens, ['--log-prefix', 'a\\b', '-j', 'x']);
});

test('single quotes are ordinary characters (ufw comments keep them)', () => {
  assert.equal(tokenize(`--comment 'dapp_Samba' -j ACCEPT`).tokens, ['--comment', `'dapp_Samba'`, '-j', 'ACCEPT']);
  assert.equal(tokenize(`--comment 'two words'`).tokens, ['--comment', `'two`, `words'`]);
});

test('a # inside or outside quotes is part of the argument', () => {
  assert.equal(tokenize('--log-prefix "!#*~%&/()=?" --log-level 6').tokens, ['--log-prefix', '!#*~%&/()=?', '--log-level', '6']);
  assert.equal(tokenize('--comment a#b').tokens, ['--comment', 'a#b']);
});

test('an unterminated quote runs to the end of the line and is flagged', () => {
  assert.equal(tokenize('--comment "open -j ACCEPT'), { tokens: ['--comment', 'open -j ACCEPT'], unterminatedQuote: true });
  assert.equal(tokenize('-j ACCEPT').unterminatedQuote, false);
});

test.run();
