/**
 * @fileoverview Hostile values in every text format that has ports and addresses: port 70000, a reversed port range,
 * address 300.1.1.1, prefix /33 and a reversed address range each end the audit with exit 2 and one line
 * `k2audit: file:line: …` quoting the value (never a crash, never a silently widened rule). The exports are generated
 * here from one small template per format.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isRegistered } from '../fuzz/corpus.js';
import { assertCleanError, compareFarm, tempFile } from './helpers.js';
import { TEMPLATES, type Template } from './value-templates.js';

interface HostileValue {
  readonly name: string;
  readonly port?: (t: Template) => string;
  readonly addr?: string;
  /** Text the error line must quote. */
  readonly quoted: (t: Template) => string;
}

const VALUES: readonly HostileValue[] = [
  { name: 'port 70000', port: () => '70000', quoted: () => '70000' },
  { name: 'reversed port range', port: (t) => `6000${t.rangeSep}5000`, quoted: (t) => `6000${t.rangeSep}5000` },
  { name: 'address 300.1.1.1', addr: '300.1.1.1', quoted: () => '300.1.1.1' },
  { name: 'prefix /33', addr: '10.0.0.0/33', quoted: () => '10.0.0.0/33' },
  { name: 'reversed address range', addr: '10.0.0.9-10.0.0.1', quoted: () => '10.0.0.9-10.0.0.1' },
];

for (const t of TEMPLATES) {
  for (const v of VALUES) {
    const name = `${t.format}: ${v.name} → exit 2, one line "file:line: …" quoting the value`;
    if (!isRegistered(t.format)) {
      test.skip(`${name} (parser not registered)`, () => undefined);
      continue;
    }
    test(name, async () => {
      const useRange = v.addr?.includes('-') === true && t.renderRange !== undefined;
      const text = useRange && t.renderRange !== undefined ? t.renderRange(v.addr ?? '') : t.render(v.port?.(t) ?? '5555', v.addr);
      const path = tempFile(t.file, text);
      const run = await compareFarm(path);
      const line = assertCleanError(run, `${t.format} ${v.name}`);
      const expectedLine = useRange ? t.rangeLine : v.port !== undefined ? t.portLine : t.addrLine;
      assert.ok(line.startsWith(`k2audit: ${path}:${expectedLine}: `), `${t.format} ${v.name}: expected ${path}:${expectedLine}, got ${line}`);
      assert.ok(line.includes(v.quoted(t)), `${t.format} ${v.name}: quotes the value: ${line}`);
    });
  }
}

test('the templates are valid: with port 5555 and no address each format audits cleanly (exit 0 or 1)', async () => {
  for (const t of TEMPLATES) {
    if (!isRegistered(t.format)) continue;
    const run = await compareFarm(tempFile(t.file, t.render('5555', undefined)), '--input-format', t.format);
    assert.ok(run.code === 0 || run.code === 1, `${t.format}: exit ${run.code}: ${run.stderr}`);
    const ok = await compareFarm(tempFile(t.file, t.render('5555', undefined)));
    assert.ok(ok.code === 0 || ok.code === 1, `${t.format} detected by content: exit ${ok.code}: ${ok.stderr}`);
  }
});

test.run();
