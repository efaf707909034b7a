import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempDir } from './run-cli.js';

test('a bad input gives one line file:line and exit 2, and writes no report', async () => {
  const dir = tempDir();
  const out = join(dir, 'r.md');
  const r = await cli(['compare', 'fixtures/netsh/invalid.netsh.txt', '--profile', 'farm', '--out', out]);
  assert.is(r.code, 2);
  assert.is(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /^k2audit: fixtures\/netsh\/invalid\.netsh\.txt:\d+: .+ \(and \d+ more; run: k2audit parse fixtures\/netsh\/invalid\.netsh\.txt\)$/);
  assert.not.ok(existsSync(out));
});

test('missing, empty, directory and unknown-format inputs: one line, exit 2, no stack trace', async () => {
  const dir = tempDir();
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const junk = join(dir, 'junk.txt');
  writeFileSync(junk, 'hello world\nthis is not a firewall\n');
  const cases: [string, RegExp][] = [
    [join(dir, 'nope.txt'), /cannot read: no such file or directory/],
    [empty, /the file is empty/],
    [dir, /fleet mode \(a directory or a pattern of exports\) needs --out/],
    [junk, /not a supported firewall export \(text of unknown format\)/],
  ];
  for (const [file, re] of cases) {
    const r = await cli(['compare', file, '--profile', 'farm']);
    assert.is(r.code, 2, file);
    assert.match(r.stderr, re);
    assert.is(r.stderr.trim().split('\n').length, 1);
    assert.not.match(r.stderr, /\n\s+at /);
  }
});

test('usage errors exit 2: unknown profile, several formats without --out, unknown option', async () => {
  const fix = 'fixtures/compare/precedence.netsh.txt';
  const p = await cli(['compare', fix, '--profile', 'farn']);
  assert.is(p.code, 2);
  assert.match(p.stderr, /^k2audit: unknown profile "farn"/);
  const f = await cli(['compare', fix, '--profile', 'farm', '--format', 'md', '--format', 'json']);
  assert.is(f.code, 2);
  assert.match(f.stderr, /several --format values need --out/);
  const o = await cli(['compare', fix, '--profile', 'farm', '--frobnicate']);
  assert.is(o.code, 2);
});

test('several formats go to a directory; same inputs and SOURCE_DATE_EPOCH give identical bytes', async () => {
  const args = (d: string) => ['compare', 'fixtures/sample/k2-farm-node.netsh.txt', '--profile', 'farm', '--format', 'md', '--format', 'json', '--out', d, '--quiet'];
  const a = tempDir();
  const b = tempDir();
  const env = { SOURCE_DATE_EPOCH: '1700000000' };
  assert.is((await cli(args(a), env)).code, 1);
  assert.is((await cli(args(b), env)).code, 1);
  for (const f of ['k2audit-report.md', 'k2audit-report.json']) {
    assert.is(readFileSync(join(a, f), 'utf8'), readFileSync(join(b, f), 'utf8'), f);
  }
  assert.match(readFileSync(join(a, 'k2audit-report.json'), 'utf8'), /"generatedAt": "2023-11-14T22:13:20.000Z"/);
});

test('profiles lists profiles and features; profiles farm shows seed rows', async () => {
  const all = await cli(['profiles']);
  assert.is(all.code, 0);
  for (const word of ['farm', 'standalone', 'sql', 'client', 'email', 'dtc-upgrade']) assert.match(all.stdout, word);
  const farm = await cli(['profiles', 'farm']);
  assert.is(farm.code, 0);
  assert.match(farm.stdout, /k2-host-server-in-tcp/);
  assert.match(farm.stdout, /000_9cde9e52c73b87e5\.txt:\d+/);
});

test('parse prints the normalized rules, and exit 2 with every diagnostic for invalid input', async () => {
  const ok = await cli(['parse', 'fixtures/compare/precedence.netsh.txt']);
  assert.is(ok.code, 0);
  assert.match(ok.stdout, /precedence\.netsh\.txt:16 "Hardening - Block 5555" enabled in block proto=tcp lport=5550-5559/);
  const bad = await cli(['parse', 'fixtures/netsh/invalid.netsh.txt']);
  assert.is(bad.code, 2);
  assert.match(bad.stdout, /error NETSH_INVALID_PORT/);
});

test.run();
