#!/usr/bin/env node
/**
 * @fileoverview The `k2audit` executable: runs main() with the process's arguments and streams.
 */
import { tuneForShortRun } from './v8-tuning.js';
import { main } from './main.js';

tuneForShortRun();

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
});
process.exitCode = code;
