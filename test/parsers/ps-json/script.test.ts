import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { READ_MEMBERS } from '../../../parsers/ps-json/raw-rule.js';
import { REPO } from './helpers.js';

// The script cannot run here (no PowerShell); these checks tie it to the parser and to the hand-written fixture.
const SCRIPT = readFileSync(REPO + 'scripts/collect-k2-firewall.ps1', 'utf8');
const FIXTURE = JSON.parse(readFileSync(REPO + 'fixtures/ps-json/collect-script.ps.json', 'utf8')) as {
  k2audit: Record<string, unknown>;
  profiles: Record<string, unknown>[];
  rules: Record<string, unknown>[];
};

/** Property names of the `[pscustomobject][ordered]@{ … }` block that follows `marker`. */
function block(marker: string): string[] {
  const start = SCRIPT.indexOf(marker);
  assert.ok(start >= 0, marker);
  const body = SCRIPT.slice(SCRIPT.indexOf('@{', start) + 2, SCRIPT.indexOf('\n    }', start));
  return [...body.matchAll(/^\s+(\w+)\s+=/gm)].map((m) => m[1] as string);
}

test('reads the ActiveStore by default, one call per filter cmdlet (hash join), UTF-8 without BOM, -Depth 5', () => {
  assert.match(SCRIPT, /\[string\]\$PolicyStore = 'ActiveStore'/);
  for (const cmd of ['Rule', 'PortFilter', 'AddressFilter', 'ApplicationFilter', 'ServiceFilter', 'InterfaceTypeFilter', 'InterfaceFilter', 'SecurityFilter', 'Profile']) {
    assert.is(SCRIPT.split(`Get-NetFirewall${cmd} @store`).length - 1, 1, `Get-NetFirewall${cmd} once`);
  }
  assert.not.match(SCRIPT, /AssociatedNetFirewallRule/);
  assert.match(SCRIPT, /UTF8Encoding\(\$false\)/);
  assert.match(SCRIPT, /ConvertTo-Json -Depth 5/);
  assert.match(SCRIPT, /Remove-TypeData -TypeName System\.Array/);
});

test('every rule property the script writes is one the parser reads (EdgeTraversalPolicy aside)', () => {
  const props = block('$ruleObjects = foreach');
  assert.ok(props.length > 20);
  const unread = props.filter((p) => !READ_MEMBERS.has(p.toLowerCase()));
  assert.equal(unread, ['EdgeTraversalPolicy']);
});

test('the hand-written fixture has exactly the script\'s members, in its order', () => {
  const ruleProps = block('$ruleObjects = foreach');
  for (const rule of FIXTURE.rules) assert.equal(Object.keys(rule), ruleProps);
  const profileProps = block('$profileObjects = foreach');
  for (const p of FIXTURE.profiles) assert.equal(Object.keys(p), profileProps);
  const header = SCRIPT.slice(SCRIPT.indexOf('k2audit  = '), SCRIPT.indexOf('profiles = @('));
  assert.equal(Object.keys(FIXTURE.k2audit), [...header.matchAll(/^\s+(\w+)\s+=/gm)].map((m) => m[1]));
  assert.equal(Object.keys(FIXTURE), ['k2audit', 'profiles', 'rules']);
  assert.is(FIXTURE.k2audit['ruleCount'], FIXTURE.rules.length);
});

test.run();
