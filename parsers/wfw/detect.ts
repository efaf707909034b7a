/**
 * @fileoverview Content sniffing for .wfw exports: the `regf` registry-hive magic in the first four bytes. Every regf
 * hive is claimed, so that a hive of an unknown version or a non-firewall hive gets the wfw parser's guidance.
 */

/** Whether the bytes start with the regf signature. */
export function looksLikeWfw(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x72 && bytes[1] === 0x65 && bytes[2] === 0x67 && bytes[3] === 0x66;
}
