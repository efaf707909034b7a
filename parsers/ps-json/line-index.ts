/**
 * @fileoverview Offset → 1-based line for a text, counting CRLF, LF and lone CR as line ends (as splitLines does).
 */

/** Offset → 1-based line, with CRLF, LF and lone CR as line ends (as splitLines counts them). */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly textLength: number;

  constructor(text: string) {
    this.textLength = text.length;
    if (!/\r(?!\n)/.test(text)) {
      // No lone CR: every line ends at a LF, which indexOf finds fast.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
      if (c === 0x0a || c === 0x0d) this.starts.push(i + 1);
    }
  }

  /** Lines as splitLines() counts them, less the empty one after a final line break. */
  get contentLines(): number {
    const last = this.starts[this.starts.length - 1] ?? 0;
    return this.starts.length > 1 && last === this.textLength ? this.starts.length - 1 : this.starts.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
