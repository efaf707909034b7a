/**
 * @fileoverview Positions for PowerShell JSON: element spans → lines and verbatim text, member lines on demand for
 * diagnostics, and the per-line accounting (element lines parsed, the rest JSON punctuation or unused members).
 * Lines are used only when they tell elements apart (not in `-Compress`ed one-line JSON).
 */
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ParseSink } from '../shared/parse-sink.js';
import { memberOffset, pathKey, valueSpans, type Span } from './json-positions.js';
import { LineIndex } from './line-index.js';
import { WinSink } from './win-context.js';

/** Offsets and lines of the located JSON values of one text. */
export class JsonPositions {
  private readonly spans: Map<string, Span>;
  readonly lines: LineIndex;
  /** Whether lines distinguish the rule elements (false for one-line JSON). */
  useLines = true;

  constructor(
    readonly text: string,
    maxDepth: number,
  ) {
    this.spans = valueSpans(text, maxDepth);
    this.lines = new LineIndex(text);
  }

  span(path: readonly string[]): Span | undefined {
    return this.spans.get(pathKey(path));
  }

  /** First and last line of the value at `path`. */
  lineRange(path: readonly string[]): readonly [number, number] | undefined {
    const s = this.span(path);
    return s === undefined ? undefined : [this.lines.lineAt(s.start), this.lines.lineAt(Math.max(s.start, s.end - 1))];
  }

  /** Start line of the value at `path`, when lines are in use. */
  line(path: readonly string[]): number | undefined {
    if (!this.useLines) return undefined;
    return this.lineRange(path)?.[0];
  }

  /** The value's text, verbatim. */
  slice(path: readonly string[]): string | undefined {
    const s = this.span(path);
    return s === undefined ? undefined : this.text.slice(s.start, s.end);
  }

  /** Line of member `path[-1]` inside the located object `path[..-1]`. */
  memberLine(path: readonly string[]): number | undefined {
    if (!this.useLines || path.length === 0) return undefined;
    const parent = this.span(path.slice(0, -1));
    if (parent === undefined || this.text[parent.start] !== '{') return undefined;
    const offset = memberOffset(this.text, parent, path[path.length - 1] as string);
    return offset === undefined ? undefined : this.lines.lineAt(offset);
  }

  /** Marks every line of the value at `path` with `mark`. */
  markLines(path: readonly string[], mark: (line: number) => void): void {
    const range = this.lineRange(path);
    if (range === undefined) return;
    for (let l = range[0]; l <= range[1]; l++) mark(l);
  }
}

/** A WinSink whose value positions resolve to the line of the JSON member that holds the value. */
export class JsonWinSink extends WinSink {
  constructor(
    sink: ParseSink,
    private readonly positions: JsonPositions,
  ) {
    super(sink);
  }

  protected override locate(ref: SourceRef): SourceRef {
    if (ref.path === undefined) return ref;
    const line = this.positions.memberLine(ref.path) ?? ref.line;
    return line === undefined ? ref : { ...ref, line };
  }
}
