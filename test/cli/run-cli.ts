/**
 * @fileoverview Runs the CLI in-process and captures its output and exit code.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Repository root (tests run from dist/test/…). */
export const ROOT = new URL('../../../', import.meta.url).pathname;

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const prev = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
    return { code, stdout, stderr };
  } finally {
    process.chdir(prev);
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'k2audit-test-'));
}
