/**
 * @fileoverview Content sniffing for Registry.pol: the `PReg` magic in the first four bytes. decode() may take the
 * UTF-16LE entries for text, so detection looks at the bytes, never at the decoded text.
 */
import { PREG_MAGIC } from './parse.js';

/** Whether the bytes start with the PReg signature. */
export function looksLikeRegistryPol(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && PREG_MAGIC.every((b, i) => bytes[i] === b);
}
