/**
 * @fileoverview Test helper: applies suggested netsh commands to a `show rule` export, as Windows would change
 * the rules and netsh would print them again: `add rule` becomes a rule block in the exact en-US layout
 * (label column 38, 70 dashes), `set rule … new localport=|remoteport=|enable=` edits every block with that
 * name and direction, `delete rule` removes them. Any other command throws, so a test cannot pass by skipping one.
 */

const LABEL_WIDTH = 38;

/** `key=value` and `key="quoted value"` arguments; `new` splits filters from changes. */
export function netshArgs(command: string): { verb: string; filter: Map<string, string>; changes: Map<string, string> } {
  const m = /^netsh advfirewall firewall (add|set|delete) rule (.*)$/.exec(command);
  if (m === null) throw new Error(`unsupported netsh command: ${command}`);
  const filter = new Map<string, string>();
  const changes = new Map<string, string>();
  let target = filter;
  const re = /(\w+)=("([^"]*)"|\S+)|\bnew\b/g;
  for (const t of (m[2] as string).matchAll(re)) {
    if (t[0] === 'new') {
      target = changes;
      continue;
    }
    target.set((t[1] as string).toLowerCase(), t[3] ?? (t[2] as string));
  }
  return { verb: m[1] as string, filter, changes };
}

function line(label: string, value: string): string {
  return `${`${label}:`.padEnd(LABEL_WIDTH)}${value}`;
}

function title(word: string): string {
  return word
    .split(',')
    .map((w) => (w.toLowerCase() === 'any' ? 'Any' : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join(',');
}

/** The `show rule` block netsh prints for a rule created by `add rule`. */
export function ruleBlock(args: Map<string, string>): string[] {
  const get = (k: string, d: string): string => args.get(k) ?? d;
  const addr = (k: string): string => (get(k, 'any').toLowerCase() === 'any' ? 'Any' : get(k, 'any'));
  return [
    line('Rule Name', get('name', '')),
    '-'.repeat(70),
    line('Enabled', get('enable', 'yes').toLowerCase() === 'no' ? 'No' : 'Yes'),
    line('Direction', get('dir', 'in') === 'out' ? 'Out' : 'In'),
    line('Profiles', title(get('profile', 'domain,private,public'))),
    line('Grouping', ''),
    line('LocalIP', addr('localip')),
    line('RemoteIP', addr('remoteip')),
    line('Protocol', get('protocol', 'any').toUpperCase()),
    line('LocalPort', title(get('localport', 'any'))),
    line('RemotePort', title(get('remoteport', 'any'))),
    line('Edge traversal', 'No'),
    line('Action', title(get('action', 'allow'))),
  ];
}

interface Block {
  start: number;
  end: number;
  name: string;
  direction: string;
}

function blocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  lines.forEach((l, i) => {
    if (!l.startsWith('Rule Name:')) return;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '' && lines[end] !== 'Ok.') end++;
    const dir = lines.slice(i, end).find((x) => x.startsWith('Direction:')) ?? '';
    out.push({ start: i, end, name: l.slice(LABEL_WIDTH), direction: dir.slice(LABEL_WIDTH).toLowerCase() });
  });
  return out;
}

const CHANGE_LABELS: Readonly<Record<string, string>> = { localport: 'LocalPort', remoteport: 'RemotePort', enable: 'Enabled' };

/** Applies the commands in order to CRLF netsh text. */
export function applyNetsh(text: string, commands: readonly string[]): string {
  let lines = text.split('\r\n');
  for (const cmd of commands) {
    const { verb, filter, changes } = netshArgs(cmd);
    if (verb === 'add') {
      const ok = lines.lastIndexOf('Ok.');
      lines = [...lines.slice(0, ok), '', ...ruleBlock(filter), ...lines.slice(ok)];
      continue;
    }
    const hits = blocks(lines).filter((b) => b.name === filter.get('name') && (filter.get('dir') === undefined || b.direction === filter.get('dir')));
    if (hits.length === 0) throw new Error(`no rule matches: ${cmd}`);
    if (verb === 'delete') {
      for (const b of [...hits].reverse()) lines.splice(b.start - 1, b.end - b.start + 1);
      continue;
    }
    for (const b of hits) {
      for (const [key, value] of changes) {
        const label = CHANGE_LABELS[key];
        if (label === undefined) throw new Error(`unsupported change ${key} in: ${cmd}`);
        const i = lines.findIndex((l, j) => j > b.start && j < b.end && l.startsWith(`${label}:`));
        if (i < 0) throw new Error(`block has no ${label} line: ${cmd}`);
        lines[i] = line(label, key === 'enable' ? (value.toLowerCase() === 'no' ? 'No' : 'Yes') : title(value));
      }
    }
  }
  return lines.join('\r\n');
}
