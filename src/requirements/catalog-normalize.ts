/**
 * @fileoverview Seed 002 row cells → CatalogEntry: port text to sets, protocol names to numbers, seed typos
 * normalized with a note saying what the seed wrote.
 */
import { parsePortToken, ports, type PortSet } from '../model/port-set.js';
import { CATALOG_COLUMN_WIDTHS, CATALOG_SEED_DOCUMENT, type CatalogRow } from './catalog-rows.js';
import type { CatalogEntry } from './types.js';

/** Protocol cells the seed uses, with their IP protocol numbers. */
const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, GRE: 47, ESP: 50, AH: 51 };

/** Misspelt protocol cells and what they mean. */
const PROTOCOL_TYPOS: Readonly<Record<string, string>> = { UPD: 'UDP' };

/** Abbreviated service names expanded so reports read naturally. */
const SERVICE_EXPANSIONS: Readonly<Record<string, string>> = { RDS: 'Remote Desktop Services' };

/** Port cells written as prose. */
const PORT_PROSE: Readonly<Record<string, readonly [number, number]>> = {
  'random port number between 49152 - 65535': [49152, 65535],
};

/** Rebuilds a row's verbatim seed text from its cells and the table's column widths. */
export function catalogRowText(row: CatalogRow): string {
  const cells = [row[1], row[2], row[3], row[4]].map((c, i) => c.padEnd(CATALOG_COLUMN_WIDTHS[i] ?? 0));
  return `| ${cells.join(' | ')} |`;
}

/** Normalizes one row; throws on a cell form the embedded data should never contain. */
export function normalizeCatalogRow(row: CatalogRow): CatalogEntry {
  const [line, portText, protocolText, appText, serviceText] = row;
  const notes: string[] = [];
  const protocol = protocolNumber(protocolText, notes);
  const portSet = portsOf(portText, notes);
  const appProtocol = unquote(appText, notes);
  const service = expand(unquote(serviceText, notes), notes);
  return {
    ports: portSet,
    protocol,
    protocolText,
    appProtocol,
    service,
    seed: { document: CATALOG_SEED_DOCUMENT, line, text: catalogRowText(row) },
    ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
  };
}

function protocolNumber(text: string, notes: string[]): number {
  const fixed = PROTOCOL_TYPOS[text];
  if (fixed !== undefined) notes.push(`seed says "${text}"; read as ${fixed}`);
  const n = PROTOCOL_NUMBERS[fixed ?? text];
  if (n === undefined) throw new Error(`catalog: unknown protocol "${text}"`);
  return n;
}

function portsOf(text: string, notes: string[]): PortSet | undefined {
  if (text === 'n/a') return undefined;
  const prose = PORT_PROSE[text];
  if (prose !== undefined) {
    notes.push(`seed says "${text}"; read as ${prose[0]}-${prose[1]}`);
    return ports(prose);
  }
  const r = parsePortToken(text);
  if (!r.ok) throw new Error(`catalog: ${r.error}`);
  return r.set;
}

function unquote(text: string, notes: string[]): string {
  const m = /^`([^`]*)`$/.exec(text);
  if (m === null) return text;
  notes.push(`seed writes ${text} in backticks; stripped`);
  return m[1] ?? text;
}

function expand(service: string, notes: string[]): string {
  const long = SERVICE_EXPANSIONS[service];
  if (long === undefined) return service;
  notes.push(`seed says "${service}"; expanded to ${long}`);
  return long;
}
