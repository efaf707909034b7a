/**
 * @fileoverview Start-up stays cheap: the CLI imports a command's modules, a format's parser, a report format's
 * reporter and the zod/yaml file loaders only when they are used. Runs the real bin with a module-load hook that
 * logs every loaded URL.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, tempDir } from './run-cli.js';

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(process.env.K2AUDIT_LOAD_LOG, url + '\\n'); return next(url, context); }`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** Runs the bin; returns its exit code and the repository-relative paths of every module it loaded. */
function loadedBy(args: readonly string[]): { code: number | null; stdout: string; loaded: string[] } {
  const log = join(tempDir(), 'loaded.txt');
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, join(ROOT, 'dist/src/cli/bin.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, K2AUDIT_LOAD_LOG: log },
    encoding: 'utf8',
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
  return { code: r.status, stdout: r.stdout, loaded: urls.map((u) => decodeURIComponent(new URL(u).pathname).slice(ROOT.length)) };
}

const has = (loaded: readonly string[], part: string): boolean => loaded.some((p) => p.includes(part));

test('--version loads no command, parser, engine, reporter or data-file library', () => {
  const r = loadedBy(['--version']);
  assert.is(r.code, 0);
  assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  assert.ok(has(r.loaded, 'dist/src/cli/main.js'), 'the hook saw main.js');
  // parsers/rejected/index.js is the one parser module loaded up front: it holds that format's detection.
  const parserModules = r.loaded.filter((p) => /^dist\/parsers\/[^/]+\/index\.js$/.test(p));
  assert.equal(parserModules, ['dist/parsers/rejected/index.js']);
  for (const part of ['dist/src/cli/commands/', 'dist/src/engine/', 'dist/src/model/ip.js', 'dist/reports/json.js', 'node_modules/zod/', 'node_modules/yaml/', 'node_modules/ip-num/', 'node_modules/diff/', 'node_modules/csv-parse/']) {
    assert.not.ok(has(r.loaded, part), part);
  }
});

test('compare loads the detected format\'s parser and the requested reporters only', () => {
  const out = tempDir();
  const r = loadedBy(['compare', 'fixtures/sample/k2-farm-node.netsh.txt', '--profile', 'farm', '--format', 'json', '--out', out, '--timestamp', '0', '--quiet', '--fail-on', 'none']);
  assert.is(r.code, 0);
  for (const part of ['dist/parsers/netsh/index.js', 'dist/src/engine/audit.js', 'dist/reports/json.js']) assert.ok(has(r.loaded, part), part);
  for (const part of ['dist/parsers/iptables-save/index.js', 'dist/parsers/csv/index.js', 'dist/parsers/gpo-xml/index.js', 'dist/reports/markdown.js', 'dist/reports/html.js', 'dist/src/cli/commands/diff.js', 'node_modules/zod/', 'node_modules/yaml/', 'node_modules/diff/', 'node_modules/csv-parse/']) {
    assert.not.ok(has(r.loaded, part), part);
  }
});

test('a waiver file brings in its loader (yaml, zod)', () => {
  const out = tempDir();
  const r = loadedBy(['compare', 'fixtures/compare/precedence.netsh.txt', '--profile', 'farm', '--waivers', 'fixtures/waivers/precedence-waivers.yaml', '--format', 'json', '--out', out, '--timestamp', '2026-11-21T00:00:00Z', '--quiet', '--fail-on', 'none']);
  assert.is(r.code, 0);
  for (const part of ['dist/src/waivers/load.js', 'node_modules/yaml/', 'node_modules/zod/']) assert.ok(has(r.loaded, part), part);
});

test.run();
