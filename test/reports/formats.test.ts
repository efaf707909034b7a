/**
 * @fileoverview The lazy reporter registries (reports/formats.ts, reports/diff-reporters.ts) load the same reporters
 * as the eager registry, under the same format ids and extensions.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DIFF_REPORT_EXTENSIONS, DIFF_REPORT_FORMATS, isDiffReportFormat, loadDiffReporter } from '../../reports/diff-reporters.js';
import { diffHtmlReport } from '../../reports/diff-html.js';
import { diffJsonReport } from '../../reports/diff-json.js';
import { diffMarkdownReport } from '../../reports/diff-markdown.js';
import { isReportFormat, loadReporter, REPORT_EXTENSIONS, REPORT_FORMATS } from '../../reports/formats.js';
import { reporters } from '../../reports/index.js';

test('loadReporter yields each format\'s reporter, the one the eager registry holds', async () => {
  assert.equal(REPORT_FORMATS, ['json', 'md', 'html', 'sarif', 'csv']);
  assert.equal(Object.keys(reporters), REPORT_FORMATS);
  for (const f of REPORT_FORMATS) {
    assert.is(await loadReporter(f), reporters[f], f);
    assert.ok(REPORT_EXTENSIONS[f].startsWith('.'), f);
  }
  assert.not.ok(isReportFormat('hasOwnProperty'));
});

test('diff formats: md, html, json with their extensions and reporters', async () => {
  assert.equal(DIFF_REPORT_FORMATS, ['md', 'html', 'json']);
  assert.equal(DIFF_REPORT_EXTENSIONS, { md: '.md', html: '.html', json: '.json' });
  assert.is(await loadDiffReporter('md'), diffMarkdownReport);
  assert.is(await loadDiffReporter('html'), diffHtmlReport);
  assert.is(await loadDiffReporter('json'), diffJsonReport);
  assert.ok(isDiffReportFormat('html'));
  assert.not.ok(isDiffReportFormat('sarif'));
  assert.not.ok(isDiffReportFormat('toString'));
});

test.run();
