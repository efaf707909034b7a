/**
 * @fileoverview Rule-spec tokens → raw basic options, match modules with their options, and the target.
 * Options may come in any order (also after `-j`); each long option is claimed like iptables does: by a
 * loaded match, the target, or the match the protocol loads implicitly (`-p tcp --dport 22`).
 */
import { matchOptions, protocolModule, targetOptions, type Arity } from './modules.js';
import { renderOption, type RawMatch, type RawOption, type RuleSpec } from './spec.js';

const BASIC: Readonly<Record<string, readonly [string, Arity]>> = {
  '-s': ['-s', 1], '--source': ['-s', 1], '--src': ['-s', 1],
  '-d': ['-d', 1], '--destination': ['-d', 1], '--dst': ['-d', 1],
  '-i': ['-i', 1], '--in-interface': ['-i', 1],
  '-o': ['-o', 1], '--out-interface': ['-o', 1],
  '-p': ['-p', 1], '--protocol': ['-p', 1],
  '-f': ['-f', 0], '--fragment': ['-f', 0],
};

const FREE_TEXT = new Set(['--comment', '--log-prefix', '--nflog-prefix', '--ulog-prefix', '--string', '--hex-string']);

interface Reader {
  readonly tokens: readonly string[];
  pos: number;
  readonly spec: RuleSpec;
  readonly protocol: string | undefined;
}

/** Splits the rule-spec tokens of one rule. Never throws; problems are collected in the result. */
export function readOptions(tokens: readonly string[]): RuleSpec {
  const spec: RuleSpec = { basics: [], matches: [], target: undefined, family: undefined, problems: [], conditions: [] };
  const r: Reader = { tokens, pos: 0, spec, protocol: protocolHint(tokens) };
  let negated = false;
  while (r.pos < tokens.length) {
    const tok = tokens[r.pos] as string;
    r.pos++;
    if (tok === '!') {
      if (negated) badToken(r, tok);
      negated = true;
      continue;
    }
    if (!tok.startsWith('-') || tok === '-' || tok === '--') {
      badToken(r, tok);
      negated = false;
      continue;
    }
    readOption(r, tok, negated);
    negated = false;
  }
  if (negated) badToken(r, '!');
  return spec;
}

/** The protocol named by a positive `-p`, wherever it stands (it decides the implicit match). */
function protocolHint(tokens: readonly string[]): string | undefined {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if ((t === '-p' || t === '--protocol') && tokens[k - 1] !== '!' && tokens[k + 1] !== '!') return (tokens[k + 1] as string).toLowerCase();
  }
  return undefined;
}

function readOption(r: Reader, tok: string, negated: boolean): void {
  const eq = tok.startsWith('--') ? tok.indexOf('=') : -1;
  const name = eq > 0 ? tok.slice(0, eq) : tok;
  const inline = eq > 0 ? tok.slice(eq + 1) : undefined;
  const basic = BASIC[name];
  if (basic !== undefined) {
    const opt = readValues(r, basic[0], basic[1], negated, inline);
    if (opt !== undefined) r.spec.basics.push(opt);
    return;
  }
  switch (name) {
    case '-m':
    case '--match':
      return loadMatch(r, name, negated, inline);
    case '-j':
    case '--jump':
    case '-g':
    case '--goto':
      return setTarget(r, name, negated, inline);
    case '-c':
    case '--set-counters':
      readValues(r, name, (r.tokens[r.pos] ?? '').includes(':') || inline !== undefined ? 1 : 2, false, inline);
      return;
    case '-4':
    case '--ipv4':
      r.spec.family = 'ipv4';
      return;
    case '-6':
    case '--ipv6':
      r.spec.family = 'ipv6';
      return;
    default:
      return readModuleOption(r, name, negated, inline);
  }
}

function loadMatch(r: Reader, name: string, negated: boolean, inline: string | undefined): void {
  if (negated) badToken(r, '!');
  const module = inline ?? r.tokens[r.pos];
  if (module === undefined || module === '') {
    missingValue(r, name);
    return;
  }
  if (inline === undefined) r.pos++;
  const known = matchOptions(module) !== undefined;
  if (!known) {
    r.spec.problems.push({ severity: 'warning', code: 'IPT_UNKNOWN_MATCH', message: `unknown match module "${module}"` });
  }
  r.spec.matches.push({ module, known, implicit: false, options: [] });
}

function setTarget(r: Reader, name: string, negated: boolean, inline: string | undefined): void {
  if (negated) badToken(r, '!');
  const target = inline ?? r.tokens[r.pos];
  if (target === undefined || target === '') {
    missingValue(r, name);
    return;
  }
  if (inline === undefined) r.pos++;
  r.spec.target = { name: target, goto: name === '-g' || name === '--goto', options: [] };
}

/** Claims a long option for a loaded match, the target, the implicit protocol match, or reports it unknown. */
function readModuleOption(r: Reader, name: string, negated: boolean, inline: string | undefined): void {
  for (const m of r.spec.matches) {
    const arity = m.known ? matchOptions(m.module)?.get(name) : undefined;
    if (arity !== undefined) return addTo(m.options, readValues(r, name, arity, negated, inline));
  }
  const target = r.spec.target;
  const tArity = target === undefined ? undefined : targetOptions(target.name)?.get(name);
  if (target !== undefined && tArity !== undefined) return addTo(target.options, readValues(r, name, tArity, negated, inline));
  const implicit = implicitMatch(r, name);
  if (implicit !== undefined) return addTo(implicit.m.options, readValues(r, name, implicit.arity, negated, inline));
  const opt = readValues(r, name, unknownArity(r, inline), negated, inline);
  if (opt === undefined) return;
  const unknownModule = [...r.spec.matches].reverse().find((m) => !m.known);
  if (unknownModule !== undefined) return addTo(unknownModule.options, opt);
  r.spec.problems.push({ severity: 'warning', code: 'IPT_UNKNOWN_OPTION', message: `unknown option "${name}"` });
  r.spec.conditions.push({ kind: 'match', text: renderOption(opt) });
}

function implicitMatch(r: Reader, name: string): { m: RawMatch; arity: Arity } | undefined {
  const module = r.protocol === undefined ? undefined : protocolModule(r.protocol);
  if (module === undefined) return undefined;
  const arity = matchOptions(module)?.get(name);
  if (arity === undefined) return undefined;
  const m: RawMatch = { module, known: true, implicit: true, options: [] };
  r.spec.matches.push(m);
  return { m, arity };
}

/** An unknown option takes the following arguments that do not look like options. */
function unknownArity(r: Reader, inline: string | undefined): Arity {
  if (inline !== undefined) return 1;
  const next = r.tokens[r.pos];
  return next !== undefined && next !== '!' && !next.startsWith('-') ? 1 : 0;
}

function addTo(list: RawOption[], opt: RawOption | undefined): void {
  if (opt !== undefined) list.push(opt);
}

function readValues(r: Reader, name: string, arity: Arity, negated: boolean, inline: string | undefined): RawOption | undefined {
  if (arity === 0 || inline !== undefined) {
    return { name, negated, legacyNegation: false, values: inline === undefined ? [] : [inline] };
  }
  let legacy = false;
  if (isLegacyNegation(r, name)) {
    legacy = true;
    r.pos++;
    r.spec.problems.push({ severity: 'warning', code: 'IPT_LEGACY_NEGATION', message: `old negation syntax "${name} ! ${r.tokens[r.pos] ?? ''}" (iptables < 1.4.3): read as "! ${name}"` });
  }
  if (r.pos + arity > r.tokens.length) {
    r.pos = r.tokens.length;
    missingValue(r, name);
    return undefined;
  }
  const values = r.tokens.slice(r.pos, r.pos + arity);
  r.pos += arity;
  return { name, negated: negated !== legacy, legacyNegation: legacy, values };
}

/**
 * `-s ! X`: a `!` value followed by a value that is not an option. Free-text options keep `"!"` as their
 * value (`--comment "!"`), since iptables >= 1.4.3 reads it that way.
 */
function isLegacyNegation(r: Reader, name: string): boolean {
  if (r.tokens[r.pos] !== '!' || FREE_TEXT.has(name)) return false;
  const next = r.tokens[r.pos + 1];
  return next !== undefined && next !== '' && !next.startsWith('-');
}

function badToken(r: Reader, tok: string): void {
  r.spec.problems.push({ severity: 'error', code: 'IPT_BAD_TOKEN', message: `unexpected argument "${tok}"` });
  r.spec.conditions.push({ kind: 'other', text: `unreadable argument "${tok}"` });
}

function missingValue(r: Reader, name: string): void {
  r.spec.problems.push({ severity: 'error', code: 'IPT_MISSING_VALUE', message: `option ${name} has no value` });
  r.spec.conditions.push({ kind: 'other', text: `unreadable option ${name}` });
}
