/**
 * @fileoverview Test helpers that apply suggested iptables commands to an iptables-save text of one filter table:
 * either as restore lines before COMMIT (the parser applies `-I CHAIN n` in order), or by replaying
 * -I/-A/-R/-D on the chains as the kernel would and printing the table again as `-A` lines.
 */

/** `iptables -I INPUT 4 …` → `-I INPUT 4 …`; other tables or binaries throw. */
function restoreLine(command: string): string {
  const m = /^iptables (-[IARD] .*)$/.exec(command);
  if (m === null || / -t /.test(command)) throw new Error(`not a filter-table iptables command: ${command}`);
  return m[1] as string;
}

/** Inserts the commands as restore lines right before the filter table's COMMIT. */
export function insertBeforeCommit(text: string, commands: readonly string[]): string {
  const lines = text.split('\n');
  const commit = lines.indexOf('COMMIT', lines.indexOf('*filter'));
  return [...lines.slice(0, commit), ...commands.map(restoreLine), ...lines.slice(commit)].join('\n');
}

/** Replays the commands on the filter table's chains and prints the table again (rules as `-A` lines). */
export function applyIptables(text: string, commands: readonly string[]): string {
  const lines = text.split('\n');
  const start = lines.indexOf('*filter');
  const commit = lines.indexOf('COMMIT', start);
  const head = lines.slice(start, commit).filter((l) => !l.startsWith('-A '));
  const chains = new Map<string, string[]>();
  for (const l of lines.slice(start, commit)) {
    const m = /^-A (\S+) (.*)$/.exec(l);
    if (m !== null) chains.set(m[1] as string, [...(chains.get(m[1] as string) ?? []), m[2] as string]);
  }
  for (const cmd of commands) replay(chains, restoreLine(cmd));
  const body = [...chains].flatMap(([chain, specs]) => specs.map((s) => `-A ${chain} ${s}`));
  return [...lines.slice(0, start), ...head, ...body, ...lines.slice(commit)].join('\n');
}

function replay(chains: Map<string, string[]>, line: string): void {
  const m = /^-([IARD]) (\S+)(?: (\d+))?(?: (.*))?$/.exec(line);
  if (m === null) throw new Error(`cannot replay: ${line}`);
  const [, op, chain, pos, spec] = m as unknown as [string, string, string, string | undefined, string | undefined];
  const list = chains.get(chain) ?? [];
  chains.set(chain, list);
  const at = pos === undefined ? undefined : Number(pos) - 1;
  if (op === 'A') list.push(spec ?? '');
  else if (at === undefined || at < 0 || at > list.length || (op !== 'I' && at === list.length)) throw new Error(`bad position: ${line}`);
  else if (op === 'I') list.splice(at, 0, spec ?? '');
  else if (op === 'R') list.splice(at, 1, spec ?? '');
  else list.splice(at, 1);
}

/** The command lines of a generated shell script (comments and the preamble left out). */
export function scriptCommands(script: string): string[] {
  return script.split('\n').filter((l) => l !== '' && !l.startsWith('#') && l !== 'set -eu');
}
