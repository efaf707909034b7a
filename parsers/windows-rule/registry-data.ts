/**
 * @fileoverview Raw registry value data as the binary containers store it (Registry.pol entries, .wfw hive values,
 * `hex(N):` data in .reg files): REG_SZ / REG_EXPAND_SZ as UTF-16LE with a trailing NUL, REG_DWORD little-endian,
 * REG_DWORD_BIG_ENDIAN.
 */

export const REG_SZ = 1;
export const REG_EXPAND_SZ = 2;
export const REG_DWORD = 4;
export const REG_DWORD_BIG_ENDIAN = 5;

const UTF16 = new TextDecoder('utf-16le');

/** The string of a REG_SZ / REG_EXPAND_SZ value (trailing NULs dropped), else undefined. */
export function registryText(type: number, data: Uint8Array): string | undefined {
  if (type !== REG_SZ && type !== REG_EXPAND_SZ) return undefined;
  return UTF16.decode(data).replace(/\0+$/, '');
}

/** The number of a 4-byte REG_DWORD / REG_DWORD_BIG_ENDIAN value, else undefined. */
export function registryDword(type: number, data: Uint8Array): number | undefined {
  if (data.length !== 4 || (type !== REG_DWORD && type !== REG_DWORD_BIG_ENDIAN)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = type === REG_DWORD ? data : [...data].reverse();
  return (a | (b << 8) | (c << 16) | (d << 24)) >>> 0;
}

/** Data for messages: the number, the string, or the type and size. */
export function registryDataText(type: number, data: Uint8Array): string {
  const n = registryDword(type, data);
  if (n !== undefined) return String(n);
  return registryText(type, data) ?? `type ${type}, ${data.length} bytes`;
}
