/**
 * @fileoverview prettyObject writes, in pieces, exactly what JSON.stringify(object, null, 2) writes: random objects
 * whose array members are streamed in batches (and arrays longer than a batch), nested values of every JSON kind,
 * empty arrays and objects, left-out undefined members, strings with escaped line breaks. The JSON report's own text is checked against
 * JSON.stringify of its parsed value.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { prettyObject, StreamedArray } from '../../reports/json-pretty.js';
import { jsonReport } from '../../reports/json.js';
import { sampleResult } from './sample-result.js';

const value = fc.jsonValue({ maxDepth: 3 });
/** Member values: plain JSON, undefined (left out), or an array to stream (its elements doubled by `map`). */
const member = fc.oneof(value, fc.constant(undefined), fc.array(fc.oneof(value, fc.constant(undefined)), { maxLength: 5 }).map((items) => ({ items })));
const entries = fc.uniqueArray(fc.tuple(fc.string({ maxLength: 6 }).map((k) => `k${k}`), member), { selector: ([k]) => k, maxLength: 6 });

test('prettyObject equals JSON.stringify(object, null, 2) on random objects with streamed arrays', () => {
  fc.assert(
    fc.property(entries, (list) => {
      const double = (x: unknown): unknown => (typeof x === 'number' ? x * 2 : x);
      const streamed = list.map(([k, v]) => [k, isStreamed(v) ? new StreamedArray(v.items, double) : v] as const);
      const plain = Object.fromEntries(list.map(([k, v]) => [k, isStreamed(v) ? v.items.map(double) : v]));
      assert.is([...prettyObject(streamed)].join(''), JSON.stringify(plain, null, 2));
    }),
    { seed: 11, numRuns: 3000 },
  );
});

test('edge cases: no members, only undefined members, empty streamed array, line breaks inside strings', () => {
  const cases: [string, unknown][][] = [[], [['a', undefined]], [['a', new StreamedArray([], (x) => x)]], [['a', 'x\ny'], ['b', { c: ['\n', {}] }]]];
  const plain = [{}, {}, { a: [] }, { a: 'x\ny', b: { c: ['\n', {}] } }];
  cases.forEach((c, i) => assert.is([...prettyObject(c)].join(''), JSON.stringify(plain[i], null, 2)));
});

test('a streamed array longer than one batch: every element once, separators between batches', () => {
  for (const n of [255, 256, 257, 1000]) {
    const items = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? undefined : { i, s: `x\n${i}`, a: [i, [i]] }));
    assert.is([...prettyObject([['k', new StreamedArray(items, (x) => x)], ['z', 1]])].join(''), JSON.stringify({ k: items, z: 1 }, null, 2), `n=${n}`);
  }
});

test('the JSON report is the 2-space JSON.stringify of its own value, plus one newline', () => {
  const text = jsonReport(sampleResult(), {});
  assert.is(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
});

function isStreamed(v: unknown): v is { items: unknown[] } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && Array.isArray((v as { items?: unknown }).items);
}

test.run();
