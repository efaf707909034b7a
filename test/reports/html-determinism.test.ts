/**
 * @fileoverview Determinism through the CLI, for every report format (html, sarif, csv, md, json): two
 * `compare` runs over the same inputs with the same SOURCE_DATE_EPOCH write byte-identical reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REPORT_EXTENSIONS, REPORT_FORMATS } from '../../reports/index.js';
import { cli, tempDir } from '../cli/run-cli.js';

const ENV = { SOURCE_DATE_EPOCH: '1700000000' };
const formatArgs = REPORT_FORMATS.flatMap((f) => ['--format', f]);

async function runOnce(input: string): Promise<Map<string, Buffer>> {
  const out = tempDir();
  const run = await cli(['compare', input, '--profile', 'farm', ...formatArgs, '--out', `${out}/`, '--quiet'], ENV);
  assert.is(run.stderr, '');
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}`);
  return new Map(REPORT_FORMATS.map((f) => [f, readFileSync(join(out, `k2audit-report${REPORT_EXTENSIONS[f]}`))]));
}

for (const input of ['fixtures/sample/k2-farm-node.netsh.txt', 'fixtures/hostile/script-name.netsh.txt']) {
  test(`two runs over ${input} give byte-identical reports in every format`, async () => {
    const first = await runOnce(input);
    const second = await runOnce(input);
    assert.equal([...first.keys()].sort(), ['csv', 'html', 'json', 'md', 'sarif']);
    for (const [format, bytes] of first) {
      assert.ok(bytes.length > 0, format);
      assert.ok(bytes.equals(second.get(format) ?? Buffer.alloc(0)), `${format} differs between runs`);
    }
    assert.ok(first.get('html')?.toString('utf8').includes('<td>2023-11-14T22:13:20.000Z</td>'), 'time from SOURCE_DATE_EPOCH');
  });
}

test.run();
