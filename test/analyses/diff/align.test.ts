/**
 * @fileoverview Alignment of rule sequences and listings: the minimal diff for small changes, the linearithmic
 * fallback (and a whole-listing replacement patch) beyond MAX_EDITS, both deterministic.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { commonSubsequence, MAX_EDITS } from '../../../src/analyses/diff/align.js';
import { unifiedListingDiff } from '../../../src/analyses/diff/listing.js';

test('a small change: the minimal common subsequence (one rule moved to the end)', () => {
  assert.equal(commonSubsequence(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a']), [[1, 0], [2, 1], [3, 2]]);
  assert.equal(commonSubsequence(['a', 'a', 'b'], ['a', 'b', 'a']), [[0, 0], [2, 1]]);
});

test(`beyond ${MAX_EDITS} edits: k-th occurrence pairs, longest increasing run`, () => {
  const a = Array.from({ length: 5000 }, (_, i) => `k${i}`);
  const b = a.map((k, i) => (i % 2 === 0 ? k : `z${i}`));
  const pairs = commonSubsequence(a, b);
  assert.is(pairs.length, 2500);
  assert.ok(pairs.every(([i, j], n) => a[i] === b[j] && i === j && (n === 0 || i > (pairs[n - 1] as [number, number])[0])));
  const crossed = commonSubsequence([...a, 'x', 'y'], ['y', ...b.map((k) => `${k}!`), 'x']);
  assert.equal(crossed, [[5001, 0]], 'one of the two length-1 runs, always the same');
});

test('listings: a small diff is a real unified diff; a huge one replaces the whole listing', () => {
  const small = unifiedListingDiff('b.txt', 'x\ny\n', 'a.txt', 'x\nz\n');
  assert.is(small, '===================================================================\n--- b.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n');
  const a = Array.from({ length: 1200 }, (_, i) => `r${i}`).join('\n') + '\n';
  const b = Array.from({ length: 1200 }, (_, i) => `s${i}`).join('\n') + '\n';
  const huge = unifiedListingDiff('b.txt', a, 'a.txt', b).split('\n');
  assert.equal(huge.slice(0, 6), [`more than ${MAX_EDITS} lines differ: the whole listing is replaced`, '='.repeat(67), '--- b.txt', '+++ a.txt', '@@ -1,1200 +1,1200 @@', '-r0']);
  assert.is(huge.length, 5 + 2400 + 1);
  assert.is(unifiedListingDiff('b', 'same\n', 'a', 'same\n'), '');
});

test.run();
