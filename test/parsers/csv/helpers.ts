/**
 * @fileoverview CSV test helpers: the shared PowerShell/CSV helpers bound to the CSV parser.
 */
import type { DecodedInput } from '../../../src/input/decode.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import type { RuleSet } from '../../../src/model/rule.js';
import { csvParser } from '../../../parsers/csv/index.js';
import type { ParseOptions } from '../../../parsers/types.js';
import { loadFixture, parseOk, refusal } from '../ps-json/helpers.js';

export { assertAccounted, codes, conditionTexts, encodeAs, loadFixture, REPO, ruleNamed, summary } from '../ps-json/helpers.js';

/** Parses a CSV fixture (or decoded input) and fails unless ok. */
export function parseCsvOk(input: string | DecodedInput, options: ParseOptions = {}): RuleSet {
  return parseOk(csvParser, typeof input === 'string' ? loadFixture(input) : input, options);
}

/** The one refusal of a CSV fixture (or decoded input). */
export function csvRefusal(input: string | DecodedInput, options: ParseOptions = {}): Diagnostic {
  return refusal(csvParser, typeof input === 'string' ? loadFixture(input) : input, options);
}
