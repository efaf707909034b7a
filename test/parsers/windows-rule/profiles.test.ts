import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import type { FirewallProfile } from '../../../src/model/rule.js';
import { LOCAL_MERGE_UNUSED, PROFILE_VALUE_UNUSED, ProfileCollector, profileOfKey } from '../../../parsers/windows-rule/profiles.js';
import { codes } from './helpers.js';

const ref = (line: number) => ({ file: 'p.reg', line });

function collect(values: [store: 'local' | 'gpo', profile: FirewallProfile, name: string, value: number | undefined, line: number][]) {
  const diags: Diagnostic[] = [];
  const c = new ProfileCollector(diags);
  const outcomes = values.map(([store, profile, name, value, line]) => c.add(store, profile, { name, value, text: String(value), ref: ref(line) }));
  return { result: c.result(), outcomes, diags };
}

test('registry key names: StandardProfile is the Private profile; GPO uses PrivateProfile', () => {
  assert.is(profileOfKey('DomainProfile'), 'domain');
  assert.is(profileOfKey('StandardProfile'), 'private');
  assert.is(profileOfKey('privateprofile'), 'private');
  assert.is(profileOfKey('PublicProfile'), 'public');
  assert.is(profileOfKey('Logging'), undefined);
});

test('EnableFirewall 0/1, DefaultInboundAction 1 = block, 0 = allow, DefaultOutboundAction likewise', () => {
  const { result, outcomes } = collect([
    ['local', 'domain', 'EnableFirewall', 1, 1],
    ['local', 'domain', 'DefaultInboundAction', 1, 2],
    ['local', 'domain', 'DefaultOutboundAction', 0, 3],
    ['local', 'public', 'EnableFirewall', 0, 4],
    ['local', 'public', 'DefaultInboundAction', 0, 5],
    ['local', 'public', 'DefaultOutboundAction', 1, 6],
  ]);
  assert.equal(outcomes.map((o) => o.kind), ['parsed', 'parsed', 'parsed', 'parsed', 'parsed', 'parsed']);
  assert.equal(result, {
    domain: { enabled: true, inbound: 'block', outbound: 'allow', source: ref(1) },
    public: { enabled: false, inbound: 'allow', outbound: 'block', source: ref(4) },
  });
});

test('DoNotAllowExceptions=1 → inbound block-always, whatever DefaultInboundAction says', () => {
  const { result } = collect([
    ['gpo', 'private', 'DefaultInboundAction', 0, 1],
    ['gpo', 'private', 'DoNotAllowExceptions', 1, 2],
  ]);
  assert.is(result?.private?.inbound, 'block-always');
  assert.is(collect([['gpo', 'private', 'DoNotAllowExceptions', 0, 1]]).result?.private?.inbound, undefined);
});

test('AllowLocalPolicyMerge is honoured from the GPO store only; GPO values override local ones field by field', () => {
  const { result, outcomes } = collect([
    ['local', 'domain', 'EnableFirewall', 1, 1],
    ['local', 'domain', 'DefaultInboundAction', 0, 2],
    ['local', 'domain', 'AllowLocalPolicyMerge', 0, 3],
    ['gpo', 'domain', 'DefaultInboundAction', 1, 10],
    ['gpo', 'domain', 'AllowLocalPolicyMerge', 0, 11],
  ]);
  assert.equal(outcomes[2], { kind: 'ignored', reason: LOCAL_MERGE_UNUSED });
  assert.equal(result?.domain, { enabled: true, inbound: 'block', outbound: undefined, source: ref(10), allowLocalPolicyMerge: false });
  assert.is(collect([['gpo', 'domain', 'AllowLocalPolicyMerge', 1, 1]]).result?.domain?.allowLocalPolicyMerge, true);
});

test('other values are ignored with a reason; non-0/1 values are errors and leave the setting unknown', () => {
  const { result, outcomes, diags } = collect([
    ['local', 'domain', 'DisableNotifications', 1, 1],
    ['local', 'domain', 'DefaultInboundAction', 2, 2],
    ['local', 'domain', 'EnableFirewall', undefined, 3],
  ]);
  assert.equal(outcomes, [{ kind: 'ignored', reason: PROFILE_VALUE_UNUSED }, { kind: 'unsupported' }, { kind: 'unsupported' }]);
  assert.equal(codes(diags), ['WINPROFILE_INVALID_VALUE@2', 'WINPROFILE_INVALID_VALUE@3']);
  assert.equal(result?.domain, { enabled: undefined, inbound: undefined, outbound: undefined, source: ref(1) });
});

test('no profile key at all → undefined; a touched key without values → settings with its source', () => {
  const diags: Diagnostic[] = [];
  const c = new ProfileCollector(diags);
  assert.is(c.result(), undefined);
  c.touch('local', 'public', ref(9));
  assert.equal(c.result(), { public: { enabled: undefined, inbound: undefined, outbound: undefined, source: ref(9) } });
});

test.run();
