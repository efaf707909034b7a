/**
 * @fileoverview The fast pass over GPO report XML (fast-xml.ts) gives exactly the document sax gives: on generated
 * reports (namespaces, profiles, rules, nested and foreign children, entities, whitespace and line breaks between
 * and inside tags) and on the same reports with constructs outside its subset spliced in, where it must hand over
 * to sax, whose result (document or error and line) then stands.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { scanXml } from '../../../parsers/gpo-xml/fast-xml.js';
import { parseGpoXml, parseGpoXmlWithSax } from '../../../parsers/gpo-xml/parse.js';
import { WF_NS } from '../../../parsers/gpo-xml/raw.js';

const space = fc.constantFrom('', '', ' ', '\n', '\r\n', '\n  ', '\t');
const word = fc.constantFrom('Allow', 'In', '6', '17', '443', '80-90', 'true', 'false', 'Domain', '10.0.0.0/8', 'K2 &amp; co', 'a &lt;b&gt;', '&quot;q&apos;', '', '  x  ');
const field = fc.tuple(fc.constantFrom('Action', 'Name', 'Dir', 'Protocol', 'LPort', 'RA4', 'Active', 'Profile', 'Version', 'App'), word, space, fc.boolean()).map(
  ([key, value, sp, nested]) => (nested ? `<q1:${key}>${sp}<q1:Inner>${value}</q1:Inner>${sp}</q1:${key}>` : `<q1:${key}>${value}</q1:${key}${sp}>`),
);
const rule = fc.tuple(fc.constantFrom('Inbound', 'Outbound'), fc.array(fc.tuple(field, space), { maxLength: 8 }), fc.boolean()).map(
  ([dir, fields, foreign]) =>
    `<q1:${dir}FirewallRules>${fields.map(([f, sp]) => f + sp).join('')}${foreign ? '<meta:Info xmlns:meta="urn:x">m</meta:Info>' : ''}</q1:${dir}FirewallRules>`,
);
const profile = fc.tuple(fc.constantFrom('DomainProfile', 'PrivateProfile', 'PublicProfile'), fc.array(fc.tuple(fc.constantFrom('EnableFirewall', 'DefaultInboundAction'), word), { maxLength: 3 }), fc.boolean()).map(
  ([name, settings, selfClosing]) =>
    selfClosing ? `<q1:${name} />` : `<q1:${name}>${settings.map(([k, v]) => `<q1:${k}><q1:Value>${v}</q1:Value></q1:${k}>`).join('\n')}</q1:${name}>`,
);
const part = fc.oneof(rule, rule, profile, fc.constant('<q1:GlobalSettings><q1:PolicyVersion><q1:Value>543</q1:Value></q1:PolicyVersion></q1:GlobalSettings>'), fc.constant('<q1:IPsecSettings/>'));
const report = fc.tuple(fc.boolean(), space, fc.array(fc.tuple(part, space), { maxLength: 6 }), fc.constantFrom('"', "'"), fc.boolean()).map(
  ([decl, sp, parts, q, twice]) => {
    const ext = (body: string): string => `<ExtensionData><Extension xmlns:q1=${q}${WF_NS}${q} xsi:type="q1:WindowsFirewallSettings">${body}</Extension></ExtensionData>`;
    const body = parts.map(([p, s]) => p + s).join('');
    return `${decl ? '<?xml version="1.0" encoding="utf-8"?>\n' : ''}<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${sp}<Name>Bench &amp; Co</Name>${sp}<Computer>${ext(body)}${twice ? ext(body) : ''}</Computer>${sp}</GPO>${sp}`;
  },
);
const foreign = fc.constantFrom('<!-- c -->', '<![CDATA[x&y]]>', '&foo;', '&#65;', '&AMP;', '< b>', '</x>', '<a', '"', "'", '=', 'é', '<?pi x?>', '<b/>', '>', '&', '<', '\n', ' ');

test('the fast pass reads generated reports itself, with the document sax reads', () => {
  fc.assert(
    fc.property(report, (text) => {
      const pos = { line: 0, position: 0, startTagPosition: 0 };
      assert.ok(scanXml(text, pos, { open: () => undefined, close: () => undefined, text: () => undefined }), text);
      assert.equal(parseGpoXml(text, 'r.xml'), parseGpoXmlWithSax(text, 'r.xml'), text);
    }),
    { numRuns: 2_000 },
  );
});

test('with anything spliced in, the result is still exactly what sax gives (document or error and line)', () => {
  fc.assert(
    fc.property(report, fc.array(fc.tuple(fc.nat(), foreign), { minLength: 1, maxLength: 3 }), (text, cuts) => {
      let t = text;
      for (const [at, piece] of cuts) {
        const i = at % (t.length + 1);
        t = t.slice(0, i) + piece + t.slice(i);
      }
      assert.equal(parseGpoXml(t, 'r.xml'), parseGpoXmlWithSax(t, 'r.xml'), t);
    }),
    { numRuns: 5_000 },
  );
});

test('outside the subset the fast pass declines: comments, CDATA, numeric entities, spaced tags', () => {
  const pos = { line: 0, position: 0, startTagPosition: 0 };
  const none = { open: () => undefined, close: () => undefined, text: () => undefined };
  for (const text of ['<a><!-- c --></a>', '<a><![CDATA[x]]></a>', '<a>&#65;</a>', '<a ></a >', '< a></a>', '<a x = "1"></a>', '<a>x</b>', 'x<a/>', '<a/><b/>']) {
    const accepted = scanXml(text, pos, none);
    if (text === '<a ></a >') assert.ok(accepted, text);
    else assert.not.ok(accepted, text);
  }
});

test.run();
