/// <reference types="node" />
// XML plumbing shared by the SAML modules. We parse with the very parser that
// node-saml uses for its signature checks (its xmldom wrapper), so that what we
// read and what was verified can never differ because of two parsers
// disagreeing about the same bytes.
import { inflateRawSync } from 'node:zlib';
import { parseDomFromString } from '@node-saml/node-saml/lib/xml.js';
import { SamlError } from './errors.ts';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export const BINDING = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const;

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/** Largest SAML message we decode; real ones are a few KB, this stops memory exhaustion. */
const MAX_MESSAGE_BYTES = 512 * 1024;

/**
 * Refuses DOCTYPE and ENTITY declarations before any parser sees the text.
 * SAML never needs them, and they are how XXE and entity-expansion attacks start.
 */
export function assertNoDtd(xml: string): void {
  if (/<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i.test(xml)) {
    throw new SamlError('malformed', 'SAML message contains a DOCTYPE or entity declaration, which is never allowed');
  }
}

/** Decodes a base64 form field (HTTP-POST binding) into XML text. */
export function decodePostMessage(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new SamlError('malformed', `missing ${field}`);
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new SamlError('malformed', `${field} is not base64`);
  if (compact.length > (MAX_MESSAGE_BYTES * 4) / 3 + 4) throw new SamlError('malformed', `${field} is too large`);
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  assertNoDtd(xml);
  return xml;
}

/** Decodes a base64 + raw-DEFLATE query parameter (HTTP-Redirect binding) into XML text. */
export function decodeRedirectMessage(value: string, field: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new SamlError('malformed', `${field} is not base64`);
  let xml: string;
  try {
    xml = inflateRawSync(Buffer.from(value, 'base64'), { maxOutputLength: MAX_MESSAGE_BYTES }).toString('utf8');
  } catch (cause) {
    throw new SamlError('malformed', `${field} is not DEFLATE-compressed or is too large`, { cause });
  }
  assertNoDtd(xml);
  return xml;
}

/** Parses XML (already checked for DTDs) into a DOM; any parser error is `malformed`. */
export async function parseXml(xml: string, what = 'SAML message'): Promise<Document> {
  assertNoDtd(xml);
  try {
    const doc = await parseDomFromString(xml);
    if (!doc.documentElement) throw new Error('no root element');
    return doc;
  } catch (cause) {
    throw new SamlError('malformed', `${what} is not well-formed XML`, { cause });
  }
}

/** Element children of `parent` with this namespace and local name (direct children only). */
export function children(parent: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === localName && (node as Element).namespaceURI === ns) {
      out.push(node as Element);
    }
  }
  return out;
}

export function child(parent: Element, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

/** All descendant elements with this local name, in any namespace (for counting smuggled copies). */
export function descendantsByLocalName(root: Node, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        if ((c as Element).localName === localName) out.push(c as Element);
        walk(c);
      }
    }
  };
  walk(root);
  return out;
}

/** Text of an element with comments ignored, so `alice<!---->@x` reads as `alice@x`, never `alice`. */
export function text(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 || c.nodeType === 4) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(el);
  return out.trim();
}

export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}

export function isElement(el: Element, ns: string, localName: string): boolean {
  return el.localName === localName && el.namespaceURI === ns;
}

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The base64 body of a PEM certificate (or of a bare base64 string), without whitespace. */
export function certBody(cert: string): string {
  return cert.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}

/** A certificate as PEM, whichever form (PEM or bare base64) it came in. */
export function certToPem(cert: string): string {
  const body = certBody(cert);
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}

/** Parses an xs:dateTime; malformed values are a `malformed` error rather than NaN comparisons. */
export function parseInstant(value: string, what: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw new SamlError('malformed', `${what} is not a valid date`);
  return ms;
}
