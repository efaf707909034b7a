/**
 * @fileoverview Reports are written atomically (src/cli/io.ts writeAtomic: temp file, fsync, rename). The real CLI is
 * killed with SIGKILL at random moments, many of them while it writes a ~10 MB report: afterwards each report path
 * is absent or a complete report (the JSON parses, the Markdown ends with its sign-off block) and every other file
 * is a `.tmp` leftover that no one can take for a report. Unwritable targets (a path under a regular file, a name too
 * long, a directory in the way, a full disk) end with one clear line and exit 2, without leaving a report or a
 * temporary file; a symlink planted at a temp-file name is never followed. A report written in pieces is written
 * whole, and an error while making the pieces is passed on as it is (not as a write failure), leaving no file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeAtomic } from '../../src/cli/io.js';
import { cli, ROOT, tempDir } from './run-cli.js';

const BIN = join(ROOT, 'dist/src/cli/bin.js');
const SIGN_OFF_END = '- Comments: ________________________';
const KILLS = Number(process.env['ATOMIC_KILLS'] ?? 10);

/** The sample export plus 20,000 stray lines: each is a warning, so the reports run to 8 MB (≈0.1 s of writing). */
function bigInput(dir: string): string {
  const sample = readFileSync(join(ROOT, 'fixtures/sample/k2-farm-node.netsh.txt'), 'utf8');
  const path = join(dir, 'big.netsh.txt');
  writeFileSync(path, `${sample}${Array.from({ length: 20_000 }, (_, i) => `stray text line ${i}`).join('\r\n')}\r\n`);
  return path;
}

function args(input: string, out: string): string[] {
  return [BIN, 'compare', input, '--profile', 'farm', '--format', 'md', '--format', 'json', '--out', out, '--fail-on', 'none', '--timestamp', '2024-01-01T00:00:00Z', '--quiet'];
}

/** Every file in `out` is a complete report or a .tmp leftover; returns the leftovers. */
function checkOutDir(out: string, what: string): string[] {
  const leftovers: string[] = [];
  for (const name of readdirSync(out)) {
    const text = readFileSync(join(out, name), 'utf8');
    if (name === 'k2audit-report.md') assert.ok(text.trimEnd().endsWith(SIGN_OFF_END) && text.startsWith('# '), `${what}: partial Markdown report (${text.length} chars)`);
    else if (name === 'k2audit-report.json') assert.ok(isCompleteJson(text), `${what}: partial JSON report (${text.length} chars)`);
    else {
      assert.ok(/^k2audit-report\.(md|json)\.\d+-[0-9a-f]+\.tmp$/.test(name), `${what}: unexpected file ${name}`);
      assert.not.ok(/\.(md|json|html|sarif|csv)$/.test(name), `${what}: a temp file looks like a report: ${name}`);
      leftovers.push(name);
    }
  }
  return leftovers;
}

function isCompleteJson(text: string): boolean {
  try {
    const r = JSON.parse(text) as { verdict?: unknown; requirements?: unknown };
    return (r.verdict === 'pass' || r.verdict === 'fail') && Array.isArray(r.requirements);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the CLI and kills it: after `delayMs`, or `delayMs` after a temp file shows up in `out`. */
async function runAndKill(input: string, out: string, mode: 'time' | 'tmp', delayMs: number): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, args(input, out), { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  let done = false;
  void exited.then(() => (done = true));
  if (mode === 'tmp') {
    const deadline = Date.now() + 60_000;
    while (!done && Date.now() < deadline && !readdirSync(out).some((n) => n.endsWith('.tmp'))) await sleep(1);
  }
  await sleep(delayMs);
  const killed = !done && child.kill('SIGKILL');
  await exited;
  return killed ? 'killed' : 'finished';
}

test(`SIGKILL at random moments (${KILLS} runs): a report path is absent or a complete report, never a partial one`, async () => {
  const dir = tempDir();
  const input = bigInput(dir);
  const reference = join(dir, 'reference');
  const start = Date.now();
  const full = spawnSync(process.execPath, args(input, reference), { encoding: 'utf8' });
  const runtime = Date.now() - start;
  assert.is(full.status, 0, full.stderr);
  assert.equal(checkOutDir(reference, 'uninterrupted run'), []);
  assert.ok(readFileSync(join(reference, 'k2audit-report.json')).length > 2_000_000, 'the report is large enough to take a while to write');
  let midWrite = 0;
  let seed = 20240917;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < KILLS; i++) {
    const out = join(dir, `run-${i}`);
    mkdirSync(out);
    // Half the runs die at a random moment of the whole run, half just after a temp file appears (during a write).
    const mode = i % 2 === 0 ? 'time' : 'tmp';
    const delay = mode === 'time' ? Math.floor(runtime * (0.2 + random())) : Math.floor(random() * 40);
    const outcome = await runAndKill(input, out, mode, delay);
    const leftovers = checkOutDir(out, `run ${i} (${mode} ${delay} ms, ${outcome})`);
    if (outcome === 'killed' && leftovers.length > 0) midWrite++;
  }
  rmSync(dir, { recursive: true, force: true });
  assert.ok(midWrite >= 1, `at least one kill landed while a report was being written (${midWrite})`);
});

test('a previous complete report is replaced whole or kept whole when the next run is killed', async () => {
  const dir = tempDir();
  const input = bigInput(dir);
  const out = join(dir, 'out');
  mkdirSync(out);
  assert.is(spawnSync(process.execPath, args(input, out)).status, 0);
  const before = readFileSync(join(out, 'k2audit-report.md'), 'utf8');
  for (let i = 0; i < 3; i++) {
    await runAndKill(input, out, 'tmp', i * 15);
    checkOutDir(out, `rerun ${i}`);
    assert.is(readFileSync(join(out, 'k2audit-report.md'), 'utf8'), before, 'same input, same report: old or new, always whole');
  }
  rmSync(dir, { recursive: true, force: true });
});

const SAMPLE = join(ROOT, 'fixtures/sample/k2-farm-node.netsh.txt');

test('unwritable targets: one clear line, exit 2, no report and no temp file left', async () => {
  const dir = tempDir();
  const file = join(dir, 'somefile');
  writeFileSync(file, 'x');
  mkdirSync(join(dir, 'busy', 'k2audit-report.md'), { recursive: true });
  const cases: { out: string; formats: string[]; expect: RegExp }[] = [
    { out: join(file, 'out.md'), formats: ['md'], expect: /^k2audit: cannot write .*somefile\/out\.md: a parent is not a directory$/ },
    { out: join(file, 'sub', 'dir') + '/', formats: ['md', 'json'], expect: /^k2audit: cannot write .*somefile\/sub\/dir\/k2audit-report\.md: a parent is not a directory$/ },
    { out: join(dir, `${'a'.repeat(300)}.md`), formats: ['md'], expect: /^k2audit: cannot write .*\.md: file name too long$/ },
    { out: join(dir, 'busy') + '/', formats: ['md'], expect: /^k2audit: cannot write .*busy\/k2audit-report\.md: is a directory$/ },
  ];
  for (const c of cases) {
    const r = await cli(['compare', SAMPLE, '--profile', 'farm', '--fail-on', 'none', ...c.formats.flatMap((f) => ['--format', f]), '--out', c.out]);
    assert.is(r.code, 2, `${c.out}: ${r.stderr}`);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    assert.is(lines.length, 1, r.stderr);
    assert.ok(c.expect.test(lines[0] ?? ''), lines[0]);
  }
  assert.equal(readdirSync(join(dir, 'busy')), ['k2audit-report.md'], 'no temp file left beside the directory in the way');
  assert.ok(lstatSync(join(dir, 'busy', 'k2audit-report.md')).isDirectory());
});

test('a read-only directory (when not running as root): permission denied, exit 2', async () => {
  if (process.getuid?.() === 0) return; // root writes anyway; the ENOTDIR case above covers the error path
  const dir = tempDir();
  const ro = join(dir, 'ro');
  mkdirSync(ro, { mode: 0o500 });
  const r = await cli(['compare', SAMPLE, '--profile', 'farm', '--out', join(ro, 'r.md')]);
  assert.is(r.code, 2);
  assert.ok(r.stderr.trim().endsWith('permission denied'), r.stderr);
});

test('a full disk (64 KB tmpfs in a private mount namespace): exit 2 "no space left on device", no truncated report', () => {
  const probe = spawnSync('unshare', ['-Urm', 'true']);
  if (probe.status !== 0) {
    console.log('  (skipped: unshare -Urm is not available here)');
    return;
  }
  const dir = tempDir();
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt);
  const target = join(mnt, 'r.json');
  const script = `mount -t tmpfs -o size=64k tmpfs '${mnt}' && '${process.execPath}' '${BIN}' compare '${SAMPLE}' --profile farm --format json --out '${target}' --fail-on none; echo "exit=$?"; ls -a '${mnt}'`;
  const r = spawnSync('unshare', ['-Urm', 'sh', '-c', script], { encoding: 'utf8' });
  assert.ok(r.stdout.includes('exit=2'), `${r.stdout} ${r.stderr}`);
  assert.ok(/^k2audit: cannot write .*r\.json: no space left on device$/m.test(r.stderr), r.stderr);
  const listing = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('exit=') && l !== '.' && l !== '..');
  assert.equal(listing, [], 'neither the report nor a temp file is left on the full disk');
});

test('a symlink planted at the old predictable temp name is not followed; the temp name is unpredictable', () => {
  const dir = tempDir();
  const victim = join(dir, 'victim.txt');
  writeFileSync(victim, 'untouched');
  const target = join(dir, 'report.md');
  symlinkSync(victim, `${target}.${process.pid}.tmp`);
  writeAtomic(target, '# report\n');
  assert.is(readFileSync(victim, 'utf8'), 'untouched');
  assert.is(readFileSync(target, 'utf8'), '# report\n');
  assert.ok(existsSync(`${target}.${process.pid}.tmp`), 'the planted link is left alone');
  assert.equal(readdirSync(dir).sort(), ['report.md', `report.md.${process.pid}.tmp`, 'victim.txt']);
});

test('a report in pieces: written whole (small pieces gathered into writes, a piece larger than a write, multi-byte characters); an error while making them leaves nothing', () => {
  const dir = tempDir();
  const target = join(dir, 'report.json');
  const pieces = Array.from({ length: 3000 }, (_, i) => `${'é'.repeat(i % 700)}|${i}${i % 97 === 0 ? '😀€' : ''}\n`);
  pieces.splice(1500, 0, `${'€'.repeat(400_000)}\n`, '');
  writeAtomic(target, pieces);
  assert.is(readFileSync(target, 'utf8'), pieces.join(''));
  const failing = join(dir, 'failing.json');
  function* broken(): Generator<string> {
    yield 'x'.repeat(2 << 20);
    throw new RangeError('renderer bug');
  }
  assert.throws(() => writeAtomic(failing, broken()), (e: unknown) => e instanceof RangeError && e.message === 'renderer bug');
  assert.equal(readdirSync(dir).sort(), ['report.json'], 'no report and no temp file for the failed one');
});

test.run();
