/**
 * @fileoverview File system edge of the CLI: reading inputs with clear errors, hashing, atomic report writes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * so an interrupted run never leaves a partial report that looks complete. `content` may come in pieces (a report
 * streamed as it is rendered): they are written as they come. Failures to write are UsageErrors (one line, exit 2);
 * anything else thrown while the pieces are made is rethrown as it is, after the temporary file is removed.
 */
export function writeAtomic(path: string, content: string | Iterable<string>): void {
  // Unpredictable and created exclusively (never through a planted symlink); the name ends in .tmp, never in a report
  // extension, so a file left by a killed run cannot be mistaken for a report.
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    fsStep(() => mkdirSync(dirname(path), { recursive: true }));
    const fd = fsStep(() => openSync(tmp, 'wx'));
    try {
      if (typeof content === 'string') writeAll(fd, content);
      else writeChunks(fd, content);
      fsStep(() => fsyncSync(fd));
    } finally {
      closeSync(fd);
    }
    fsStep(() => renameSync(tmp, path));
  } catch (e) {
    removeQuietly(tmp);
    if (e instanceof FsFailure) throw new UsageError(`cannot write ${path}: ${describeFsError(e.cause)}`);
    throw e;
  }
}

/** A file-system call that failed (as opposed to an error from making the content). */
class FsFailure {
  constructor(readonly cause: unknown) {}
}

function fsStep<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new FsFailure(e);
  }
}

/** Pieces are encoded into a buffer of this many bytes, written when the next piece might not fit. */
const CHUNK_BYTES = 1 << 20;

function writeChunks(fd: number, pieces: Iterable<string>): void {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  for (const piece of pieces) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
    const most = piece.length * 3;
    if (used + most > CHUNK_BYTES) {
      writeBytes(fd, buf.subarray(0, used));
      used = 0;
    }
    if (most > CHUNK_BYTES) writeAll(fd, piece);
    else used += buf.write(piece, used, 'utf8');
  }
  writeBytes(fd, buf.subarray(0, used));
}

function writeAll(fd: number, content: string): void {
  writeBytes(fd, Buffer.from(content, 'utf8'));
}

/**
 * Writes every byte: one write(2) may write fewer bytes than asked (a full disk writes what fits, then fails on the
 * next call), and a short write that went unnoticed used to be renamed into place as a truncated report.
 */
function writeBytes(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    const n = fsStep(() => writeSync(fd, bytes, at, bytes.length - at));
    if (n <= 0) throw new FsFailure(Object.assign(new Error('short write'), { code: 'ENOSPC' }));
    at += n;
  }
}

/** Removes a temporary file if it exists; a path that cannot even be inspected (ENOTDIR, ENAMETOOLONG) is left alone. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was created there: the original error is the one to report.
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
    case 'EEXIST':
      return (e as { syscall?: string }).syscall === 'mkdir' ? 'a parent is not a directory' : 'the file already exists';
    case 'ENOSPC':
      return 'no space left on device';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EROFS':
      return 'read-only file system';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Where each report format goes: stdout (absent from the map, when there is no --out), the --out file, or
 * `<out>/<base><extension>` when --out is a directory (or several formats are asked for).
 */
export function outputTargets<F extends string>(formats: readonly F[], out: string | undefined, base: string, extensions: Readonly<Record<F, string>>): Map<F, string> {
  const targets = new Map<F, string>();
  if (out === undefined) {
    if (formats.length > 1) throw new UsageError('several --format values need --out <directory>');
    return targets;
  }
  const asDir = formats.length > 1 || out.endsWith('/') || isDirectory(out);
  for (const f of formats) targets.set(f, asDir ? join(out, `${base}${extensions[f]}`) : out);
  return targets;
}
