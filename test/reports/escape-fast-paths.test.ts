/**
 * @fileoverview The escaping shortcuts used for speed (mdText and escapeHtml return text without special characters
 * as it is; breakable scans once instead of a look-behind split) give exactly what the plain definitions give.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { breakable, escapeHtml } from '../../reports/html-escape.js';
import { mdText } from '../../reports/markdown-escape.js';

/** mdText as first written: five replacements on every cell. */
function mdTextPlain(text: string): string {
  return text
    .replace(/\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/[\\`*[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** escapeHtml as first written. */
function escapeHtmlPlain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** breakable as first written: split after each break character, escape the pieces, join with <wbr>. */
function breakablePlain(text: string): string {
  return text
    .split(/(?<=[/\\.:_#,])/)
    .map(escapeHtmlPlain)
    .join('<wbr>');
}

/** Strings dense in the characters that matter here, plus any other UTF-16 code unit. */
const tricky = fc.string({
  unit: fc.oneof(fc.constantFrom(...'/\\.:_#,&<>"\'`*[]|\r\n\t\u0000\u001b\u007f\u2028\u2029 aZ9é€'), fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))),
  maxLength: 40,
});

test('mdText, escapeHtml and breakable equal their plain definitions on random text', () => {
  fc.assert(
    fc.property(tricky, (s) => {
      assert.is(mdText(s), mdTextPlain(s));
      assert.is(escapeHtml(s), escapeHtmlPlain(s));
      assert.is(breakable(s).value, breakablePlain(s));
    }),
    { seed: 8, numRuns: 20000 },
  );
});

test('breakable edge cases: empty, break characters first, last, repeated, inside an entity', () => {
  for (const s of ['', '.', '..', '.a', 'a.', 'a..b', "it's/x", '#1', 'C:\\dir\\file.txt:12', '<x>/y']) assert.is(breakable(s).value, breakablePlain(s), s);
  assert.is(breakable("a'b/c").value, 'a&#39;b/<wbr>c');
});

test.run();
