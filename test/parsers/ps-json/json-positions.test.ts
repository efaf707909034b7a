import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberOffset, pathKey, valueSpans } from '../../../parsers/ps-json/json-positions.js';
import { LineIndex } from '../../../parsers/ps-json/line-index.js';

const TEXT = '{\n  "rules": [\n    {"a": "x,]}\\"", "b": [1, 2]},\n    {"a": null}\n  ],\n  "n": -1.5e3\n}';

test('valueSpans: spans of values down to the given depth, strings with brackets and escapes skipped', () => {
  const spans = valueSpans(TEXT, 2);
  const text = (path: string[]) => {
    const s = spans.get(pathKey(path));
    return s === undefined ? undefined : TEXT.slice(s.start, s.end);
  };
  assert.is(text(['rules', '0']), '{"a": "x,]}\\"", "b": [1, 2]}');
  assert.is(text(['rules', '1']), '{"a": null}');
  assert.is(text(['n']), '-1.5e3');
  assert.is(text([]), TEXT);
  assert.is(text(['rules', '0', 'a']), undefined, 'deeper than maxDepth');
});

test('memberOffset finds a direct member key only; LineIndex counts CRLF, LF and CR', () => {
  const spans = valueSpans(TEXT, 2);
  const obj = spans.get(pathKey(['rules', '0']));
  if (obj === undefined) throw new Error('no span');
  assert.is(TEXT.slice(memberOffset(TEXT, obj, 'b') ?? 0).slice(0, 3), '"b"');
  assert.is(memberOffset(TEXT, obj, 'x'), undefined);
  const lines = new LineIndex('a\r\nb\nc\rd');
  assert.equal([0, 3, 5, 7].map((o) => lines.lineAt(o)), [1, 2, 3, 4]);
  assert.is(lines.lineCount, 4);
});

test.run();
