/// <reference types="node" />
// Metadata both ways (the real IdP's, and ours parsed back), the metadata
// fetcher's typed errors, and configuration errors at construction.
import { HttpError, NetworkError, TimeoutError, ValidationError } from '@authing/core';
import { parseDomFromString } from '@node-saml/node-saml/lib/xml.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SamlError,
  authingIdpMetadataUrl,
  createMemoryRequestIdStore,
  createSamlServiceProvider,
  fetchIdpMetadata,
  generateSpMetadata,
  parseIdpMetadata,
  type IdpMetadata,
} from '../src/saml/index.ts';
import { makeKeyPair, startSimpleSamlIdp, type SimpleSamlIdp } from './servers/simplesamlphp.ts';

let idp: SimpleSamlIdp;
let metadata: IdpMetadata;
const keys = makeKeyPair('metadata test SP');
const encryption = makeKeyPair('metadata test SP encryption');

beforeAll(async () => {
  idp = await startSimpleSamlIdp([{ entityId: 'urn:test:sp', acsUrl: 'http://127.0.0.1:9/acs' }]);
  metadata = await fetchIdpMetadata(idp.metadataUrl);
}, 30_000);

afterAll(async () => {
  await idp?.stop();
});

const body = (pem: string): string => pem.replace(/-----[^-]+-----|\s/g, '');

describe('SAML metadata', { timeout: 30_000 }, () => {
  test('parses the real IdP metadata: entityID, both bindings of SSO and SLO, signing certificate', () => {
    expect(metadata).toEqual({
      entityId: idp.entityId,
      ssoRedirectUrl: idp.ssoUrl,
      ssoPostUrl: idp.ssoUrl,
      sloRedirectUrl: idp.sloUrl,
      sloPostUrl: idp.sloUrl,
      signingCertificates: [expect.stringMatching(/^-----BEGIN CERTIFICATE-----\n/)],
    });
    expect(body(metadata.signingCertificates[0] ?? '')).toBe(body(idp.certificate));
  });

  test('SP metadata carries ACS, SLO, signing and encryption certificates, and parses back', async () => {
    const sp = createSamlServiceProvider({
      entityId: 'urn:test:sp&co',
      acsUrl: 'https://sp.example.test/saml/acs?x=1&y=2',
      sloUrl: 'https://sp.example.test/saml/slo',
      idp: metadata,
      privateKey: keys.privateKey,
      certificate: keys.certificate,
      decryptionPrivateKey: encryption.privateKey,
      decryptionCertificate: encryption.certificate,
    });
    const xml = generateSpMetadata(sp);
    expect(xml).not.toContain('PRIVATE KEY');
    const doc = await parseDomFromString(xml);
    const root = doc.documentElement;
    expect(root.localName).toBe('EntityDescriptor');
    expect(root.getAttribute('entityID')).toBe('urn:test:sp&co');
    const spsso = root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'SPSSODescriptor')[0];
    expect(spsso?.getAttribute('AuthnRequestsSigned')).toBe('true');
    expect(spsso?.getAttribute('WantAssertionsSigned')).toBe('true');
    const acs = root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'AssertionConsumerService')[0];
    expect(acs?.getAttribute('Location')).toBe('https://sp.example.test/saml/acs?x=1&y=2');
    expect(acs?.getAttribute('Binding')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    const slo = [...Array.from(root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'SingleLogoutService'))];
    expect(slo.map((e) => [e.getAttribute('Binding'), e.getAttribute('Location')])).toEqual([
      ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'https://sp.example.test/saml/slo'],
      ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', 'https://sp.example.test/saml/slo'],
    ]);
    const kds = Array.from(root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'KeyDescriptor')).map((kd) => [
      kd.getAttribute('use'),
      kd.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate')[0]?.textContent,
    ]);
    expect(kds).toEqual([
      ['signing', body(keys.certificate)],
      ['encryption', body(encryption.certificate)],
    ]);
    // An SP without keys publishes none and does not claim to sign.
    const bare = generateSpMetadata(createSamlServiceProvider({ entityId: 'urn:bare', acsUrl: 'https://sp.example.test/acs', idp: metadata }));
    expect(bare).not.toContain('KeyDescriptor');
    expect(bare).not.toContain('SingleLogoutService');
    expect(bare).toContain('AuthnRequestsSigned="false"');
  });

  test('EntitiesDescriptor: picks the single IdP, or the one named by entityId', async () => {
    const real = await (await fetch(idp.metadataUrl)).text();
    const entity = real.replace(/^<\?xml[^>]*>\s*/, '');
    const other = entity.replaceAll(idp.entityId, 'urn:other-idp');
    const both = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity}${other}</md:EntitiesDescriptor>`;
    await expect(parseIdpMetadata(both)).rejects.toThrow(/several IdPs/);
    expect((await parseIdpMetadata(both, { entityId: 'urn:other-idp' })).entityId).toBe('urn:other-idp');
    expect((await parseIdpMetadata(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity}</md:EntitiesDescriptor>`)).entityId).toBe(
      idp.entityId,
    );
  });

  test('bad metadata is a SamlError: DOCTYPE, no IdP, no certificate, not XML', async () => {
    const real = await (await fetch(idp.metadataUrl)).text();
    const cases = [
      `<!DOCTYPE x [<!ENTITY e "x">]>${real.replace(/^<\?xml[^>]*>\s*/, '')}`,
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
      real.replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, ''),
      'not xml at all <',
    ];
    for (const xml of cases) {
      const error = await parseIdpMetadata(xml).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SamlError);
      expect((error as SamlError).reason).toBe('malformed');
    }
  });

  test('fetchIdpMetadata: injectable fetch, HTTP errors, network errors and timeouts are typed core errors', async () => {
    const seen: string[] = [];
    const viaInjected = await fetchIdpMetadata(idp.metadataUrl, {
      fetch: async (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    expect(viaInjected.entityId).toBe(idp.entityId);
    expect(seen).toEqual([idp.metadataUrl]);

    await expect(fetchIdpMetadata(`${idp.base}no-such-page.php`)).rejects.toBeInstanceOf(HttpError);
    await expect(fetchIdpMetadata('http://127.0.0.1:9/metadata')).rejects.toBeInstanceOf(NetworkError);
    const slow: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await fetchIdpMetadata(idp.metadataUrl, { fetch: slow, timeout: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(50);
    await expect(fetchIdpMetadata('ftp://example.test/md')).rejects.toBeInstanceOf(ValidationError);
  });

  test('authingIdpMetadataUrl builds Authing\'s metadata URL', () => {
    expect(authingIdpMetadataUrl('https://example.authing.cn/', '62a0f0c7f8d7e5b1c2a3b4c5')).toBe(
      'https://example.authing.cn/api/v2/saml-idp/62a0f0c7f8d7e5b1c2a3b4c5/metadata',
    );
    expect(() => authingIdpMetadataUrl('https://example.authing.cn', '../x')).toThrow(ValidationError);
  });

  test('bad configuration is a ValidationError at construction, naming the field but never the key', () => {
    const base = { entityId: 'urn:sp', acsUrl: 'https://sp.example.test/acs', idp: metadata };
    const field = (options: Record<string, unknown>): string | undefined => {
      try {
        createSamlServiceProvider({ ...base, ...options } as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).not.toContain('PRIVATE');
        return (error as ValidationError).field;
      }
      return undefined;
    };
    expect(field({ acsUrl: 'not a url' })).toBe('acsUrl');
    expect(field({ entityId: '' })).toBe('entityId');
    expect(field({ idp: { ...metadata, signingCertificates: [] } })).toBe('idp.signingCertificates');
    expect(field({ idp: { ...metadata, ssoRedirectUrl: undefined, ssoPostUrl: undefined } })).toBe('idp.ssoRedirectUrl');
    expect(field({ privateKey: keys.privateKey })).toBe('certificate');
    expect(field({ privateKey: 'garbage', certificate: keys.certificate })).toBe('privateKey');
    expect(field({ signAuthnRequests: true })).toBe('privateKey');
    expect(field({ clockSkewMs: -1 })).toBe('clockSkewMs');
    expect(field({ requestIdStore: {} })).toBe('requestIdStore');
    expect(field({ wantAssertionsSigned: 'yes' })).toBe('wantAssertionsSigned');
    const sp = createSamlServiceProvider({ ...base, privateKey: keys.privateKey, certificate: keys.certificate });
    expect(JSON.stringify(sp)).not.toContain('PRIVATE KEY');
  });

  test('the in-memory request-ID store: take once, expiry, size bound', () => {
    let now = 1_000;
    const store = createMemoryRequestIdStore({ now: () => now, maxEntries: 2 });
    store.save('a', 2_000);
    expect(store.take('a')).toBe(true);
    expect(store.take('a')).toBe(false);
    store.save('b', 2_000);
    now = 2_000;
    expect(store.take('b')).toBe(false);
    store.save('c', 9_000);
    store.save('d', 9_000);
    store.save('e', 9_000);
    expect([store.take('c'), store.take('d'), store.take('e')]).toEqual([false, true, true]);
  });
});
