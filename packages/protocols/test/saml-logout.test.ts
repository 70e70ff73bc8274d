/// <reference types="node" />
// Single logout against a real SimpleSAMLphp IdP that requires signed logout
// messages from the SP: SP-initiated (Redirect and POST) and IdP-initiated.
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import {
  SamlError,
  buildAuthnRequest,
  buildLogoutRequest,
  buildLogoutResponse,
  createSamlServiceProvider,
  fetchIdpMetadata,
  validateLogoutRequest,
  validateLogoutResponse,
  validateResponse,
  type SamlAssertion,
  type SamlServiceProvider,
} from '../src/saml/index.ts';
import { Browser, makeKeyPair, startSimpleSamlIdp, type SimpleSamlIdp } from './servers/simplesamlphp.ts';

const ACS = 'http://127.0.0.1:9/acs';
const SLO = 'http://127.0.0.1:9/slo';
const DONE = 'http://127.0.0.1:9/logged-out';
const spKeys = makeKeyPair('test SP');

let idp: SimpleSamlIdp;
let sp: SamlServiceProvider;

beforeAll(async () => {
  idp = await startSimpleSamlIdp([
    { entityId: 'urn:test:sp', acsUrl: ACS, sloUrl: SLO, certificate: spKeys.certificate, requireSignedLogout: true, requireSignedAuthnRequests: true },
  ]);
  sp = createSamlServiceProvider({
    entityId: 'urn:test:sp',
    acsUrl: ACS,
    sloUrl: SLO,
    idp: await fetchIdpMetadata(idp.metadataUrl),
    privateKey: spKeys.privateKey,
    certificate: spKeys.certificate,
  });
}, 30_000);

afterAll(async () => {
  await idp?.stop();
});

/** Logs alice in with a fresh browser, which keeps the IdP session for the logout. */
async function login(): Promise<{ browser: Browser; session: SamlAssertion }> {
  const browser = new Browser([ACS, SLO, DONE]);
  const request = await buildAuthnRequest(sp, { binding: 'redirect' });
  const result = await browser.run({ url: request.url });
  if (!('form' in result)) throw new Error('no response form');
  return { browser, session: await validateResponse(sp, { SAMLResponse: result.form.fields.SAMLResponse }) };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SamlError);
  return (error as SamlError).reason;
}

describe('SAML single logout against SimpleSAMLphp', { timeout: 30_000 }, () => {
  for (const binding of ['redirect', 'post'] as const) {
    test(`SP-initiated logout (${binding} LogoutRequest) round trip`, async () => {
      onTestFailed(() => console.error(idp.log()));
      const { browser, session } = await login();
      expect(session.sessionIndex).toBeTruthy();
      const request = await buildLogoutRequest(sp, {
        binding,
        nameId: session.nameId,
        nameIdFormat: session.nameIdFormat,
        ...(session.sessionIndex ? { sessionIndex: session.sessionIndex } : {}),
        relayState: 'bye',
      });
      const start = request.binding === 'redirect' ? { url: request.url } : { action: request.action, fields: request.fields };
      if (request.binding === 'redirect') expect(new URL(request.url).searchParams.get('Signature')).toBeTruthy();
      else expect(Buffer.from(request.fields.SAMLRequest ?? '', 'base64').toString()).toContain('<Signature');
      const back = await browser.run(start);
      if (!('redirect' in back)) throw new Error('expected a redirect to the SP SLO URL');
      expect(back.redirect.href.startsWith(SLO)).toBe(true);
      expect(back.redirect.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');

      const query = back.redirect.search;
      const result = await validateLogoutResponse(sp, { binding: 'redirect', query });
      expect(result).toEqual({ issuer: idp.entityId, inResponseTo: request.id, relayState: 'bye' });
      // Replay: the LogoutRequest ID was consumed.
      expect(await reason(validateLogoutResponse(sp, { binding: 'redirect', query }))).toBe('in_response_to');
      // The IdP session is really gone: a new AuthnRequest shows the login form again.
      const again = await buildAuthnRequest(sp, { binding: 'redirect' });
      const page = await browser.request(again.url);
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toContain('loginuserpass.php');
    });
  }

  test('tampered, unsigned and foreign logout responses are refused', async () => {
    const { browser, session } = await login();
    const request = await buildLogoutRequest(sp, { binding: 'redirect', nameId: session.nameId, nameIdFormat: session.nameIdFormat, relayState: 'r1' });
    const back = await browser.run({ url: request.url });
    if (!('redirect' in back)) throw new Error('expected a redirect');
    const query = back.redirect.search.slice(1);
    expect(await reason(validateLogoutResponse(sp, { binding: 'redirect', query: query.replace('RelayState=r1', 'RelayState=r2') }))).toBe('signature');
    expect(await reason(validateLogoutResponse(sp, { binding: 'redirect', query: query.replace(/&Signature=[^&]*/, '') }))).toBe('signature');
    expect(await reason(validateLogoutResponse(sp, { binding: 'redirect', query: query.replace(/SigAlg=[^&]*/, 'SigAlg=http%3A%2F%2Fwww.w3.org%2F2000%2F09%2Fxmldsig%23rsa-sha1') }))).toBe(
      'signature',
    );
    const other = createSamlServiceProvider({
      entityId: sp.entityId,
      acsUrl: ACS,
      sloUrl: 'http://127.0.0.1:9/other-slo',
      idp: sp.idp,
      requestIdStore: sp.requestIdStore,
    });
    expect(await reason(validateLogoutResponse(other, { binding: 'redirect', query }))).toBe('destination');
    // As a full URL, untouched, it is accepted.
    expect((await validateLogoutResponse(sp, { binding: 'redirect', query: back.redirect.href })).inResponseTo).toBe(request.id);
  });

  test('IdP-initiated logout: the LogoutRequest is validated and our signed LogoutResponse is accepted by the IdP', async () => {
    onTestFailed(() => console.error(idp.log()));
    const { browser, session } = await login();
    const toSp = await browser.run({ url: `${idp.sloUrl}?ReturnTo=${encodeURIComponent(DONE)}` });
    if (!('redirect' in toSp)) throw new Error('expected a redirect to the SP SLO URL');
    expect(toSp.redirect.href.startsWith(SLO)).toBe(true);
    const logout = await validateLogoutRequest(sp, { binding: 'redirect', query: toSp.redirect.search });
    expect(logout.issuer).toBe(idp.entityId);
    expect(logout.nameId).toBe(session.nameId);
    expect(logout.nameIdFormat).toBe(session.nameIdFormat);
    expect(logout.sessionIndexes).toEqual([session.sessionIndex]);
    expect(logout.binding).toBe('redirect');
    // A LogoutRequest whose signature is broken must not log anyone out.
    // Change the signature's first character to a different one (replacing it with a fixed letter
    // would leave it unchanged whenever it already was that letter).
    const broken = toSp.redirect.search.replace(/Signature=([A-Za-z0-9])/, (_whole, first: string) => `Signature=${first === 'A' ? 'B' : 'A'}`);
    expect(broken).not.toBe(toSp.redirect.search);
    expect(await reason(validateLogoutRequest(sp, { binding: 'redirect', query: broken }))).toBe('signature');

    const answer = await buildLogoutResponse(sp, { binding: 'redirect', inResponseTo: logout.id, ...(logout.relayState ? { relayState: logout.relayState } : {}) });
    const done = await browser.run({ url: answer.url });
    if (!('redirect' in done)) throw new Error('expected the IdP to redirect to ReturnTo');
    expect(done.redirect.href).toBe(DONE);
  });

  test('POST-binding logout messages: a signed LogoutRequest passes, an unsigned or re-signed one does not', async () => {
    // SimpleSAMLphp sends its logout messages by Redirect to this SP, so for the POST binding one of our
    // own SPs plays the IdP: it signs a POST LogoutRequest, and a mirror SP that trusts its key validates it.
    const mirror = createSamlServiceProvider({
      entityId: 'urn:test:mirror',
      acsUrl: ACS,
      sloUrl: 'http://127.0.0.1:9/idp-slo',
      idp: { entityId: 'urn:test:sp', ssoRedirectUrl: idp.ssoUrl, sloPostUrl: SLO, signingCertificates: [spKeys.certificate] },
    });
    const form = await buildLogoutRequest(
      createSamlServiceProvider({
        entityId: 'urn:test:sp',
        acsUrl: ACS,
        idp: { entityId: 'urn:test:mirror', ssoRedirectUrl: idp.ssoUrl, sloPostUrl: 'http://127.0.0.1:9/idp-slo', signingCertificates: [spKeys.certificate] },
        privateKey: spKeys.privateKey,
        certificate: spKeys.certificate,
      }),
      { binding: 'post', nameId: 'alice@example.test', sessionIndex: '_s1', relayState: 'x' },
    );
    const ok = await validateLogoutRequest(mirror, { binding: 'post', body: form.fields });
    expect(ok).toMatchObject({ id: form.id, nameId: 'alice@example.test', sessionIndexes: ['_s1'], relayState: 'x', binding: 'post' });
    const xml = Buffer.from(form.fields.SAMLRequest ?? '', 'base64').toString();
    const unsigned = xml.replace(/<Signature[\s\S]*<\/Signature>/, '');
    expect(await reason(validateLogoutRequest(mirror, { binding: 'post', body: { SAMLRequest: Buffer.from(unsigned).toString('base64') } }))).toBe('signature');
    const altered = xml.replace('alice@example.test', 'bob@example.test');
    expect(await reason(validateLogoutRequest(mirror, { binding: 'post', body: { SAMLRequest: Buffer.from(altered).toString('base64') } }))).toBe('signature');
  });
});
