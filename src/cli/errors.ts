/**
 * @fileoverview Errors the CLI turns into one stderr line and exit code 2. Everything else is a bug.
 */

/** Bad arguments or options. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input that cannot be read or trusted (`file:line: what is wrong`). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Whether the error is one we expect and report without a stack trace. */
export function isKnownError(e: unknown): e is UsageError | InputError {
  return e instanceof UsageError || e instanceof InputError;
}

/** One terminal-safe line (see escapeControl). */
export { escapeControl as oneLine } from '../model/diagnostic.js';
