/**
 * @fileoverview `compare` on the real Linux dumps of ../shared/corpus (skipped where that folder is absent).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, ROOT } from './run-cli.js';

const CORPUS = join(ROOT, '../shared/corpus/linux/iptables');
const present = existsSync(CORPUS);

interface JsonReq {
  id: string;
  status: string;
  allowedBy: string[];
}

test('diekmann_random_srv: statuses of the issue (custom requirement file, no profile)', async () => {
  if (!present) return;
  const file = join(CORPUS, 'diekmann_random_srv.iptables-save');
  const r = await cli(['compare', file, '--requirements', 'fixtures/compare/random-srv-requirements.json', '--format', 'json', '--quiet']);
  assert.is(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as { requirements: JsonReq[] };
  const status = Object.fromEntries(doc.requirements.map((q) => [q.id, q.status]));
  assert.equal(status, { t22: 'allowed', t88: 'allowed', t4949: 'allowed', u88: 'allowed', u123: 'allowed', t754: 'partial', t80: 'blocked', u53: 'blocked' });
  assert.equal(doc.requirements.find((q) => q.id === 't754')?.allowedBy, [`${file}:12`]);
});

test('every iptables corpus dump audits without an input error; exports without filter chains are unknown, not allowed', async () => {
  if (!present) return;
  for (const name of readdirSync(CORPUS).filter((n) => n !== 'PROVENANCE.md').sort()) {
    const r = await cli(['compare', join(CORPUS, name), '--profile', 'farm', '--format', 'json', '--quiet']);
    assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code} ${r.stderr}`);
    const doc = JSON.parse(r.stdout) as { requirements: JsonReq[] };
    assert.is(doc.requirements.length, 45, name);
    if (/user\.rules$|stderr\.txt$|\.nat\.iptables-S$/.test(name)) {
      assert.ok(doc.requirements.every((q) => q.status === 'unknown'), `${name} should be unknown`);
      assert.is(r.code, 1, `${name}: an export that shows nothing must not pass`);
    }
  }
});

test('the 4,973-rule TUM dump is audited (timing is measured by the benchmark, not here)', async () => {
  if (!present) return;
  const r = await cli(['compare', join(CORPUS, 'diekmann_tum_net_large.iptables-save'), '--profile', 'farm', '--format', 'json', '--quiet']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
});

test.run();
