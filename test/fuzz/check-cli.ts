/**
 * @fileoverview The CLI-level fuzz property: the real entry point `main()` on a mutated file either succeeds (exit 0/1,
 * complete reports of every registered format on disk) or fails cleanly (exit 2, exactly one `k2audit: …` line, never "internal error").
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPORT_EXTENSIONS, REPORT_FORMATS } from '../../reports/index.js';
import { main } from '../../src/cli/main.js';

/** The commands the CLI cases rotate through. */
export const CLI_COMMANDS = ['compare', 'parse', 'explain'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** Exit code, rules audited (when a report says) and time of one CLI case. */
export interface CliCase {
  readonly code: number;
  readonly rules: number;
  readonly ms: number;
}

/** Runs `k2audit <command>` on the bytes written to a file in `dir`; throws an Error describing a violation. */
export async function checkCli(dir: string, seedPath: string, bytes: Uint8Array, command: CliCommand): Promise<CliCase> {
  const file = join(dir, basename(seedPath).replace(/[*?]/g, '_'));
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  writeFileSync(file, bytes);
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), env: {} };
  const start = performance.now();
  const code = await main(argsFor(command, file, out), io);
  const ms = performance.now() - start;
  if (code === 2) {
    if (command === 'parse' && !stderr.startsWith('k2audit: ')) checkDiagnosticLines(stderr, stdout);
    else checkCleanError(stderr);
    if (REPORT_FORMATS.some((f) => existsSync(join(out, `k2audit-report${REPORT_EXTENSIONS[f]}`)))) throw new Error('exit 2 but a report was written');
    return { code, rules: 0, ms };
  }
  if (code !== 0 && code !== 1) throw new Error(`exit code ${code}: ${stderr}`);
  if (stderr.includes('internal error')) throw new Error(`internal error with exit ${code}: ${stderr}`);
  let rules = 0;
  if (command === 'compare') rules = checkReports(out);
  else if (command === 'parse') rules = (JSON.parse(stdout) as { ruleCount?: number }).ruleCount ?? 0;
  else if (stdout.length === 0) throw new Error('explain printed nothing');
  return { code, rules, ms };
}

function argsFor(command: CliCommand, file: string, out: string): string[] {
  switch (command) {
    case 'compare':
      return ['compare', file, '--profile', 'farm', ...REPORT_FORMATS.flatMap((f) => ['--format', f]), '--out', out, '--timestamp', '2024-01-01T00:00:00Z', '--quiet', '--no-color'];
    case 'parse':
      return ['parse', file, '--format', 'json', '--direction', 'in'];
    case 'explain':
      return ['explain', file, '--flow', 'in tcp 5555 from 10.1.2.3', '--direction', 'in'];
  }
}

/** Exactly one line `k2audit: …`, no stack trace, not an internal error. */
export function checkCleanError(stderr: string): void {
  if (stderr.includes('internal error')) throw new Error(`internal error: ${stderr.trim()}`);
  const lines = stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1 || !lines[0]?.startsWith('k2audit: ')) throw new Error(`expected one "k2audit: …" line, got: ${JSON.stringify(stderr)}`);
}

/** `parse` on an input with errors: one `file:line severity CODE message` line per diagnostic; stdout empty or JSON. */
function checkDiagnosticLines(stderr: string, stdout: string): void {
  if (stderr.includes('internal error')) throw new Error(`internal error: ${stderr.trim()}`);
  const lines = stderr.split('\n').filter((l) => l !== '');
  const bad = lines.find((l) => !/^\S.* (error|warning|info) [A-Z][A-Z0-9_]* \S/.test(l));
  if (bad !== undefined) throw new Error(`parse: not a diagnostic line: ${JSON.stringify(bad)}`);
  if (stdout !== '') JSON.parse(stdout);
}

/** Every report exists; the JSON (and SARIF) parse, the Markdown ends with the sign-off block. Returns the rule count. */
function checkReports(out: string): number {
  for (const f of REPORT_FORMATS) if (readFileSync(join(out, `k2audit-report${REPORT_EXTENSIONS[f]}`), 'utf8').length === 0) throw new Error(`empty ${f} report`);
  if (REPORT_FORMATS.includes('sarif')) JSON.parse(readFileSync(join(out, 'k2audit-report.sarif'), 'utf8'));
  const json = JSON.parse(readFileSync(join(out, 'k2audit-report.json'), 'utf8')) as { verdict?: unknown; inputs?: { ruleCount?: number }[] };
  if (json.verdict !== 'pass' && json.verdict !== 'fail') throw new Error(`report verdict ${String(json.verdict)}`);
  const md = readFileSync(join(out, 'k2audit-report.md'), 'utf8');
  if (!md.includes('## Sign-off') || !md.trimEnd().endsWith('- Comments: ________________________')) throw new Error('markdown report without its sign-off block');
  return json.inputs?.[0]?.ruleCount ?? 0;
}
