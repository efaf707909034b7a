/**
 * @fileoverview File system edge of the CLI: reading inputs with clear errors, hashing, atomic report writes.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, UsageError } from './errors.js';

/** Largest input accepted (bytes). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Reads an input file; missing, directory, empty and oversized inputs are InputErrors. */
export function readInput(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, expected an export file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot read: ${describeFsError(e)}`);
  }
  if (size === 0) throw new InputError(`${path}: the file is empty`);
  if (size > MAX_INPUT_BYTES) throw new InputError(`${path}: the file is ${size} bytes; the limit is ${MAX_INPUT_BYTES}`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read: ${describeFsError(e)}`);
  }
}

/** Hex SHA-256 of the bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes a file atomically: a temporary file in the same directory, flushed, then renamed over the target,
 * so an interrupted run never leaves a partial report that looks complete.
 */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}

/** Whether the path is an existing directory. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
