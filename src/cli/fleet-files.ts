/**
 * @fileoverview Fleet inputs: directories and quoted globs (`exports/*.txt`) expanded to files, grouped into hosts
 * by the part of the file name before the first dot (`app01.rules.txt` + `app01.profiles.txt` → host `app01`;
 * `db01.v4` + `db01.v6` → host `db01`).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

const WILDCARD = /[*?]/;

/** Whether the positional arguments ask for fleet mode (a directory or a wildcard pattern). */
export function isFleet(paths: readonly string[]): boolean {
  return paths.some((p) => WILDCARD.test(p) || isDir(p));
}

/** Host name → its export files (sorted), hosts sorted by name. */
export function fleetHosts(paths: readonly string[]): Map<string, string[]> {
  const files = new Set<string>();
  for (const p of paths) for (const f of expand(p)) files.add(f);
  if (files.size === 0) throw new UsageError(`no export files found in ${paths.join(' ')}`);
  const hosts = new Map<string, string[]>();
  for (const f of [...files].sort()) {
    const host = hostOf(f);
    hosts.set(host, [...(hosts.get(host) ?? []), f]);
  }
  return new Map([...hosts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `app01.netsh.txt` → `app01`. */
export function hostOf(file: string): string {
  const name = basename(file);
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function expand(p: string): string[] {
  if (isDir(p)) return listFiles(p, () => true);
  if (!WILDCARD.test(p)) return [p];
  const dir = dirname(p);
  if (WILDCARD.test(dir)) throw new UsageError(`"${p}": wildcards are supported in the file name only`);
  const re = globRegex(basename(p));
  return listFiles(dir, (name) => re.test(name));
}

function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError(`cannot read directory ${dir}`);
  }
  return names
    .filter((n) => !n.startsWith('.') && keep(n))
    .map((n) => join(dir, n))
    .filter((f) => !isDir(f))
    .sort();
}

function globRegex(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
