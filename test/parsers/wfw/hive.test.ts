import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readHive, type HiveKey } from '../../../parsers/wfw/hive.js';
import { REPO } from '../windows-rule/helpers.js';

const bytes = (): Buffer => Buffer.from(readFileSync(`${REPO}fixtures/wfw/k2-local.wfw`));
const u32 = (b: Buffer, at: number): number => b.readUInt32LE(at);
/** Absolute offset of the data of the cell at hive offset `cell`. */
const data = (cell: number): number => 0x1000 + cell + 4;

function flatten(k: HiveKey): string[] {
  return [`${k.path.join('\\') || '<root>'} ${k.values.length}`, ...k.subkeys.flatMap(flatten)];
}

test('walks the generated hive: ri over li + lh, inline DWORDs, data cells and big data', () => {
  const r = readHive(bytes());
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.root.name, '{801AD782-2C93-4312-8761-0903172D6D83}');
  assert.equal(flatten(r.root), ['<root> 1', 'DomainProfile 4', 'DomainProfile\\Logging 1', 'FirewallRules 6', 'PublicProfile 2', 'StandardProfile 1']);
  assert.equal(r.problems, []);
  const rules = r.root.subkeys.find((k) => k.name === 'FirewallRules');
  const long = rules?.values.find((v) => v.name === 'Long-Description-In-TCP');
  assert.is(long?.type, 1);
  const text = new TextDecoder('utf-16le').decode(long?.data);
  assert.ok(text.startsWith('v2.30|Action=Allow|Active=FALSE|') && text.endsWith('|\0'), 'big data reassembled from its segments');
  assert.ok((long?.data.length ?? 0) > 16344);
  assert.equal(Array.from(r.root.values[0]?.data ?? []), [0x1f, 0x02, 0, 0], 'inline DWORD');
});

test('bad signature, unknown version and a transaction log are fatal with the offset', () => {
  const sig = bytes();
  sig.write('regx', 0, 'latin1');
  const bad = readHive(sig);
  assert.ok(!bad.ok && bad.error.offset === 0 && bad.error.message === 'not a registry hive (missing "regf" signature)');
  const version = bytes();
  version.writeUInt32LE(9, 0x18);
  const v = readHive(version);
  assert.ok(!v.ok && v.error.message === 'unknown regf version 1.9 (known: 1.2 to 1.6)');
  const log = bytes();
  log.writeUInt32LE(1, 0x1c);
  assert.ok(!readHive(log).ok);
});

test('a subkey list pointing back at the root is a cycle: reported, the rest still read', () => {
  const b = bytes();
  const root = u32(b, 0x24);
  const ri = u32(b, data(root) + 0x1c);
  const li = u32(b, data(ri) + 4);
  b.writeUInt32LE(root, data(li) + 4); // li's first entry (DomainProfile) → root
  const r = readHive(b);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.problems.map((p) => p.message), [`key cell 0x${root.toString(16)} is reached twice (cycle)`]);
  assert.equal(r.root.subkeys.map((k) => k.name), ['FirewallRules', 'PublicProfile', 'StandardProfile']);
});

test('lying counts and sizes are caught against the cell bounds', () => {
  const b = bytes();
  const root = u32(b, 0x24);
  b.writeUInt32LE(0x7fffffff, data(root) + 0x24); // root value count
  const r = readHive(b);
  assert.ok(r.ok && r.problems.length === 1 && r.problems[0]?.message.includes('claims 2147483647 values'));
  const free = bytes();
  const ri = u32(free, data(u32(free, 0x24)) + 0x1c);
  free.writeInt32LE(64, 0x1000 + ri); // the ri cell marked free
  const f = readHive(free);
  assert.ok(f.ok && f.root.subkeys.length === 0 && f.problems[0]?.message.endsWith('is not allocated'));
});

test('every truncation and random damage: no exception, no hang', () => {
  const whole = bytes();
  for (let cut = 0; cut < whole.length; cut += 97) {
    const r = readHive(whole.subarray(0, cut));
    assert.ok(r.ok || r.error.message.length > 0);
  }
  let seed = 11;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 1500; i++) {
    const copy = Buffer.from(whole);
    for (let k = 0; k < 4; k++) copy[0x1000 + rand(copy.length - 0x1000)] = rand(256);
    readHive(copy);
  }
});

test.run();
