/**
 * @fileoverview Builds PReg bytes in tests (the committed fixtures come from fixtures/registry-pol/make.mjs).
 */

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const ch = (c: string): Buffer => Buffer.from(c, 'utf16le');
const utf16z = (s: string): Buffer => Buffer.from(`${s}\0`, 'utf16le');

/** `PReg` + version. */
export function pregHeader(version = 1): Buffer {
  return Buffer.concat([Buffer.from('PReg', 'ascii'), u32(version)]);
}

/** One entry; `size` overrides the real data length. */
export function pregEntry(key: string, value: string, type: number, data: Buffer, size = data.length): Buffer {
  return Buffer.concat([ch('['), utf16z(key), ch(';'), utf16z(value), ch(';'), u32(type), ch(';'), u32(size), ch(';'), data, ch(']')]);
}

export const pregSz = (key: string, value: string, text: string): Buffer => pregEntry(key, value, 1, utf16z(text));
export const pregDword = (key: string, value: string, n: number): Buffer => pregEntry(key, value, 4, u32(n));

export const RULES_KEY = 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules';
