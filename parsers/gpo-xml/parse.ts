/**
 * @fileoverview Stage 1 of the gpo-xml parser: one strict sax pass → raw firewall records. Namespaces are resolved
 * here (prefix maps per element) so that `q1:`, `q2:`, … all match the WindowsFirewall namespace URI. Elements in
 * that namespace whose parent is not are the extension's top-level settings; rule children become key/value
 * fields, profile children become settings. Element paths skip the root and index repeated siblings
 * (`ExtensionData[2]`); rule elements are always indexed (`InboundFirewallRules[3]`).
 */
import type { SourceRef } from '../../src/model/source-ref.js';
import { scanXml, type XmlPosition } from './fast-xml.js';
import { createSaxParser, type SaxTag } from './sax-loader.js';
import { WF_NS, type RawXmlDocument, type RawXmlProfile, type RawXmlRule, type RawXmlSetting } from './raw.js';

type Role = 'outside' | 'rule' | 'field' | 'profile' | 'setting' | 'value' | 'global' | 'global-child' | 'other' | 'skip';

interface Frame {
  readonly local: string;
  readonly role: Role;
  readonly ns: ReadonlyMap<string, string>;
  /** Names of the children so far while few (a rule has about ten), then counts per name. */
  children: string[] | Map<string, number> | undefined;
  text: string;
  /** A field element that turned out to have element children. */
  nested: boolean;
  readonly line: number;
  readonly start: number;
}

/** The document, or where strict parsing failed. */
export type XmlParse<R = RawXmlRule> =
  | { readonly ok: true; readonly doc: RawXmlDocument<R> }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Makes the function that turns each rule element into its result as soon as the element closes (normalize.ts
 * normalizes it there, so a 20,000-rule report never holds every raw field at once). One per pass: an abandoned
 * fast pass takes its results with it.
 */
export type RuleFinisher<R> = () => (raw: RawXmlRule) => R;

const keepRaw: RuleFinisher<RawXmlRule> = () => (raw) => raw;

export const MAX_DEPTH = 64;

class Stop {
  constructor(readonly message: string) {}
}

/**
 * Parses the text in one pass: the fast pass of fast-xml.ts when the report stays within its subset (Get-GPOReport
 * output does), else sax, which also reports where malformed XML fails.
 */
export function parseGpoXml(text: string, file: string): XmlParse;
export function parseGpoXml<R>(text: string, file: string, finisher: RuleFinisher<R>): XmlParse<R>;
export function parseGpoXml<R>(text: string, file: string, finisher?: RuleFinisher<R>): XmlParse<R | RawXmlRule> {
  const make: RuleFinisher<R | RawXmlRule> = finisher ?? keepRaw;
  return fastParse(text, file, make) ?? saxParse(text, file, make);
}

/** The document from the fast pass, or undefined when the text leaves its subset or hits a limit (sax decides then). */
function fastParse<R>(text: string, file: string, finisher: RuleFinisher<R>): XmlParse<R> | undefined {
  const pos: XmlPosition = { line: 0, position: 0, startTagPosition: 0 };
  const doc: RawXmlDocument<R> = { root: '', rules: [], profiles: [], others: [] };
  const s = new State(pos, text, file, doc, finisher());
  try {
    return scanXml(text, pos, { open: (tag) => s.open(tag), close: () => s.close(), text: (t) => s.addText(t) }) ? { ok: true, doc } : undefined;
  } catch (e) {
    if (e instanceof Stop) return undefined;
    throw e;
  }
}

/** Parses with sax only (strict; positions tracked); exported so a test can hold the fast pass against it. */
export function parseGpoXmlWithSax(text: string, file: string): XmlParse {
  return saxParse(text, file, keepRaw);
}

function saxParse<R>(text: string, file: string, finisher: RuleFinisher<R>): XmlParse<R> {
  const p = createSaxParser();
  const doc: RawXmlDocument<R> = { root: '', rules: [], profiles: [], others: [] };
  const s = new State(p, text, file, doc, finisher());
  p.onopentag = (tag) => s.open(tag);
  p.onclosetag = () => s.close();
  p.ontext = (t) => s.addText(t);
  p.oncdata = (t) => s.addText(t);
  p.onerror = (e) => {
    throw new Stop(e.message.split('\n')[0] ?? 'malformed XML');
  };
  try {
    p.write(text).close();
  } catch (e) {
    if (e instanceof Stop) return { ok: false, line: p.line + 1, message: e.message };
    throw e;
  }
  return { ok: true, doc };
}

class State<R> {
  private readonly stack: Frame[] = [];
  private readonly path: string[] = [];
  private rule: RawXmlRule | undefined;
  private profile: RawXmlProfile | undefined;
  private setting: RawXmlSetting | undefined;

  constructor(
    private readonly p: XmlPosition,
    private readonly text: string,
    private readonly file: string,
    private readonly doc: RawXmlDocument<R>,
    private readonly finish: (raw: RawXmlRule) => R,
  ) {}

  open(tag: SaxTag): void {
    const parent = this.stack[this.stack.length - 1];
    if (this.stack.length >= MAX_DEPTH) throw new Stop(`elements nested deeper than ${MAX_DEPTH} levels`);
    const ns = withDeclarations(parent?.ns, tag.attributes);
    const colon = tag.name.indexOf(':');
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    const uri = ns.get(colon < 0 ? '' : tag.name.slice(0, colon));
    const role = parent === undefined ? 'outside' : childRole(parent.role, uri === WF_NS, local);
    if (parent !== undefined) this.path.push(this.segment(parent, local, role));
    else if (this.doc.root === '') this.doc.root = local;
    const frame: Frame = { local, role, ns, children: undefined, text: '', nested: false, line: this.p.line + 1, start: this.p.startTagPosition - 1 };
    this.stack.push(frame);
    this.begin(frame);
  }

  close(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    this.end(frame);
    if (this.stack.length > 0) this.path.pop();
  }

  addText(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && (top.role === 'field' || top.role === 'value')) top.text += t;
  }

  private segment(parent: Frame, local: string, role: Role): string {
    const n = countChild(parent, local);
    return n > 1 || role === 'rule' ? `${local}[${n}]` : local;
  }

  private ref(line: number): SourceRef & { path: readonly string[] } {
    return { file: this.file, line, path: [...this.path] };
  }

  private begin(f: Frame): void {
    if (f.role === 'rule') {
      const direction = f.local === 'InboundFirewallRules' ? 'in' : 'out';
      this.rule = { direction, ref: this.ref(f.line), raw: '', version: undefined, fields: [], nested: [] };
    } else if (f.role === 'profile') {
      this.profile = { name: f.local, ref: this.ref(f.line), settings: [] };
    } else if (f.role === 'setting') {
      this.setting = { name: f.local, value: undefined, ref: this.ref(f.line) };
    } else if (f.role === 'global-child' || f.role === 'other') {
      this.doc.others.push({ name: f.local, ref: this.ref(f.line), where: f.role === 'other' ? 'top' : 'global' });
    } else if (f.role === 'skip') {
      this.markNested();
    }
  }

  private end(f: Frame): void {
    if (f.role === 'field' && this.rule !== undefined) {
      if (f.nested) return;
      const value = f.text.trim();
      if (f.local === 'Version' && this.rule.version === undefined) this.rule.version = value;
      // The field shares its rule's path (no per-field copy: 20,000-rule reports have ~250,000 fields).
      else this.rule.fields.push({ key: f.local, value, ref: { file: this.file, line: f.line, path: this.rule.ref.path } });
    } else if (f.role === 'value' && this.setting !== undefined) {
      this.setting.value = f.text.trim();
    } else if (f.role === 'setting' && this.setting !== undefined) {
      this.profile?.settings.push(this.setting);
      this.setting = undefined;
    } else if (f.role === 'rule' && this.rule !== undefined) {
      // Written out, not spread (one per rule).
      const r = this.rule;
      this.doc.rules.push(this.finish({ direction: r.direction, ref: r.ref, raw: this.text.slice(f.start, this.p.position), version: r.version, fields: r.fields, nested: r.nested }));
      this.rule = undefined;
    } else if (f.role === 'profile' && this.profile !== undefined) {
      this.doc.profiles.push(this.profile);
      this.profile = undefined;
    }
  }

  /** A rule field with element children: recorded once, never read as a field. */
  private markNested(): void {
    const field = this.stack[this.stack.length - 2];
    if (field?.role !== 'field' || field.nested || this.rule === undefined) return;
    field.nested = true;
    this.rule.nested.push({ key: field.local, ref: { file: this.file, line: field.line, path: this.path.slice(0, -1) } });
  }
}

/** Counts a child named `local` of `parent`; returns its 1-based index among same-named siblings. */
function countChild(parent: Frame, local: string): number {
  const seen = parent.children;
  if (seen === undefined) {
    parent.children = [local];
    return 1;
  }
  if (Array.isArray(seen)) {
    let n = 1;
    for (const name of seen) if (name === local) n++;
    if (seen.length < SMALL_CHILDREN) seen.push(local);
    else parent.children = new Map(countNames([...seen, local]));
    return n;
  }
  const n = (seen.get(local) ?? 0) + 1;
  seen.set(local, n);
  return n;
}

const SMALL_CHILDREN = 16;

function countNames(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

const PROFILE_ELEMENTS = new Set(['DomainProfile', 'PrivateProfile', 'PublicProfile']);

/** The role of a child element from its parent's role, its namespace and its local name. */
function childRole(parent: Role, inFirewallNs: boolean, local: string): Role {
  switch (parent) {
    case 'outside':
      if (!inFirewallNs) return 'outside';
      if (local === 'InboundFirewallRules' || local === 'OutboundFirewallRules') return 'rule';
      if (PROFILE_ELEMENTS.has(local)) return 'profile';
      return local === 'GlobalSettings' ? 'global' : 'other';
    case 'global':
      return 'global-child';
    case 'rule':
      return inFirewallNs ? 'field' : 'skip';
    case 'profile':
      return inFirewallNs ? 'setting' : 'skip';
    case 'setting':
      return inFirewallNs && local === 'Value' ? 'value' : 'skip';
    default:
      return 'skip';
  }
}

/** The prefix map of an element: the parent's, plus its own `xmlns` / `xmlns:p` attributes. */
function withDeclarations(parent: ReadonlyMap<string, string> | undefined, attributes: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  let map: Map<string, string> | undefined;
  for (const name in attributes) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    map ??= new Map(parent);
    map.set(name === 'xmlns' ? '' : name.slice(6), attributes[name] ?? '');
  }
  return map ?? parent ?? EMPTY_NS;
}

const EMPTY_NS: ReadonlyMap<string, string> = new Map();
