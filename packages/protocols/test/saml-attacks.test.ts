/// <reference types="node" />
// Attacks on a really signed SimpleSAMLphp response: XML signature wrapping
// (XSW1–XSW8, after "On Breaking SAML", Somorovsky et al. 2012), stripped
// signatures, duplicate assertions, DOCTYPE/entities and comment injection.
// The variants are generated here from a fresh response; no fixture files.
import { parseDomFromString } from '@node-saml/node-saml/lib/xml.js';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import {
  SamlError,
  buildAuthnRequest,
  createSamlServiceProvider,
  fetchIdpMetadata,
  validateResponse,
  type SamlServiceProvider,
} from '../src/saml/index.ts';
import { Browser, startSimpleSamlIdp, type SimpleSamlIdp } from './servers/simplesamlphp.ts';

const ACS = 'http://127.0.0.1:9/acs';
const EVIL = 'mallory@evil.test';

let idp: SimpleSamlIdp;

beforeAll(async () => {
  idp = await startSimpleSamlIdp([
    { entityId: 'urn:test:sp-both-signed', acsUrl: ACS },
    { entityId: 'urn:test:sp-assertion-signed', acsUrl: ACS, signResponse: false },
  ]);
}, 30_000);

afterAll(async () => {
  await idp?.stop();
});

/** A fresh, genuine response for `entityId`, with the SP that asked for it. */
async function genuine(entityId: string, options: { wantAuthnResponseSigned?: boolean } = {}): Promise<{ sp: SamlServiceProvider; xml: string }> {
  const sp = createSamlServiceProvider({ entityId, acsUrl: ACS, idp: await fetchIdpMetadata(idp.metadataUrl), ...options });
  const request = await buildAuthnRequest(sp, { binding: 'redirect' });
  const result = await new Browser([ACS]).run({ url: request.url });
  if (!('form' in result)) throw new Error('no response form');
  return { sp, xml: Buffer.from(result.form.fields.SAMLResponse ?? '', 'base64').toString('utf8') };
}

// --- small DOM helpers over the xmldom document that node-saml itself uses ---
type El = Element;
const elements = (node: Node, localName: string): El[] => {
  const out: El[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        if ((c as El).localName === localName) out.push(c as El);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
};
const directChild = (node: El, localName: string): El | undefined => {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as El).localName === localName) return c as El;
  return undefined;
};
const firstAssertion = (doc: Document): El => elements(doc, 'Assertion')[0] as El;
const withoutSignature = (el: El): El => {
  const sig = directChild(el, 'Signature');
  if (sig) el.removeChild(sig);
  return el;
};
/** Makes an element say "mallory": the change a wrapping attack wants the SP to read. */
const evilize = (el: El): void => {
  for (const n of elements(el, 'NameID')) n.textContent = EVIL;
};

type Attack = (doc: Document) => void;
const responseAttacks: Record<string, Attack> = {
  // XSW1: signed Response copied into its own Signature; the outer (evil) Response gets a new ID.
  XSW1(doc) {
    const response = doc.documentElement;
    const copy = withoutSignature(response.cloneNode(true) as El);
    evilize(response);
    (directChild(response, 'Signature') as El).appendChild(copy);
    response.setAttribute('ID', '_evil_response');
  },
  // XSW2: the same copy placed before the Signature instead of inside it.
  XSW2(doc) {
    const response = doc.documentElement;
    const copy = withoutSignature(response.cloneNode(true) as El);
    evilize(response);
    response.insertBefore(copy, directChild(response, 'Signature') as El);
    response.setAttribute('ID', '_evil_response');
  },
};
const assertionAttacks: Record<string, Attack> = {
  // XSW3: an unsigned evil assertion placed before the signed one.
  XSW3(doc) {
    const original = firstAssertion(doc);
    const evil = withoutSignature(original.cloneNode(true) as El);
    evilize(evil);
    evil.setAttribute('ID', '_evil_assertion');
    doc.documentElement.insertBefore(evil, original);
  },
  // XSW4: the signed assertion moved inside an unsigned evil one.
  XSW4(doc) {
    const original = firstAssertion(doc);
    const evil = withoutSignature(original.cloneNode(true) as El);
    evilize(evil);
    evil.setAttribute('ID', '_evil_assertion');
    doc.documentElement.replaceChild(evil, original);
    evil.appendChild(original);
  },
  // XSW5: the signed assertion is altered in place; an untouched unsigned copy is appended for the digest.
  XSW5(doc) {
    const original = firstAssertion(doc);
    const copy = withoutSignature(original.cloneNode(true) as El);
    evilize(original);
    original.setAttribute('ID', '_evil_assertion');
    doc.documentElement.appendChild(copy);
  },
  // XSW6: altered assertion; the untouched copy hides inside its Signature.
  XSW6(doc) {
    const original = firstAssertion(doc);
    const copy = withoutSignature(original.cloneNode(true) as El);
    evilize(original);
    original.setAttribute('ID', '_evil_assertion');
    (directChild(original, 'Signature') as El).appendChild(copy);
  },
  // XSW7: an unsigned evil assertion inside an Extensions element before the signed one.
  XSW7(doc) {
    const original = firstAssertion(doc);
    const extensions = doc.createElementNS('urn:oasis:names:tc:SAML:2.0:protocol', 'samlp:Extensions');
    const evil = withoutSignature(original.cloneNode(true) as El);
    evilize(evil);
    extensions.appendChild(evil);
    doc.documentElement.insertBefore(extensions, original);
  },
  // XSW8: altered assertion; the untouched copy hides in a ds:Object inside its Signature.
  XSW8(doc) {
    const original = firstAssertion(doc);
    const copy = withoutSignature(original.cloneNode(true) as El);
    evilize(original);
    const object = doc.createElementNS('http://www.w3.org/2000/09/xmldsig#', 'ds:Object');
    object.appendChild(copy);
    (directChild(original, 'Signature') as El).appendChild(object);
  },
  'all signatures stripped'(doc) {
    for (const sig of elements(doc, 'Signature')) sig.parentNode?.removeChild(sig);
    evilize(doc.documentElement);
  },
  'duplicate unsigned assertion appended'(doc) {
    const evil = withoutSignature(firstAssertion(doc).cloneNode(true) as El);
    evilize(evil);
    evil.setAttribute('ID', '_evil_duplicate');
    doc.documentElement.appendChild(evil);
  },
  'signature moved from the assertion to an evil assertion'(doc) {
    const original = firstAssertion(doc);
    const evil = withoutSignature(original.cloneNode(true) as El);
    evilize(evil);
    evil.insertBefore(directChild(original, 'Signature') as El, directChild(evil, 'Subject') as El);
    doc.documentElement.replaceChild(evil, original);
  },
};

async function attack(xml: string, fn: Attack): Promise<string> {
  const doc = await parseDomFromString(xml);
  fn(doc);
  const out = doc.toString();
  expect(out).not.toBe(xml);
  return out;
}

async function expectRejected(sp: SamlServiceProvider, xml: string): Promise<void> {
  const outcome = await validateResponse(sp, { SAMLResponse: Buffer.from(xml).toString('base64') }).then(
    (result) => `ACCEPTED as ${result.nameId}`,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(SamlError);
  expect(['signature', 'malformed']).toContain((outcome as SamlError).reason);
}

describe('signature wrapping and friends, on real SimpleSAMLphp responses', { timeout: 30_000 }, () => {
  for (const [shape, entityId, attacks] of [
    ['Response and Assertion signed', 'urn:test:sp-both-signed', { ...responseAttacks, ...assertionAttacks }],
    ['only the Assertion signed', 'urn:test:sp-assertion-signed', assertionAttacks],
  ] as const) {
    test(`${shape}: ${Object.keys(attacks).join(', ')} are all rejected; the genuine response is accepted after them`, async () => {
      onTestFailed(() => console.error(idp.log()));
      const { sp, xml } = await genuine(entityId);
      for (const [name, fn] of Object.entries(attacks)) {
        await expectRejected(sp, await attack(xml, fn)).catch((error: unknown) => {
          throw new Error(`${name}: ${String(error)}`);
        });
      }
      // The rejections above did not consume the request ID, and the genuine response is fine.
      const result = await validateResponse(sp, { SAMLResponse: Buffer.from(xml).toString('base64') });
      expect(result.nameId).toBe('alice@example.test');
    });
  }

  test('XSW1/XSW2 against an SP that requires the Response signature are rejected too', async () => {
    const { sp, xml } = await genuine('urn:test:sp-both-signed', { wantAuthnResponseSigned: true });
    for (const fn of Object.values(responseAttacks)) await expectRejected(sp, await attack(xml, fn));
  });

  test('DOCTYPE, internal entities and external entities are refused before parsing', async () => {
    const { sp, xml } = await genuine('urn:test:sp-both-signed');
    const body = xml.replace(/^<\?xml[^>]*>\s*/, '');
    const variants = [
      `<!DOCTYPE r [<!ENTITY x "alice@example.test">]>${body.replace('>alice@example.test</saml:NameID>', '>&x;</saml:NameID>')}`,
      `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${body.replace('>alice@example.test</saml:NameID>', '>&x;</saml:NameID>')}`,
      `<!DOCTYPE samlp:Response>${body}`,
      `<?xml version="1.0"?>\n<!doctype lol [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>${body}`,
    ];
    for (const variant of variants) {
      const error = await validateResponse(sp, { SAMLResponse: Buffer.from(variant).toString('base64') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SamlError);
      expect((error as SamlError).reason).toBe('malformed');
      expect((error as SamlError).message).toMatch(/DOCTYPE/);
    }
    expect((await validateResponse(sp, { SAMLResponse: Buffer.from(xml).toString('base64') })).nameId).toBe('alice@example.test');
  });

  test('a comment inside the signed NameID keeps the signature valid and the full value is returned', async () => {
    const { sp, xml } = await genuine('urn:test:sp-both-signed');
    const injected = xml.replace(/(<saml:NameID[^>]*>)alice@example\.test</, '$1alice<!--injected-->@example.test<');
    expect(injected).not.toBe(xml);
    const result = await validateResponse(sp, { SAMLResponse: Buffer.from(injected).toString('base64') });
    expect(result.nameId).toBe('alice@example.test');
  });

  test('a response signed by a key the SP does not trust is rejected', async () => {
    const { sp, xml } = await genuine('urn:test:sp-both-signed');
    const metadata = await fetchIdpMetadata(idp.metadataUrl);
    const { makeKeyPair } = await import('./servers/simplesamlphp.ts');
    const otherIdpCert = makeKeyPair('someone else').certificate;
    const distrustful = createSamlServiceProvider({
      entityId: sp.entityId,
      acsUrl: ACS,
      idp: { ...metadata, signingCertificates: [otherIdpCert] },
      requestIdStore: sp.requestIdStore,
    });
    await expectRejected(distrustful, xml);
    expect((await validateResponse(sp, { SAMLResponse: Buffer.from(xml).toString('base64') })).nameId).toBe('alice@example.test');
  });
});
