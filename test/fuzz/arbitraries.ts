/**
 * @fileoverview fast-check arbitraries for input mutations: mostly small local edits (so the file still reaches deep
 * parser code), sometimes structural or encoding changes, with tokens chosen to hit value parsers (bad ports,
 * addresses, ranges), markup, formulas and control characters.
 */
import fc from 'fast-check';
import { REENCODINGS, type Mutation } from './mutations.js';

/** Tokens that stress value parsers, escaping and structure of every format. */
export const HOSTILE_TOKENS: readonly string[] = [
  '70000', '65536', '0', '-1', '99999999999999999999', '1e999', 'NaN', '0x1F', '65535-1', '5-', '-5', '1-2-3', ',,', '*',
  '300.1.1.1', '10.0.0.0/33', '/33', '::/129', 'ffff::1::2', '10.0.0.5-10.0.0.1', '1.2.3', '0.0.0.0/0', '::', 'any', 'Any',
  'LocalSubnet', 'RPC', 'RPC-EPMap', 'tpc', 'TCP', 'UDP', 'ICMPv4', '256', 'Allow', 'Block', 'Bypass', 'In', 'Out',
  '"', "'", '\\', '\\\\', '<', '>', '&', '&amp;', '&lt;', '&#0;', '&#x110000;', ']]>', '<![CDATA[', '<!--', '-->',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '<!ENTITY e SYSTEM "file:///etc/passwd">', '<a>', '</a>', '<x/>',
  '{', '}', '[', ']', ':', '=', '|', ';', ',', '\t', '\r', '\n', '\r\n', '\u0000', '\u0001', '\u001b[31m', '\uFEFF', '\uFFFD',
  '\uD800', '\uDFFF', '\u202E', 'é', 'ß', '中', '🔥', '=HYPERLINK("http://evil/","x")', '@SUM(1+1)', '+cmd|\' /C calc\'!A0',
  '-2+3', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '${jndi:x}', '%s%n%x',
  'v2.31|', 'Action=Allow|', 'Dir=In|', 'LPort=70000|', 'LPort2_10=5-1|', 'RA4=300.1.1.1|', 'Protocol=6|', 'Active=TRUE|',
  '-A INPUT', '-A', '-j ACCEPT', '-j', '--dport', '--dport 70000', '-m multiport --dports 5,', '--sport', '-p tcp', '!',
  '-s 300.1.1.1', '-d 10.0.0.0/33', '-N', '-X', ':INPUT DROP [0:0]', ':INPUT', '*filter', '*nat', 'COMMIT', '-I INPUT 0',
  'Rule Name:', 'LocalPort:', 'RemoteIP:', 'Protocol:', 'Direction:', 'Action:', 'Enabled:', '----------', 'Ok.',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\x]', '"Name"="v2.30|Action=Allow|"', 'hex(7):', 'dword:', 'dword:ffffffffff',
  '"LocalPort":', '"LocalPort": 70000', '"Enabled": null', '"Direction": 3', '{"value":', '"Count":', 'null', 'true', '[]', '{}',
  'Name,Group,Profile', ';', 'PReg', 'regf', 'hbin', 'nk', 'vk',
];

const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) });

const position = fc.nat({ max: 1 << 30 });

/** Openers and closers of nesting in JSON, XML, nft blocks and parenthesised expressions (some left unclosed). */
const NESTERS: readonly (readonly [string, string])[] = [['[', ']'], ['{"a":', '}'], ['<a>', '</a>'], ['{', '}'], ['(', ')'], ['[', ''], ['{', ''], ['<a>', '']];

const nest: fc.Arbitrary<Mutation> = fc
  .tuple(position, position, fc.constantFrom(...NESTERS), fc.integer({ min: 2, max: 1000 }))
  .map(([line, column, [open, close], depth]) => ({ kind: 'nest' as const, line, column, open, close, depth }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, xor: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('set-byte' as const), at: position, value: fc.constantFrom(0, 0x0a, 0x0d, 0x22, 0x3c, 0x7c, 0xff, 0x80, 0xc3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert-bytes' as const), at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-bytes' as const), at: position, count: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), line: position, times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), line: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: position, b: position }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert-token' as const), line: position, column: position, token }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace-word' as const), line: position, word: position, token }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-line' as const), line: position, length: fc.integer({ min: 1000, max: 120_000 }), unit: token }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reencode' as const), to: fc.constantFrom(...REENCODINGS) }) },
  // Moderate nesting only: 10,000-deep inputs are named hostile cases (test/hostile/deep-nesting.test.ts).
  { weight: 1, arbitrary: nest },
);

/** One to four mutations applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 4 });
