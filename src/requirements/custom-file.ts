/**
 * @fileoverview Custom requirement files (JSON or YAML): text → validated Requirement[] with field-path errors.
 */
import { AddressSet } from '../model/address-set.js';
import { parseAddressList } from '../model/ip.js';
import { parsePortList } from '../model/port-set.js';
import type { TransportProtocol } from '../model/protocol.js';
import { parseStructuredText, zodIssueText, type Step } from '../input/structured-file.js';
import { requirementFileSchema, type RequirementFileEntry } from './custom-schema.js';
import type { Requirement } from './types.js';

/** The file's requirements (tcp+udp entries expanded), or one error line. */
export type RequirementFileResult = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

/**
 * Parses and validates a requirement file.
 * Errors are one line naming the field: `reqs.yaml: requirements[1].ports: port 70000 out of range 0-65535`.
 */
export function loadRequirementFile(text: string, file: string): RequirementFileResult {
  const data = parseStructuredText(text, 'requirement file');
  if (!data.ok) return { ok: false, error: `${file}: ${data.error}` };
  const parsed = requirementFileSchema.safeParse(data.value);
  if (!parsed.success) return { ok: false, error: `${file}: ${zodIssueText(parsed.error.issues[0], 'invalid requirement file')}` };
  const out: Requirement[] = [];
  const firstIndex = new Map<string, number>();
  for (const [i, entry] of parsed.data.requirements.entries()) {
    const built = toRequirements(entry, i, file);
    if (!built.ok) return { ok: false, error: `${file}: requirements[${i}].${built.error}` };
    for (const req of built.value) {
      const prev = firstIndex.get(req.id);
      if (prev !== undefined) {
        return { ok: false, error: `${file}: requirements[${i}].id: duplicate id "${req.id}" (also requirements[${prev}])` };
      }
      firstIndex.set(req.id, i);
      out.push(req);
    }
  }
  return { ok: true, requirements: out };
}

/** One file entry → one requirement, or two (`-tcp`, `-udp`) for `tcp+udp` / `both`. Errors start with the field. */
function toRequirements(entry: RequirementFileEntry, i: number, file: string): Step<Requirement[]> {
  const portsResult = parsePortList(String(entry.ports));
  if (!portsResult.ok) return { ok: false, error: `ports: ${portsResult.error}` };
  const remoteText = entry.remote ?? 'any';
  const remote = parseRemote(remoteText);
  if (!remote.ok) return { ok: false, error: `remote: ${remote.error}` };
  const both = entry.protocol === 'tcp+udp' || entry.protocol === 'both';
  const protocols: TransportProtocol[] = both ? ['tcp', 'udp'] : [entry.protocol as TransportProtocol];
  const value = protocols.map(
    (protocol): Requirement => ({
      id: both ? `${entry.id}-${protocol}` : entry.id,
      category: entry.category ?? 'Custom',
      component: entry.component ?? entry.id,
      direction: entry.direction,
      protocol,
      ports: portsResult.set,
      remote: remote.value,
      remoteText,
      ...(entry.note === undefined ? {} : { note: entry.note }),
      source: { file, path: ['requirements', String(i)] },
    }),
  );
  return { ok: true, value };
}

function parseRemote(text: string): Step<AddressSet> {
  if (text.toLowerCase() === 'any') return { ok: true, value: AddressSet.ANY };
  const r = parseAddressList(text);
  if (!r.ok) return r;
  if (r.set.isEmpty()) return { ok: false, error: `empty address list "${text}"` };
  return { ok: true, value: r.set };
}
