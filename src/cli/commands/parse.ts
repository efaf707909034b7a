/**
 * @fileoverview `k2audit parse <export>`: the normalized rule set and every diagnostic, as text or JSON.
 */
import { ruleListingJson, ruleListingText } from '../../../reports/rule-listing.js';
import { formatDiagnostic } from '../../model/diagnostic.js';
import { loadOptionsFrom, readExportAsync } from '../load-input-async.js';
import type { Direction } from '../../model/rule.js';
import type { CommandIO } from './compare.js';

export interface ParseArgs {
  readonly export: string;
  readonly format: 'text' | 'json';
  readonly inputFormat?: string | undefined;
  readonly direction?: Direction | undefined;
}

/** Prints the listing and diagnostics; returns 2 when the input has errors, else 0. */
export async function runParse(args: ParseArgs, io: CommandIO): Promise<number> {
  const r = await readExportAsync(args.export, loadOptionsFrom(args));
  if (r.loaded === undefined) {
    for (const d of r.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  const s = r.loaded.summary;
  const meta = { file: s.path, format: s.format, encoding: s.encoding, sha256: s.sha256, ruleCount: s.ruleCount };
  const rs = r.loaded.ruleSet;
  io.stdout(args.format === 'json' ? ruleListingJson(rs, meta) : `${s.path}: ${s.format} (${s.encoding}), ${s.ruleCount} rules\n${ruleListingText(rs)}`);
  return r.errors.length > 0 ? 2 : 0;
}
