/// <reference types="node" />
// Web SSO against a real SimpleSAMLphp IdP: AuthnRequests in both bindings,
// signed and unsigned, validated responses, and the checks that must refuse
// replayed, tampered, expired, misaddressed and unsolicited responses.
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import {
  SamlError,
  buildAuthnRequest,
  createMemoryRequestIdStore,
  createSamlServiceProvider,
  fetchIdpMetadata,
  validateResponse,
  type IdpMetadata,
  type SamlServiceProviderOptions,
} from '../src/saml/index.ts';
import { Browser, makeKeyPair, startSimpleSamlIdp, type PostedForm, type SimpleSamlIdp } from './servers/simplesamlphp.ts';

const ACS = 'http://127.0.0.1:9/acs';
const SLO = 'http://127.0.0.1:9/slo';
const spKeys = makeKeyPair('test SP signing');
const encKeys = makeKeyPair('test SP encryption');

let idp: SimpleSamlIdp;
let idpMetadata: IdpMetadata;

beforeAll(async () => {
  idp = await startSimpleSamlIdp([
    // Signed AuthnRequests required, so a successful login proves our signature is valid.
    { entityId: 'urn:test:sp', acsUrl: ACS, sloUrl: SLO, certificate: spKeys.certificate, requireSignedAuthnRequests: true },
    { entityId: 'urn:test:sp-unsigned', acsUrl: ACS },
    { entityId: 'urn:test:sp-enc', acsUrl: ACS, certificate: encKeys.certificate, encryptAssertion: true },
    { entityId: 'urn:test:sp-response-signed-only', acsUrl: ACS, signAssertion: false, signResponse: true },
  ]);
  idpMetadata = await fetchIdpMetadata(idp.metadataUrl);
}, 30_000);

afterAll(async () => {
  await idp?.stop();
});

function sp(options: Partial<SamlServiceProviderOptions> = {}) {
  return createSamlServiceProvider({
    entityId: 'urn:test:sp',
    acsUrl: ACS,
    sloUrl: SLO,
    idp: idpMetadata,
    privateKey: spKeys.privateKey,
    certificate: spKeys.certificate,
    ...options,
  });
}

/** Runs the browser through the IdP and returns the form it posts to the ACS. */
async function loginForm(start: { url: string } | { action: string; fields: Record<string, string> }): Promise<PostedForm> {
  const result = await new Browser([ACS, SLO]).run(start);
  if (!('form' in result)) throw new Error(`expected a POST to the ACS, got a redirect to ${result.redirect.href}`);
  expect(result.form.action).toBe(ACS);
  return result.form;
}

async function rejectsWith(promise: Promise<unknown>, reason: string): Promise<SamlError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a SamlError with reason ${reason}, but the response was accepted`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SamlError);
  expect((error as SamlError).code).toBe('saml_error');
  expect((error as SamlError).reason).toBe(reason);
  return error as SamlError;
}

const b64 = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');
const unb64 = (value: string | undefined): string => Buffer.from(value ?? '', 'base64').toString('utf8');

describe('SAML Web SSO against SimpleSAMLphp', { timeout: 30_000 }, () => {
  test('signed Redirect-binding AuthnRequest: full login returns nameId, attributes and sessionIndex', async () => {
    onTestFailed(() => console.error(idp.log()));
    const provider = sp();
    const request = await buildAuthnRequest(provider, { binding: 'redirect', relayState: '/after-login' });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(idp.ssoUrl);
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(url.searchParams.get('Signature')).toBeTruthy();

    const form = await loginForm({ url: request.url });
    expect(form.fields.RelayState).toBe('/after-login');
    const result = await validateResponse(provider, { SAMLResponse: form.fields.SAMLResponse, RelayState: form.fields.RelayState });
    expect(result.nameId).toBe('alice@example.test');
    expect(result.nameIdFormat).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(result.issuer).toBe(idp.entityId);
    expect(result.inResponseTo).toBe(request.id);
    expect(result.relayState).toBe('/after-login');
    expect(result.sessionIndex).toMatch(/^_/);
    expect(result.attributes).toEqual({
      uid: ['alice'],
      mail: ['alice@example.test'],
      eduPersonAffiliation: ['member', 'staff'],
    });

    // Replay: the request ID was consumed by the first validation.
    await rejectsWith(validateResponse(provider, { SAMLResponse: form.fields.SAMLResponse }), 'in_response_to');
  });

  test('signed POST-binding AuthnRequest carries an XML signature and logs in', async () => {
    onTestFailed(() => console.error(idp.log()));
    const provider = sp();
    const request = await buildAuthnRequest(provider, { binding: 'post' });
    expect(request.action).toBe(idp.ssoUrl);
    const xml = unb64(request.fields.SAMLRequest);
    expect(xml).toMatch(/^(<\?xml[^>]*>)?<samlp:AuthnRequest /);
    expect(xml).toContain(`ID="${request.id}"`);
    expect(xml).toContain('<Signature');
    expect(request.fields.RelayState).toBeUndefined();
    const form = await loginForm({ action: request.action, fields: request.fields });
    const result = await validateResponse(provider, { SAMLResponse: form.fields.SAMLResponse });
    expect(result.nameId).toBe('alice@example.test');
    expect(result.inResponseTo).toBe(request.id);
  });

  test('unsigned AuthnRequests (both bindings) work for an SP without keys', async () => {
    onTestFailed(() => console.error(idp.log()));
    const provider = sp({ entityId: 'urn:test:sp-unsigned', privateKey: undefined, certificate: undefined });
    expect(provider.signAuthnRequests).toBe(false);
    const redirect = await buildAuthnRequest(provider, { binding: 'redirect' });
    expect(new URL(redirect.url).searchParams.has('Signature')).toBe(false);
    const post = await buildAuthnRequest(provider, { binding: 'post' });
    expect(unb64(post.fields.SAMLRequest)).not.toContain('Signature');
    for (const start of [{ url: redirect.url }, { action: post.action, fields: post.fields }]) {
      const form = await loginForm(start);
      expect((await validateResponse(provider, { SAMLResponse: form.fields.SAMLResponse })).nameId).toBe('alice@example.test');
    }
  });

  test('the IdP refuses an unsigned AuthnRequest where it requires signatures (so the signed tests prove something)', async () => {
    const provider = sp({ signAuthnRequests: false });
    const request = await buildAuthnRequest(provider, { binding: 'redirect' });
    await expect(new Browser([ACS]).run({ url: request.url })).rejects.toThrow(/no signature found/);
  });

  test('a tampered attribute breaks the signature', async () => {
    const provider = sp();
    const request = await buildAuthnRequest(provider, { binding: 'redirect' });
    const form = await loginForm({ url: request.url });
    const xml = unb64(form.fields.SAMLResponse);
    const tampered = xml.replace('>staff</saml:AttributeValue>', '>admin</saml:AttributeValue>');
    expect(tampered).not.toBe(xml);
    await rejectsWith(validateResponse(provider, { SAMLResponse: b64(tampered) }), 'signature');
    // The untouched response still validates: the request ID was not used up by the forgery.
    expect((await validateResponse(provider, { SAMLResponse: form.fields.SAMLResponse })).attributes.eduPersonAffiliation).toEqual([
      'member',
      'staff',
    ]);
  });

  test('wrong audience, wrong ACS, unknown InResponseTo, expired and not-yet-valid are refused', async () => {
    const store = createMemoryRequestIdStore();
    const provider = sp({ requestIdStore: store });
    const request = await buildAuthnRequest(provider, { binding: 'redirect' });
    const { SAMLResponse } = (await loginForm({ url: request.url })).fields;

    await rejectsWith(validateResponse(sp({ requestIdStore: store, entityId: 'urn:test:other-sp' }), { SAMLResponse }), 'audience');
    await rejectsWith(validateResponse(sp({ requestIdStore: store, acsUrl: 'http://127.0.0.1:9/other-acs' }), { SAMLResponse }), 'destination');
    // A different SP instance never sent this request.
    await rejectsWith(validateResponse(sp(), { SAMLResponse }), 'in_response_to');
    // SimpleSAMLphp gives assertions ~5 minutes; 10 minutes later (beyond the 60 s skew) they are expired.
    await rejectsWith(validateResponse(sp({ requestIdStore: store, now: () => Date.now() + 10 * 60_000 }), { SAMLResponse }), 'expired');
    await rejectsWith(validateResponse(sp({ requestIdStore: store, now: () => Date.now() - 10 * 60_000 }), { SAMLResponse }), 'not_yet_valid');
    // A generous skew accepts the same "late" response: the check really uses the clock and the skew.
    const late = await validateResponse(sp({ requestIdStore: store, now: () => Date.now() + 10 * 60_000, clockSkewMs: 20 * 60_000 }), {
      SAMLResponse,
    });
    expect(late.nameId).toBe('alice@example.test');
  });

  test('IdP-initiated (unsolicited) responses are refused unless allowed, and then accepted once', async () => {
    onTestFailed(() => console.error(idp.log()));
    const url = `${idp.ssoUrl}?spentityid=${encodeURIComponent('urn:test:sp')}`;
    const { SAMLResponse } = (await loginForm({ url })).fields;
    expect(unb64(SAMLResponse)).not.toContain('InResponseTo');
    await rejectsWith(validateResponse(sp(), { SAMLResponse }), 'in_response_to');
    const permissive = sp({ allowIdpInitiated: true });
    expect((await validateResponse(permissive, { SAMLResponse })).inResponseTo).toBeUndefined();
    await rejectsWith(validateResponse(permissive, { SAMLResponse }), 'in_response_to');
  });

  test('an encrypted assertion is decrypted with the SP key, and refused without it', async () => {
    onTestFailed(() => console.error(idp.log()));
    const store = createMemoryRequestIdStore();
    const provider = sp({
      entityId: 'urn:test:sp-enc',
      privateKey: undefined,
      certificate: undefined,
      decryptionPrivateKey: encKeys.privateKey,
      decryptionCertificate: encKeys.certificate,
      requestIdStore: store,
    });
    const request = await buildAuthnRequest(provider, { binding: 'redirect' });
    const { SAMLResponse } = (await loginForm({ url: request.url })).fields;
    const xml = unb64(SAMLResponse);
    expect(xml).toContain('EncryptedAssertion');
    expect(xml).not.toContain('alice@example.test');
    const noKey = sp({ entityId: 'urn:test:sp-enc', privateKey: undefined, certificate: undefined, requestIdStore: store });
    await rejectsWith(validateResponse(noKey, { SAMLResponse }), 'decryption');
    const wrongKey = sp({ entityId: 'urn:test:sp-enc', requestIdStore: store });
    await rejectsWith(validateResponse(wrongKey, { SAMLResponse }), 'decryption');
    const result = await validateResponse(provider, { SAMLResponse });
    expect(result.nameId).toBe('alice@example.test');
    expect(result.attributes.uid).toEqual(['alice']);
  });

  test('a response signed only at Response level: refused by default, accepted with wantAssertionsSigned false', async () => {
    const store = createMemoryRequestIdStore();
    const strict = sp({ entityId: 'urn:test:sp-response-signed-only', privateKey: undefined, certificate: undefined, requestIdStore: store });
    const request = await buildAuthnRequest(strict, { binding: 'redirect' });
    const { SAMLResponse } = (await loginForm({ url: request.url })).fields;
    await rejectsWith(validateResponse(strict, { SAMLResponse }), 'signature');
    const relaxed = sp({
      entityId: 'urn:test:sp-response-signed-only',
      privateKey: undefined,
      certificate: undefined,
      requestIdStore: store,
      wantAssertionsSigned: false,
      wantAuthnResponseSigned: true,
    });
    expect((await validateResponse(relaxed, { SAMLResponse })).nameId).toBe('alice@example.test');
  });

  test('wantAuthnResponseSigned refuses a response whose Response signature was removed', async () => {
    const provider = sp({ wantAuthnResponseSigned: true });
    const request = await buildAuthnRequest(provider, { binding: 'redirect' });
    const xml = unb64((await loginForm({ url: request.url })).fields.SAMLResponse);
    // The Response signature is the ds:Signature right after the Response's Issuer.
    const withoutResponseSig = xml.replace(/(<\/saml:Issuer>)<ds:Signature[\s\S]*?<\/ds:Signature>(<samlp:Status>)/, '$1$2');
    expect(withoutResponseSig).not.toBe(xml);
    await rejectsWith(validateResponse(provider, { SAMLResponse: b64(withoutResponseSig) }), 'signature');
    // Without that option the assertion signature alone is enough.
    expect((await validateResponse(sp({ requestIdStore: provider.requestIdStore }), { SAMLResponse: b64(withoutResponseSig) })).nameId).toBe(
      'alice@example.test',
    );
  });

  test('an IdP error status is reported as reason "status" with the status code', async () => {
    const provider = sp();
    const xml =
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_e1" Version="2.0" ' +
      `IssueInstant="${new Date().toISOString()}" Destination="${ACS}"><saml:Issuer>${idp.entityId}</saml:Issuer>` +
      '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode>' +
      '<samlp:StatusMessage>wrong password</samlp:StatusMessage></samlp:Status></samlp:Response>';
    const error = await rejectsWith(validateResponse(provider, { SAMLResponse: b64(xml) }), 'status');
    expect(error.statusCode).toBe('urn:oasis:names:tc:SAML:2.0:status:Responder');
    expect(error.message).toContain('Responder/AuthnFailed: wrong password');
  });

  test('garbage input is "malformed", never an unhandled exception', async () => {
    const provider = sp();
    await rejectsWith(validateResponse(provider, {}), 'malformed');
    await rejectsWith(validateResponse(provider, { SAMLResponse: 'not base64 !!' }), 'malformed');
    await rejectsWith(validateResponse(provider, { SAMLResponse: b64('<a><b></a>') }), 'malformed');
    await rejectsWith(validateResponse(provider, { SAMLResponse: b64('<foo xmlns="urn:x"/>') }), 'malformed');
  });
});
