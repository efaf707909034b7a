/**
 * @fileoverview A hand-built DiffResult for the diff reporter tests: every section filled, hostile input-derived
 * text (HTML, Markdown table and code syntax, control characters) in names, paths and the unified diff.
 */
import type { DiffResult, RuleRef } from '../../src/analyses/diff/types.js';
import type { Finding } from '../../src/findings/finding.js';
import { ALL_PORTS, ports } from '../../src/model/port-set.js';

export const HOSTILE = '<script>alert(1)</script> | `x` *y* [z](u)';

function ref(ref: string, name: string, extra: Partial<RuleRef> = {}): RuleRef {
  return { ref, name, direction: 'in', text: `${JSON.stringify(name)} enabled in allow proto=tcp lport=5555`, ...extra };
}

const wide: Finding = {
  id: 'over-permissive:after.txt:9',
  code: 'RULE_OVER_PERMISSIVE',
  severity: 'critical',
  args: { ruleId: 'after.txt:9', ruleName: HOSTILE, traits: ['any-port', 'any-remote'], excess: '0-5554,5556-65535/tcp', keep: '5555/tcp' },
  refs: [{ file: 'after.txt', line: 9 }],
  direction: 'in',
  protocol: 'tcp',
  ports: ports([0, 5554], [5556, 65535]),
  exposes: ['Remote Desktop 3389/tcp'],
};

const off: Finding = { id: 'firewall-off:public', code: 'FIREWALL_OFF', severity: 'medium', args: { profile: 'public' }, refs: [{ file: 'before.txt', line: 40 }] };

const waived: Finding = {
  ...wide,
  id: 'over-permissive:after.txt:12',
  severity: 'high',
  args: { ...wide.args, ruleId: 'after.txt:12', ruleName: 'Accepted' },
  refs: [{ file: 'after.txt', line: 12 }],
  waiver: { id: 'w.yaml#waivers[0]', reason: 'vendor', approver: 'ops', ticket: 'CHG-9', expires: '2099-01-01' },
};

/** A unified diff long enough to be folded, with backtick runs and a fake closing fence. */
function unified(): string {
  const lines = ['===================================================================', '--- before.txt', '+++ after.txt', '@@ -1,50 +1,50 @@'];
  for (let i = 0; i < 44; i++) lines.push(` "rule ${i}" enabled in allow proto=tcp lport=${1000 + i}`);
  lines.push('-"````x" enabled in allow', '+"<script>alert(2)</script>\u0007" enabled in block', ' ```');
  return `${lines.join('\n')}\n`;
}

/** Every section populated; verdict fail (one regression, one new exposure at or above high). */
export function sampleDiff(): DiffResult {
  const regression = {
    id: 'k2-host-server-in-tcp',
    component: 'K2 Host Server',
    direction: 'in' as const,
    protocol: 'tcp',
    ports: ports(5555),
    before: 'allowed' as const,
    after: 'blocked' as const,
    beforeMissing: ports(),
    afterMissing: ports(5555),
    change: 'regressed' as const,
    severity: 'high' as const,
    rules: ['after.txt#default-inbound-domain'],
  };
  const improved = {
    id: 'web',
    component: 'Web',
    direction: 'in' as const,
    protocol: 'tcp',
    ports: ports(443),
    before: 'blocked' as const,
    after: 'allowed' as const,
    beforeMissing: ports(443),
    afterMissing: ports(),
    change: 'improved' as const,
    rules: ['after.txt:9'],
  };
  return {
    tool: { name: 'k2audit', version: '9.9.9' },
    requirementSet: { profile: 'farm', version: 'k2-test', features: ['email=smtp'] },
    firewallProfile: 'domain',
    generatedAt: '2026-01-02T03:04:05Z',
    failOn: 'high',
    before: { inputs: [{ path: `before ${HOSTILE}.txt`, format: 'netsh', encoding: 'utf-8', sha256: 'a'.repeat(64), ruleCount: 3, diagnostics: [], accounting: { total: 1, parsed: 1, ignored: {}, unsupported: 0 } }], semantics: ['windows'], ruleCount: 3 },
    after: { inputs: [{ path: 'after.txt', format: 'reg', encoding: 'utf-16le', sha256: 'b'.repeat(64), ruleCount: 3, diagnostics: [], accounting: { total: 1, parsed: 1, ignored: {}, unsupported: 0 } }], semantics: ['windows', 'first-match'], ruleCount: 3 },
    rules: {
      added: [ref('after.txt:9', HOSTILE)],
      removed: [ref('before.txt:2', 'K2 Host Server (TCP 5555-In)')],
      changed: [{ before: ref('before.txt:5', 'Mon'), after: ref('after.txt:5', 'Mon|itor'), name: 'Mon|itor', matchedBy: 'vendor-id', fields: [{ field: 'name', before: 'Mon', after: 'Mon|itor' }, { field: 'localPorts', before: '9100', after: '9200' }] }],
      moved: [{ chain: 'filter/INPUT', before: ref('before.txt:7', 'filter/INPUT rule 1', { chain: 'filter/INPUT', position: 1 }), after: ref('after.txt:8', 'filter/INPUT rule 2', { chain: 'filter/INPUT', position: 2 }) }],
      unchanged: 4,
    },
    policies: [{ subject: 'profile public', field: 'firewall', before: 'on', after: 'off', beforeRef: 'before.txt:40' }],
    semantic: {
      directions: ['in', 'out'],
      families: ['ipv4', 'ipv6'],
      notCompared: [],
      changes: [
        {
          direction: 'in',
          protocol: 'tcp',
          protocols: 'tcp',
          newlyAllowed: [{ ports: ports([0, 5554], [5556, 65535]), remote: 'any', certainty: 'certain', responsible: [{ side: 'after', kind: 'rule', ref: 'after.txt:9', name: HOSTILE }] }],
          newlyBlocked: [
            {
              ports: ports(5555),
              remote: 'any',
              certainty: 'certain',
              responsible: [
                { side: 'after', kind: 'default-policy', ref: 'after.txt#default-inbound-domain', name: 'default inbound action of the domain profile: block' },
                { side: 'before', kind: 'rule', ref: 'before.txt:2', name: 'K2 Host Server (TCP 5555-In)' },
              ],
            },
          ],
        },
        { direction: 'out', protocol: 'other', protocols: 'any except tcp,udp', newlyAllowed: [{ ports: ALL_PORTS, remote: '10.0.0.0/8', certainty: 'possible', responsible: [] }], newlyBlocked: [] },
      ],
    },
    requirements: { total: 3, unchanged: 1, transitions: [regression, improved] },
    exposures: { new: [wide, waived], resolved: [off] },
    unifiedDiff: unified(),
    regressions: [regression],
    newExposures: [wide],
    failing: { regressions: 1, exposures: 1 },
    verdict: 'fail',
  };
}

/** Nothing changed: the reordered-export case. */
export function emptyDiff(): DiffResult {
  const s = sampleDiff();
  return {
    ...s,
    rules: { added: [], removed: [], changed: [], moved: [], unchanged: 8 },
    policies: [],
    semantic: { directions: ['in'], families: ['ipv4'], notCompared: [{ direction: 'out', reason: 'the before export does not show how outbound traffic is filtered' }], changes: [] },
    requirements: { total: 45, unchanged: 45, transitions: [] },
    exposures: { new: [], resolved: [], skipped: 'no requirement set' },
    unifiedDiff: '',
    regressions: [],
    newExposures: [],
    failing: { regressions: 0, exposures: 0 },
    verdict: 'pass',
    failOn: 'none',
  };
}
