/**
 * @fileoverview Collects what a line-based parser has to say: diagnostics, and one accounting mark per input line
 * (parsed, ignored with a reason, or unsupported). A later mark replaces an earlier one, so a field line first
 * marked parsed becomes unsupported when its value turns out unreadable.
 */
import type { Diagnostic, DiagnosticSeverity, LineAccounting } from '../../src/model/diagnostic.js';
import { oneLine } from './one-line.js';

/** Reasons for ignored lines (keys of LineAccounting.ignored). */
export const IGNORED = {
  blank: 'blank',
  separator: 'separator',
  status: 'status line',
  profileSetting: 'profile setting not used',
  duplicateProfile: 'duplicate profile section',
} as const;

const PARSED = 1;
const UNSUPPORTED = 2;
const IGNORED_MARK = 3;

/** Diagnostics and line marks of one input file of `lineCount` lines. */
export class ParseSink {
  readonly diagnostics: Diagnostic[] = [];
  /** One mark per line (index = line - 1): 0 none, then PARSED / UNSUPPORTED / IGNORED_MARK. */
  private readonly marks: Uint8Array;
  /** Per line: 1 + index in `reasonList` of its ignore reason (0: none). Arrays, not a Map: exports have 100,000s of lines. */
  private readonly reasonOf: Uint32Array;
  private readonly reasonList: string[] = [];
  private readonly reasonIndex = new Map<string, number>();
  private lastReason: string | undefined;
  private lastIndex = 0;

  constructor(
    readonly file: string,
    readonly lineCount: number,
  ) {
    this.marks = new Uint8Array(lineCount);
    this.reasonOf = new Uint32Array(lineCount);
  }

  /** Adds a diagnostic; `line` is 1-based, omitted for file-level messages. */
  report(severity: DiagnosticSeverity, code: string, message: string, line?: number): void {
    const ref = line === undefined ? { file: this.file } : { file: this.file, line };
    this.diagnostics.push({ severity, code, message: oneLine(message), ref });
  }

  parsed(line: number): void {
    this.marks[line - 1] = PARSED;
  }

  ignored(line: number, reason: string): void {
    this.marks[line - 1] = IGNORED_MARK;
    let index = reason === this.lastReason ? this.lastIndex : this.reasonIndex.get(reason);
    if (index === undefined) {
      index = this.reasonList.length;
      this.reasonList.push(reason);
      this.reasonIndex.set(reason, index);
    }
    this.reasonOf[line - 1] = index + 1;
    this.lastReason = reason;
    this.lastIndex = index;
  }

  /** Marks a line that could not be interpreted; the caller reports a diagnostic for it. */
  unsupported(line: number): void {
    this.marks[line - 1] = UNSUPPORTED;
  }

  /** Totals over the marks; an unmarked line would make the sum fall short of `total` (tests check this). */
  accounting(): LineAccounting {
    let parsed = 0;
    let unsupported = 0;
    const ignored: Record<string, number> = {};
    for (let i = 0; i < this.marks.length; i++) {
      const mark = this.marks[i];
      if (mark === PARSED) parsed++;
      else if (mark === UNSUPPORTED) unsupported++;
      else if (mark === IGNORED_MARK) {
        const reason = this.reasonList[(this.reasonOf[i] ?? 0) - 1] ?? 'unknown';
        ignored[reason] = (ignored[reason] ?? 0) + 1;
      }
    }
    return { total: this.lineCount, parsed, ignored, unsupported };
  }
}

/** Shortens input text quoted in a message. */
export function quote(text: string, max = 60): string {
  const t = text.trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}
