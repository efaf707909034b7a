import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempDir } from './run-cli.js';

const FIX = 'fixtures/compare/precedence.netsh.txt';
const W = 'fixtures/waivers/precedence-waivers.yaml';

interface Doc {
  verdict: string;
  waivers: { applied: number; expired: number; unused: number };
  requirements: { id: string; status: string; originalStatus?: string; waiver?: { ticket: string } }[];
  findings: { id: string; code: string; severity: string; waiver?: { id: string; expires: string } }[];
}

async function run(extra: string[] = []) {
  return cli(['compare', FIX, '--profile', 'farm', '--format', 'json', '--waivers', W, '--timestamp', '2026-11-21T10:00:00Z', '--quiet', ...extra]);
}

test('a valid waiver turns the finding and the requirement into waived', async () => {
  const r = await run();
  const doc = JSON.parse(r.stdout) as Doc;
  const f = doc.findings.find((x) => x.id === 'gap:k2-host-server-in-tcp');
  assert.equal(f?.waiver?.id, `${W}#waivers[0]`);
  const q = doc.requirements.find((x) => x.id === 'k2-host-server-in-tcp');
  assert.equal([q?.status, q?.originalStatus, q?.waiver?.ticket], ['waived', 'blocked', 'CHG-77']);
  assert.equal(doc.waivers, { files: [W], applied: 1, expired: 1, unused: 1 } as never);
});

test('an expired waiver makes the run fail with a message naming the waiver', async () => {
  const r = await run(['--fail-on', 'critical']);
  assert.is(r.code, 0, 'nothing critical');
  const strict = await run();
  assert.is(strict.code, 1);
  assert.match(strict.stderr, `k2audit: waiver ${W}#waivers[1] (ticket RISK-12) expired on 2026-01-31`);
  const doc = JSON.parse(strict.stdout) as Doc;
  const expired = doc.findings.find((x) => x.code === 'WAIVER_EXPIRED');
  assert.equal([expired?.id, expired?.severity], [`waiver-expired:${W}#waivers[1]`, 'high']);
  assert.is(doc.requirements.find((x) => x.id === 'smart-objects-in-tcp')?.status, 'partial');
  assert.ok(doc.findings.some((x) => x.code === 'WAIVER_UNUSED'));
});

test('waiving every failing finding passes; the same waiver a day after expiry fails again', async () => {
  const dir = tempDir();
  const file = join(dir, 'w.json');
  writeFileSync(file, JSON.stringify({ waivers: [{ requirement: 'k2-host-server-in-tcp', reason: 'r', approver: 'a', ticket: 't', expires: '2026-11-21' }] }));
  const base = ['compare', FIX, '--profile', 'farm', '--format', 'json', '--waivers', file, '--quiet', '--fail-on', 'critical'];
  const onDay = JSON.parse((await cli([...base, '--timestamp', '2026-11-21T23:59:59Z'])).stdout) as Doc;
  assert.is(onDay.requirements.find((x) => x.id === 'k2-host-server-in-tcp')?.status, 'waived');
  const after = await cli([...base, '--timestamp', '2026-11-22T00:00:00Z']);
  assert.match(after.stderr, /expired on 2026-11-21/);
  assert.is((JSON.parse(after.stdout) as Doc).requirements.find((x) => x.id === 'k2-host-server-in-tcp')?.status, 'blocked');
});

test('waiver files are validated: a missing expiry is an error naming the field, exit 2', async () => {
  const dir = tempDir();
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, 'waivers:\n  - finding: gap:x\n    reason: r\n    approver: a\n    ticket: t\n');
  const r = await cli(['compare', FIX, '--profile', 'farm', '--waivers', file]);
  assert.is(r.code, 2);
  assert.is(r.stderr, `k2audit: ${file}: waivers[0].expires: required (every waiver expires)\n`);
  writeFileSync(file, 'waivers:\n  - finding: gap:x\n    requirement: y\n    reason: r\n    approver: a\n    ticket: t\n    expires: "2026-02-30"\n');
  const both = await cli(['compare', FIX, '--profile', 'farm', '--waivers', file]);
  assert.match(both.stderr, /waivers\[0\]\.expires: not a calendar date/);
});

test.run();
