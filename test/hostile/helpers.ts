/**
 * @fileoverview Shared helpers of the hostile-input tests: temp files, the in-process CLI, and the checks every hostile
 * case shares (a clean one-line error with exit 2, never "internal error").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { detectFormat } from '../../parsers/index.js';
import type { ParseResult } from '../../parsers/types.js';
import { decode } from '../../src/input/decode.js';
import { cli, type CliRun } from '../cli/run-cli.js';

export { cli, ROOT, type CliRun } from '../cli/run-cli.js';

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits (the hostile files run to megabytes). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k2audit-hostile-'));
  created.push(dir);
  return dir;
}

/** Writes `content` to `name` in a fresh temporary directory; returns the path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Asserts exit 2 with exactly one `k2audit: …` stderr line (no stack trace, no internal error); returns the line. */
export function assertCleanError(run: CliRun, what: string): string {
  assert.is(run.code, 2, `${what}: exit code (stderr: ${run.stderr})`);
  assert.not.ok(run.stderr.includes('internal error'), `${what}: ${run.stderr}`);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.is(lines.length, 1, `${what}: one stderr line, got ${JSON.stringify(run.stderr)}`);
  const line = lines[0] ?? '';
  assert.ok(line.startsWith('k2audit: '), `${what}: ${line}`);
  assert.not.ok(/\n\s+at /.test(run.stderr), `${what}: no stack trace`);
  return line;
}

/** Runs `k2audit compare <file> --profile farm` with fixed time, Markdown to stdout. */
export function compareFarm(path: string, ...extra: string[]): Promise<CliRun> {
  return cli(['compare', path, '--profile', 'farm', '--timestamp', '2024-01-01T00:00:00Z', '--quiet', '--fail-on', 'none', ...extra]);
}

/** Decodes, detects and parses bytes as the CLI would; undefined when no format matches. */
export function parseBytes(file: string, bytes: Uint8Array): { format: string; result: ParseResult } | undefined {
  const input = decode(file, bytes);
  const parser = detectFormat(input);
  if (parser === undefined) return undefined;
  return { format: parser.format, result: parser.parse(input, { direction: 'in' }) };
}

/** Milliseconds `f` takes, with its result. */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}
