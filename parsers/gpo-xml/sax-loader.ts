/**
 * @fileoverview Typed access to the `sax` streaming parser that ships with xml2js (xml2js builds whole object trees,
 * ≈2.5 s for a 20,000-rule report; a sax pass is several times faster and reports line numbers). Resolved through
 * xml2js so it is always the copy xml2js depends on. Only the members this parser uses are typed.
 */
import { createRequire } from 'node:module';

/** An opening tag as sax reports it without namespace processing. */
export interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly isSelfClosing: boolean;
}

/** The sax parser members used here. */
export interface SaxParser {
  /** 0-based line of the current position. */
  readonly line: number;
  readonly column: number;
  /** Characters consumed so far. */
  readonly position: number;
  /** Position just after the `<` of the tag being parsed. */
  readonly startTagPosition: number;
  onopentag: (tag: SaxTag) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  onerror: (error: Error) => void;
  write(chunk: string): SaxParser;
  close(): SaxParser;
}

interface SaxModule {
  parser(strict: boolean, options: { xmlns: boolean; position: boolean; strictEntities: boolean; trim: boolean }): SaxParser;
}

let cached: SaxModule | undefined;

/** A strict sax parser: XML-only entities, no namespace processing (done by the caller), positions tracked. */
export function createSaxParser(): SaxParser {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const xml2jsMain = require.resolve('xml2js');
    cached = createRequire(xml2jsMain)('sax') as SaxModule;
  }
  return cached.parser(true, { xmlns: false, position: true, strictEntities: true, trim: false });
}
