/**
 * @fileoverview Replays one fuzz case from a failure message, outside the test runner:
 * `node dist/test/fuzz/replay.js fixtures/netsh/plain.netsh.txt '[{"kind":"truncate","at":120}]' [out.bin]`
 * prints the parse-level outcome (or the stack of the exception) and, with a third argument, writes the mutated bytes
 * there so that the CLI can be run on them (`node dist/src/cli/bin.js parse out.bin --debug`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../cli/run-cli.js';
import { checkParse } from './check-parse.js';
import { mutate, type Mutation } from './mutations.js';

/** Runs only as a script (a test runner importing every file under dist/test must not trigger it). */
function replay(): void {
  const [seedPath, mutationsJson, outPath] = process.argv.slice(2);
  if (seedPath === undefined || mutationsJson === undefined) {
    console.error('usage: node dist/test/fuzz/replay.js <fixture path> <mutations JSON> [write mutated bytes to]');
    process.exit(2);
  }
  const bytes = mutate(new Uint8Array(readFileSync(join(ROOT, seedPath))), JSON.parse(mutationsJson) as Mutation[]);
  if (outPath !== undefined) writeFileSync(outPath, bytes);
  try {
    console.log(JSON.stringify(checkParse(seedPath, bytes, true)));
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) replay();
