/**
 * @fileoverview Plain-text rendering of profiles, features and one resolved requirement set (`k2audit profiles`).
 */
import { formatPorts } from '../model/port-set.js';
import { formatRef } from '../model/source-ref.js';
import { FEATURES } from './features.js';
import { PORT_NAMES } from './port-overrides.js';
import { PROFILES } from './profiles.js';
import type { Requirement, RequirementSet } from './types.js';
import { REQUIREMENT_SET_VERSION } from './version.js';

/** Profiles, features (values and defaults) and port override names. */
export function describeProfiles(): string {
  const profiles = table(
    ['PROFILE', 'DESCRIPTION'],
    PROFILES.map((p) => [p.name, p.description]),
  );
  const features = table(
    ['FEATURE', 'VALUES', 'DEFAULT', 'DESCRIPTION'],
    FEATURES.map((f) => [f.name, f.kind === 'flag' ? '(on/off)' : f.values.join('|'), f.default ?? '-', f.description]),
  );
  const portNames = table(
    ['PORT NAME', 'DEFAULT', 'ROWS'],
    PORT_NAMES.map((p) => [p.name, p.defaultPorts, p.rows.join(', ')]),
  );
  return [
    `Requirement set ${REQUIREMENT_SET_VERSION}`,
    '',
    'Profiles (--profile NAME):',
    profiles,
    '',
    'Features (--feature NAME[=VALUE]):',
    features,
    '',
    'Port overrides (--port NAME=PORTS):',
    portNames,
    '',
  ].join('\n');
}

/** One requirement set as a table with each requirement's condition and seed row (or file position). */
export function describeProfile(set: RequirementSet): string {
  const rows = set.requirements.map((r) => [
    r.id,
    r.direction,
    r.protocol,
    r.ports === undefined ? '?' : formatPorts(r.ports),
    r.component,
    r.condition ?? '-',
    origin(r),
  ]);
  const unresolved = set.requirements.filter((r) => r.unresolved !== undefined);
  const features = set.features.length === 0 ? 'none' : set.features.join(', ');
  return [
    `Profile ${set.profile ?? '(custom requirements only)'}; features: ${features}; requirement set ${set.version}`,
    `${set.requirements.length} requirement${set.requirements.length === 1 ? '' : 's'}`,
    '',
    table(['ID', 'DIR', 'PROTO', 'PORTS', 'COMPONENT', 'CONDITION', 'SOURCE'], rows),
    ...unresolved.map((r) => `? ${r.id}: ${r.unresolved ?? ''}`),
    '',
  ].join('\n');
}

/** `000_….txt:LINE` for seed rows, `file#requirements/N` for custom file entries. */
function origin(r: Requirement): string {
  if (r.seed !== undefined) return `${r.seed.document}:${r.seed.line}`;
  if (r.source !== undefined) return formatRef(r.source);
  return '-';
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  return all
    .map((row) =>
      row
        .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
