/**
 * @fileoverview Whole-report golden files for the new reporters (test/golden/report.{html,sarif,csv}) on the
 * sample result, like golden.test.ts does for Markdown and JSON. Run with UPDATE_GOLDEN=1 to rewrite them
 * after an intended change, then review the diff (and open report.html in a browser).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reporters, REPORT_EXTENSIONS, type ReportFormat } from '../../reports/index.js';
import { sampleResult } from './sample-result.js';

// Compiled to dist/test/reports/, so the repo root is three levels up.
const goldenDir = new URL('../../../test/golden/', import.meta.url);

function checkGolden(format: ReportFormat): void {
  const file = new URL(`report${REPORT_EXTENSIONS[format]}`, goldenDir);
  const actual = reporters[format](sampleResult(), { ticket: 'CHG-1234' });
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    assert.ok(process.env.UPDATE_GOLDEN === '1', `missing golden ${file.pathname}; run with UPDATE_GOLDEN=1`);
    writeFileSync(file, actual);
  }
  assert.fixture(actual, readFileSync(file, 'utf8'));
}

test('golden HTML report', () => checkGolden('html'));
test('golden SARIF report', () => checkGolden('sarif'));
test('golden CSV report', () => checkGolden('csv'));

test.run();
