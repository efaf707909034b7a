/**
 * @fileoverview The reporter registry: formats, extensions, lookup.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isReportFormat, REPORT_EXTENSIONS, REPORT_FORMATS, reporters } from '../../reports/index.js';
import { sampleResult } from './sample-result.js';

test('registry lists every report format with its extension', () => {
  assert.equal(REPORT_FORMATS, ['json', 'md', 'html', 'sarif', 'csv']);
  assert.equal(REPORT_EXTENSIONS, { json: '.json', md: '.md', html: '.html', sarif: '.sarif', csv: '.csv' });
  assert.ok(isReportFormat('md'));
  assert.not.ok(isReportFormat('toString'));
  assert.not.ok(isReportFormat('pdf'));
});

test('each reporter returns a newline-terminated string for the same result', () => {
  for (const f of REPORT_FORMATS) {
    const out = reporters[f](sampleResult(), {});
    assert.ok(out.length > 0 && out.endsWith('\n') && !out.endsWith('\n\n'), f);
  }
});

test.run();
