/**
 * @fileoverview The metamorphic fuzz property ("never lose a finding"): a lossless change of encoding (UTF-16LE/BE,
 * a BOM added or stripped) must not change what the audit says: the same format, the same rules at the same lines,
 * the same diagnostics, requirement statuses and findings. Applied after the structural mutations, so it also holds
 * for damaged inputs.
 */
import { detectFormat } from '../../parsers/index.js';
import { decode } from '../../src/input/decode.js';
import { audit } from '../../src/engine/audit.js';
import { formatRef } from '../../src/model/source-ref.js';
import { farmRequirements } from './check-parse.js';

/** Everything an audit of the bytes says, except the encoding, as one string; and the number of rules audited. */
export function auditSignature(file: string, bytes: Uint8Array): { readonly text: string; readonly rules: number } {
  const input = decode(file, bytes);
  const parser = detectFormat(input);
  if (parser === undefined) return { text: `unknown ${input.encoding === 'binary' ? 'binary' : 'text'}`, rules: 0 };
  const r = parser.parse(input, { direction: 'in' });
  if (!r.ok) return { text: `fatal ${parser.format} ${r.diagnostics.map((d) => `${formatRef(d.ref)} ${d.code}`).join(' ')}`, rules: 0 };
  const rs = r.ruleSet;
  const rules = rs.rules.map((x) => `${formatRef(x.source)} ${x.id} ${x.name} ${x.action} ${x.direction}`);
  const diagnostics = rs.diagnostics.map((d) => `${formatRef(d.ref)} ${d.severity} ${d.code}`);
  const summary = { path: file, format: parser.format, encoding: '-', sha256: '-', ruleCount: rs.rules.length, diagnostics: rs.diagnostics, accounting: rs.accounting };
  const outcome = audit([{ ruleSet: rs, summary }], farmRequirements(), { firewallProfile: 'domain', failOn: 'high', generatedAt: '2024-01-01T00:00:00.000Z', toolVersion: 'fuzz' });
  const result = outcome.ok ? [...outcome.result.requirements.map((q) => `${q.requirement.id}=${q.status}`), ...outcome.result.findings.map((f) => f.id)] : [`refused ${outcome.error}`];
  return { text: [parser.format, JSON.stringify(rs.accounting), ...rules, ...diagnostics, ...result].join('\n'), rules: rs.rules.length };
}

/** Lossless encodings with a BOM (no sniffing involved). */
export const LOSSLESS = ['utf-16le', 'utf-16be', 'utf-8-bom'] as const;
export type Lossless = (typeof LOSSLESS)[number];

/** The decoded text of `bytes` encoded again; undefined for binary content. */
export function reencoded(file: string, bytes: Uint8Array, to: Lossless): Uint8Array | undefined {
  const input = decode(file, bytes);
  if (input.encoding === 'binary') return undefined;
  if (to === 'utf-8-bom') return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(input.text, 'utf8')]));
  const units = Buffer.from(input.text, 'utf16le');
  if (to === 'utf-16be') units.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(to === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), units]));
}

/** Throws when the two signatures differ, naming the first differing line. */
export function assertSameAudit(before: string, after: string, what: string): void {
  if (before === after) return;
  const a = before.split('\n');
  const b = after.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  throw new Error(`${what} changed the audit at item ${at}: ${JSON.stringify(a[at])} → ${JSON.stringify(b[at])}`);
}
