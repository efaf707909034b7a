/**
 * @fileoverview The seed corpus of the fuzz suite: every export fixture under fixtures/ (all formats), read once.
 * Generator scripts and READMEs are not exports; fixtures/nft joins once the nft parser is registered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsers } from '../../parsers/index.js';

/** One seed file. */
export interface Seed {
  /** Path relative to the repository root (`fixtures/netsh/plain.netsh.txt`). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Folders under fixtures/ that hold no firewall exports. */
const NOT_EXPORTS = new Set(['waivers']);

/** File names that are documentation or generators, not exports. */
const NOT_EXPORT_FILE = /(^README\.md$|^NATIVE\.md$|\.mjs$)/;

/** Whether a parser for the format is registered (fixtures of unregistered formats are skipped). */
export function isRegistered(format: string): boolean {
  return parsers.some((p) => p.format === format);
}

/** Every export fixture, sorted by path (the order is part of the reproducible seed). */
export function loadSeeds(root: string): Seed[] {
  const dir = join(root, 'fixtures');
  const seeds: Seed[] = [];
  for (const folder of readdirSync(dir).sort()) {
    if (NOT_EXPORTS.has(folder)) continue;
    if (folder === 'nft' && !isRegistered('nft')) continue;
    collect(join(dir, folder), root, seeds);
  }
  return seeds;
}

function collect(dir: string, root: string, out: Seed[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      collect(full, root, out);
      continue;
    }
    if (NOT_EXPORT_FILE.test(name)) continue;
    out.push({ path: relative(root, full), bytes: new Uint8Array(readFileSync(full)) });
  }
}

/** Seed folders (formats) present in the corpus, for the coverage report. */
export function seedFolders(seeds: readonly Seed[]): string[] {
  return [...new Set(seeds.map((s) => s.path.split('/')[1] ?? ''))].sort();
}
