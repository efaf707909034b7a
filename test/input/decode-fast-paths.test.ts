/**
 * @fileoverview The fast paths of decode.ts: splitLines (LF-only and CRLF-only text) gives exactly the lines of the
 * general `\r\n|\n|\r` split for any mix of line ends, and UTF-8 sniffing (Buffer isUtf8) accepts exactly what a
 * fatal TextDecoder accepts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { decode, splitLines } from '../../src/input/decode.js';

const reference = (text: string): string[] => text.split(/\r\n|\n|\r/);

test('splitLines equals the regex split on random text with every kind of line end', () => {
  const piece = fc.constantFrom('a', 'bc', ' ', '\r\n', '\n', '\r', '\r\r\n', '\n\r', '');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      assert.equal(splitLines(text), reference(text), JSON.stringify(text));
    }),
    { numRuns: 20_000 },
  );
});

test('splitLines keeps uniform CRLF and LF text line for line', () => {
  assert.equal(splitLines('a\r\nb\r\n'), ['a', 'b', '']);
  assert.equal(splitLines('a\nb'), ['a', 'b']);
  assert.equal(splitLines('a\r\nb\nc'), ['a', 'b', 'c']);
  assert.equal(splitLines('a\rb\r\n'), ['a', 'b', '']);
  assert.equal(splitLines(''), ['']);
});

const fatalUtf8 = (b: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

test('text is sniffed as UTF-8 exactly when a fatal TextDecoder accepts it, else CP1252', () => {
  // Valid sequences, truncated ones, overlongs, surrogates and bytes above F4, without NULs (those mean binary).
  const unit = fc.oneof(
    fc.integer({ min: 1, max: 0x7f }).map((b) => [b]),
    fc.constantFrom([0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x94, 0xa5], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0x80], [0xe2, 0x82], [0xff]),
  );
  fc.assert(
    fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), (units) => {
      const bytes = Uint8Array.from(units.flat());
      if (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe) return;
      assert.is(decode('t', bytes).encoding, fatalUtf8(bytes) ? 'utf-8' : 'windows-1252', JSON.stringify([...bytes]));
    }),
    { numRuns: 20_000 },
  );
});

test.run();
