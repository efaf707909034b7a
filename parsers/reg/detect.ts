/**
 * @fileoverview Content sniffing for .reg files: the first non-blank line is `Windows Registry Editor Version 5.00`
 * or `REGEDIT4` (regedit and `reg export` always write it; the encoding was already sniffed by decode()).
 */
import { HEADER } from './parse.js';

/** Whether the text starts like a regedit export. */
export function looksLikeReg(text: string): boolean {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
  const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return HEADER.test(firstLine.trim());
}
