import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hostOf } from '../../src/cli/fleet-files.js';
import { cli, ROOT, tempDir } from './run-cli.js';

/** 200 generated host exports: netsh (two shapes) and iptables, plus one two-file host and one broken file. */
function makeFleet(): string {
  const dir = join(tempDir(), 'exports');
  mkdirSync(dir);
  const sources = ['fixtures/sample/k2-farm-node.netsh.txt', 'fixtures/compare/precedence.netsh.txt', 'fixtures/compare/chains.iptables-save'];
  for (let i = 1; i <= 200; i++) {
    const src = sources[i % 3] as string;
    copyFileSync(join(ROOT, src), join(dir, `host${String(i).padStart(3, '0')}.${src.endsWith('.txt') ? 'netsh.txt' : 'iptables-save'}`));
  }
  return dir;
}

test('host names are the file name up to the first dot', () => {
  assert.is(hostOf('exports/app01.netsh.txt'), 'app01');
  assert.is(hostOf('db01.v4'), 'db01');
  assert.is(hostOf('README'), 'README');
});

test('fleet of 200 generated exports: every host report and the summary, on all cores', async () => {
  const dir = makeFleet();
  const out = join(tempDir(), 'out');
  const r = await cli(['compare', dir, '--profile', 'farm', '--format', 'md', '--format', 'json', '--out', out, '--timestamp', '2026-11-21T00:00:00Z']);
  assert.is(r.code, 1, r.stderr);
  const hosts = readdirSync(out).filter((n) => n.startsWith('host'));
  assert.is(hosts.length, 200);
  for (const h of hosts) {
    assert.ok(existsSync(join(out, h, 'k2audit-report.md')), h);
    assert.ok(existsSync(join(out, h, 'k2audit-report.json')), h);
  }
  const summary = JSON.parse(readFileSync(join(out, 'fleet-summary.json'), 'utf8')) as { hosts: { host: string; verdict: string; statuses: Record<string, string> }[] };
  assert.is(summary.hosts.length, 200);
  assert.is(Object.keys(summary.hosts[0]?.statuses ?? {}).length, 45);
  assert.match(readFileSync(join(out, 'fleet-summary.md'), 'utf8'), /^# k2audit fleet summary\n/);
  const m = r.stderr.match(/on (\d+) worker threads \(([\d+]+) hosts\)/);
  assert.ok(m, r.stderr);
  const expected = Math.min(availableParallelism(), 200);
  assert.is(Number(m?.[1]), expected);
  const counts = (m?.[2] ?? '').split('+').map(Number);
  assert.ok(counts.every((n) => n > 0), `every worker audited hosts: ${m?.[2]}`);
  assert.is(counts.reduce((a, b) => a + b, 0), 200);
});

test('fleet: a broken export is one error row and exit 2; the other hosts are still audited; worst first', async () => {
  const dir = join(tempDir(), 'exports');
  mkdirSync(dir);
  copyFileSync(join(ROOT, 'fixtures/sample/k2-farm-node.netsh.txt'), join(dir, 'good.netsh.txt'));
  writeFileSync(join(dir, 'bad.txt'), 'not a firewall\n');
  const out = join(tempDir(), 'out');
  const r = await cli(['compare', join(dir, '*.txt'), '--profile', 'farm', '--out', out, '--quiet']);
  assert.is(r.code, 2);
  const summary = JSON.parse(readFileSync(join(out, 'fleet-summary.json'), 'utf8')) as { hosts: { host: string; verdict: string; error?: string }[] };
  assert.equal(summary.hosts.map((h) => `${h.host}:${h.verdict}`), ['bad:error', 'good:fail']);
  assert.match(summary.hosts[0]?.error ?? '', /not a supported firewall export/);
  assert.ok(existsSync(join(out, 'good', 'k2audit-report.md')));
});

test('fleet mode needs --out; two runs with SOURCE_DATE_EPOCH give identical summaries', async () => {
  const dir = join(tempDir(), 'exports');
  mkdirSync(dir);
  for (const n of ['a', 'b', 'c']) copyFileSync(join(ROOT, 'fixtures/compare/precedence.netsh.txt'), join(dir, `${n}.netsh.txt`));
  const noOut = await cli(['compare', dir, '--profile', 'farm']);
  assert.is(noOut.code, 2);
  assert.match(noOut.stderr, /needs --out/);
  const [o1, o2] = [join(tempDir(), 'o'), join(tempDir(), 'o')];
  const env = { SOURCE_DATE_EPOCH: '1700000000' };
  await cli(['compare', dir, '--profile', 'farm', '--out', o1, '--quiet'], env);
  await cli(['compare', dir, '--profile', 'farm', '--out', o2, '--quiet'], env);
  for (const f of ['fleet-summary.md', 'fleet-summary.json', 'a/k2audit-report.md']) assert.is(readFileSync(join(o1, f), 'utf8'), readFileSync(join(o2, f), 'utf8'), f);
});

test.run();
