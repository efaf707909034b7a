/**
 * @fileoverview The tool version, read from package.json (its own module so that `--version` loads nothing else).
 */
import { readFileSync } from 'node:fs';

/** The tool version from package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
