import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element as parsed here: child elements by local name (always arrays), attributes under `@_`, text under `#text`. */
export type XmlNode = { [name: string]: XmlNode[] | string | undefined } | string;

/** Thrown by {@link parseCasXml}; the caller turns it into a `CasResponseError`. */
export class XmlRejected extends Error {
  constructor(
    readonly problem: 'unsafe_xml' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

// A DOCTYPE is the only place entities (and external subsets) can be declared.
// CAS responses never need one, so any document that has one is refused before
// it reaches the parser: no XXE, no billion laughs, whatever the parser does.
const declaration = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i;

// `$` cannot start an XML name, so prefixing every local name with it keeps
// names such as `constructor` or `__proto__` (legal CAS attribute names) away
// from Object.prototype. Idempotent, because fast-xml-parser may call it twice.
const localName = (name: string): string => `$${name.slice(name.lastIndexOf(':') + 1).replace(/^\$/, '')}`;

const parser = new XMLParser({
  // Entity handling off: nothing is expanded by the parser. The five
  // predefined entities and character references are decoded below, in one
  // non-recursive pass, which cannot amplify.
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Namespace prefixes differ between servers (`cas:`, none, …); match on local names.
  transformTagName: localName,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const predefined: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#NN;`/`&#xNN;`; leaves anything else as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return predefined[name.toLowerCase()] ?? whole;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Refuses DOCTYPE/entity declarations and ill-formed documents, then parses. */
export function parseCasXml(text: string): Record<string, XmlNode[]> {
  if (declaration.test(text)) throw new XmlRejected('unsafe_xml', 'the CAS response declares a DOCTYPE or entities; refused without parsing');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlRejected('malformed', `the CAS response is not well-formed XML: ${valid.err.msg}`);
  try {
    return parser.parse(text) as Record<string, XmlNode[]>;
  } catch (error) {
    throw new XmlRejected('malformed', `the CAS response could not be parsed: ${(error as Error).message}`);
  }
}

/** First child element with this local name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const found = node[`$${name}`];
  return Array.isArray(found) ? found[0] : undefined;
}

/** All child elements with this local name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const found = node[`$${name}`];
  return Array.isArray(found) ? found : [];
}

/** Child elements in document order of their names, as `[localName, nodes]`. */
export function childEntries(node: XmlNode | undefined): Array<[string, XmlNode[]]> {
  if (node === undefined || typeof node === 'string') return [];
  const out: Array<[string, XmlNode[]]> = [];
  for (const [key, value] of Object.entries(node)) if (key.startsWith('$') && Array.isArray(value)) out.push([key.slice(1), value]);
  return out;
}

/** The text of an element (decoded and trimmed), or `undefined` if it has child elements only. */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return decodeXmlText(node).trim();
  const own = node['#text'];
  if (typeof own === 'string') return decodeXmlText(own).trim();
  return childEntries(node).length === 0 ? '' : undefined;
}

/** An attribute's decoded value. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXmlText(value) : undefined;
}
