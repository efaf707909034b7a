/**
 * @fileoverview Fleet summary renderers: Markdown (hosts worst first + a requirement × status count table) and JSON
 * (the full hosts × requirements matrix).
 */
import type { FleetSummary, HostSummary } from '../src/findings/fleet.js';
import type { RequirementStatus } from '../src/findings/result.js';
import { mdTable, mdText } from './markdown-escape.js';

const STATUSES: readonly RequirementStatus[] = ['allowed', 'partial', 'blocked', 'conditional', 'unknown', 'waived'];

/** Markdown for a change ticket or a wiki page. */
export function fleetMarkdown(s: FleetSummary): string {
  const fail = s.hosts.filter((h) => h.verdict === 'fail').length;
  const errors = s.hosts.filter((h) => h.verdict === 'error').length;
  const head = [
    '# k2audit fleet summary',
    '',
    `Verdict: **${fail + errors > 0 ? 'FAIL' : 'PASS'}**: ${s.hosts.length} hosts, ${s.hosts.length - fail - errors} pass, ${fail} fail, ${errors} could not be audited.`,
    '',
    mdTable(['Field', 'Value'], [
      ['Tool', `${s.tool.name} ${s.tool.version}`],
      ['Profile', s.profile ?? 'none (custom requirements only)'],
      ['Features', s.features.length === 0 ? 'none' : s.features.join(', ')],
      ['Firewall profile', s.firewallProfile],
      ['Fail-on threshold', s.failOn],
      ['Generated at', s.generatedAt],
    ]),
    '',
    '## Hosts (worst first)',
    '',
    mdTable(['Host', 'Verdict', 'Failing findings', ...STATUSES, 'Not allowed', 'Report'], s.hosts.map(hostRow)),
    '',
    '## Requirements across the fleet',
    '',
    mdTable(['Requirement', 'Component', ...STATUSES], s.requirements.map((r) => [r.id, r.component, ...STATUSES.map((st) => String(s.hosts.filter((h) => h.statuses[r.id] === st).length))])),
  ];
  return `${head.join('\n')}\n`;
}

function hostRow(h: HostSummary): string[] {
  if (h.verdict === 'error') return [h.host, 'ERROR', '', ...STATUSES.map(() => ''), mdText(h.error ?? ''), ''];
  const counts = STATUSES.map((st) => String(Object.values(h.statuses).filter((x) => x === st).length));
  const bad = Object.entries(h.statuses).filter(([, st]) => st !== 'allowed' && st !== 'waived').map(([id]) => id);
  const shown = bad.length > 8 ? `${bad.slice(0, 8).join(', ')} … (+${bad.length - 8})` : bad.join(', ');
  return [h.host, h.verdict.toUpperCase(), String(h.failing), ...counts, shown, h.reports[0] ?? ''];
}

/** JSON with the full matrix (`hosts[].statuses` keyed by requirement id). */
export function fleetJson(s: FleetSummary): string {
  return `${JSON.stringify({ schemaVersion: 1, kind: 'fleet-summary', ...s }, null, 2)}\n`;
}
