/**
 * @fileoverview The port-coverage picture: inline SVG, one figure per direction × protocol, one strip per
 * requirement (and per address family when the families disagree), one cell per required port range,
 * coloured by what the firewall does to that range. Only required ports are drawn (never 65,536 cells).
 */
import { formatPorts, ports, type PortSet } from '../src/model/port-set.js';
import type { TransportProtocol } from '../src/model/protocol.js';
import type { Direction } from '../src/model/rule.js';
import { directionWord, statusLabel } from '../src/findings/messages.js';
import type { AuditResult, RequirementResult, RequirementStatus } from '../src/findings/result.js';
import { html, joinHtml, type SafeHtml } from './html-escape.js';
import { STATUSES } from './summary.js';

const LABEL_W = 300;
const CELL_W = 100;
const CELL_H = 22;
const GAP = 4;
const PER_LINE = 8;
const LABEL_MAX = 40;

/** Fill colour and a glyph per status, so the picture also reads in grey print and for colour-blind readers. */
export const COVERAGE_LOOK: Readonly<Record<RequirementStatus, { readonly fill: string; readonly ink: string; readonly glyph: string }>> = {
  allowed: { fill: '#2e7d32', ink: '#ffffff', glyph: '\u2713' },
  partial: { fill: '#f9a825', ink: '#000000', glyph: '\u25d0' },
  blocked: { fill: '#c62828', ink: '#ffffff', glyph: '\u2715' },
  conditional: { fill: '#1565c0', ink: '#ffffff', glyph: '\u2248' },
  unknown: { fill: '#757575', ink: '#ffffff', glyph: '?' },
  waived: { fill: '#8d6e63', ink: '#ffffff', glyph: 'W' },
};

interface Cell {
  readonly text: string;
  readonly status: RequirementStatus;
  /** True for a requirement whose ports cannot be known (the cell then says so instead of a port). */
  readonly unresolved?: boolean;
}

interface Strip {
  readonly label: string;
  readonly title: string;
  readonly cells: readonly Cell[];
}

/**
 * What the firewall does to one required range. `missing` holds the ports not certainly allowed: for a
 * partial or conditional requirement a range clear of it is allowed, one touching it keeps the status.
 */
export function rangeStatus(status: RequirementStatus, missing: PortSet, range: PortSet): RequirementStatus {
  if (status !== 'partial' && status !== 'conditional') return status;
  return missing.overlaps(range) ? status : 'allowed';
}

function stripCells(status: RequirementStatus, missing: PortSet, required: PortSet | undefined): Cell[] {
  if (required === undefined) return [{ text: 'ports unknown', status, unresolved: true }];
  return required.intervals().map(([lo, hi]) => {
    const range = ports([lo, hi]);
    return { text: formatPorts(range), status: rangeStatus(status, missing, range) };
  });
}

function shorten(label: string): string {
  const chars = [...label];
  return chars.length <= LABEL_MAX ? label : `${chars.slice(0, LABEL_MAX - 1).join('')}\u2026`;
}

/** One strip for the requirement, plus one per family when the families' statuses differ from it. */
function strips(r: RequirementResult): Strip[] {
  const req = r.requirement;
  const title = `${req.id}: ${req.component} (${statusLabel(r.status)})`;
  const main: Strip = { label: shorten(req.id), title, cells: stripCells(r.status, r.missing, req.ports) };
  const fams = r.families ?? [];
  if (fams.every((f) => f.status === r.status)) return [main];
  const perFamily = fams.map((f) => ({
    label: shorten(`${req.id} (${f.family})`),
    title: `${req.id} over ${f.family}: ${statusLabel(f.status)}`,
    cells: stripCells(f.status, f.missing, req.ports),
  }));
  return [main, ...perFamily];
}

function cellMarkup(cell: Cell, x: number, y: number, protocol: TransportProtocol, direction: Direction): SafeHtml {
  const look = COVERAGE_LOOK[cell.status];
  const flow = cell.unresolved === true ? `${cell.text} (${protocol} ${directionWord(direction)})` : `${cell.text}/${protocol} ${directionWord(direction)}`;
  const label = `${flow}: ${statusLabel(cell.status)}`;
  return html`<g role="img" aria-label="${label}" class="cell" data-status="${cell.status}"><title>${label}</title><rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="3" fill="${look.fill}"/><text x="${x + CELL_W / 2}" y="${y + 15}" text-anchor="middle" font-size="11" fill="${look.ink}">${look.glyph} ${cell.text}</text></g>`;
}

function figure(direction: Direction, protocol: TransportProtocol, group: readonly RequirementResult[]): SafeHtml {
  const id = `coverage-${direction}-${protocol}`;
  const all = group.flatMap(strips);
  const parts: SafeHtml[] = [];
  let y = 0;
  for (const strip of all) {
    const lines = Math.max(1, Math.ceil(strip.cells.length / PER_LINE));
    parts.push(
      html`<text x="0" y="${y + 15}" font-size="12" fill="#1b1f23"><title>${strip.title}</title>${strip.label}</text>`,
      ...strip.cells.map((c, i) => cellMarkup(c, LABEL_W + (i % PER_LINE) * (CELL_W + GAP), y + Math.floor(i / PER_LINE) * (CELL_H + GAP), protocol, direction)),
    );
    y += lines * (CELL_H + GAP);
  }
  const widest = Math.min(PER_LINE, Math.max(1, ...all.map((s) => s.cells.length)));
  const width = LABEL_W + widest * (CELL_W + GAP);
  const height = Math.max(y, CELL_H);
  const caption = `${directionWord(direction)} ${protocol.toUpperCase()}: ${group.length} requirement${group.length === 1 ? '' : 's'}`;
  return html`<figure class="coverage" id="${id}">
<figcaption id="${id}-caption">${caption}</figcaption>
<svg role="group" aria-labelledby="${id}-caption" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${joinHtml(parts, '\n')}
</svg>
</figure>`;
}

/** The legend: one swatch per status, with its glyph. */
function legend(): SafeHtml {
  const items = STATUSES.map((s) => {
    const look = COVERAGE_LOOK[s];
    return html`<li><svg class="swatch" width="26" height="16" viewBox="0 0 26 16" aria-hidden="true"><rect width="26" height="16" rx="2" fill="${look.fill}"/><text x="13" y="12" text-anchor="middle" font-size="11" fill="${look.ink}">${look.glyph}</text></svg>${statusLabel(s)}</li>`;
  });
  return html`<ul class="legend" aria-label="Legend">${joinHtml(items)}</ul>`;
}

const GROUPS: readonly (readonly [Direction, TransportProtocol])[] = [
  ['in', 'tcp'],
  ['in', 'udp'],
  ['out', 'tcp'],
  ['out', 'udp'],
];

/** The whole coverage section body: legend, then one figure per direction × protocol that has requirements. */
export function coverageSection(result: AuditResult): SafeHtml {
  if (result.requirements.length === 0) return html`<p>No requirements were checked.</p>`;
  const figures = GROUPS.flatMap(([d, p]) => {
    const group = result.requirements.filter((r) => r.requirement.direction === d && r.requirement.protocol === p);
    return group.length === 0 ? [] : [figure(d, p, group)];
  });
  return html`<p class="muted">Required ports only: one strip per requirement, one cell per required port range.
A partly allowed or conditional requirement colours only the ranges that are not certainly allowed.</p>
${legend()}
${joinHtml(figures, '\n')}`;
}
