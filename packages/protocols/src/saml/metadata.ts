import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError } from '@authing/core';
import { SamlError } from './errors.ts';
import type { SamlServiceProvider } from './sp.ts';
import { BINDING, NS, attr, certBody, child, children, escapeXml, parseXml, text } from './xml.ts';

/** What an SP needs from IdP metadata. */
export interface IdpMetadata {
  entityId: string;
  ssoRedirectUrl?: string;
  ssoPostUrl?: string;
  sloRedirectUrl?: string;
  sloPostUrl?: string;
  /** Signing certificates as PEM (KeyDescriptors with `use="signing"` or no `use`). */
  signingCertificates: string[];
}

export interface ParseIdpMetadataOptions {
  /** Which entity to pick when the document is an `EntitiesDescriptor` with several IdPs. */
  entityId?: string;
}

function pem(body: string): string {
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}

function findEntity(root: Element, entityId: string | undefined): Element {
  const isIdp = (e: Element): boolean => children(e, NS.metadata, 'IDPSSODescriptor').length > 0;
  if (root.localName === 'EntityDescriptor' && root.namespaceURI === NS.metadata) {
    if (entityId !== undefined && attr(root, 'entityID') !== entityId) {
      throw new SamlError('malformed', `metadata describes another entity than ${entityId}`);
    }
    return root;
  }
  if (root.localName === 'EntitiesDescriptor' && root.namespaceURI === NS.metadata) {
    const all: Element[] = [];
    const walk = (e: Element): void => {
      for (const d of children(e, NS.metadata, 'EntityDescriptor')) all.push(d);
      for (const nested of children(e, NS.metadata, 'EntitiesDescriptor')) walk(nested);
    };
    walk(root);
    const idps = all.filter((e) => isIdp(e) && (entityId === undefined || attr(e, 'entityID') === entityId));
    if (idps.length === 1) return idps[0] as Element;
    throw new SamlError(
      'malformed',
      idps.length === 0 ? 'metadata contains no matching IdP' : 'metadata contains several IdPs; pass entityId to choose one',
    );
  }
  throw new SamlError('malformed', 'not SAML 2.0 metadata (expected md:EntityDescriptor)');
}

/**
 * Reads IdP metadata XML. It does not verify a metadata signature: get the
 * document over HTTPS from a URL you trust (or from a file you checked).
 */
export async function parseIdpMetadata(xml: string, options: ParseIdpMetadataOptions = {}): Promise<IdpMetadata> {
  if (typeof xml !== 'string') throw new ValidationError('metadata must be a string', 'xml');
  const doc = await parseXml(xml, 'IdP metadata');
  const entity = findEntity(doc.documentElement, options.entityId);
  const entityId = attr(entity, 'entityID');
  if (!entityId) throw new SamlError('malformed', 'metadata has no entityID');
  const idp = child(entity, NS.metadata, 'IDPSSODescriptor');
  if (!idp) throw new SamlError('malformed', 'metadata has no IDPSSODescriptor');
  if (!(attr(idp, 'protocolSupportEnumeration') ?? '').split(/\s+/).includes(NS.protocol)) {
    throw new SamlError('malformed', 'IdP does not support SAML 2.0 (protocolSupportEnumeration)');
  }

  const signingCertificates: string[] = [];
  for (const kd of children(idp, NS.metadata, 'KeyDescriptor')) {
    const use = attr(kd, 'use');
    if (use !== undefined && use !== 'signing') continue;
    for (const keyInfo of children(kd, NS.dsig, 'KeyInfo')) {
      for (const data of children(keyInfo, NS.dsig, 'X509Data')) {
        for (const cert of children(data, NS.dsig, 'X509Certificate')) {
          const body = certBody(text(cert) ?? '');
          if (body && !signingCertificates.includes(pem(body))) signingCertificates.push(pem(body));
        }
      }
    }
  }
  if (signingCertificates.length === 0) throw new SamlError('malformed', 'IdP metadata has no signing certificate');

  const endpoint = (name: string, binding: string): string | undefined =>
    children(idp, NS.metadata, name)
      .filter((e) => attr(e, 'Binding') === binding)
      .map((e) => attr(e, 'Location'))
      .find((l): l is string => typeof l === 'string' && l.length > 0);

  const result: IdpMetadata = { entityId, signingCertificates };
  const sso = { ssoRedirectUrl: endpoint('SingleSignOnService', BINDING.redirect), ssoPostUrl: endpoint('SingleSignOnService', BINDING.post) };
  const slo = { sloRedirectUrl: endpoint('SingleLogoutService', BINDING.redirect), sloPostUrl: endpoint('SingleLogoutService', BINDING.post) };
  for (const [key, value] of Object.entries({ ...sso, ...slo })) if (value) (result as unknown as Record<string, string>)[key] = value;
  if (!result.ssoRedirectUrl && !result.ssoPostUrl) throw new SamlError('malformed', 'IdP metadata has no HTTP-Redirect or HTTP-POST SingleSignOnService');
  return result;
}

export interface FetchIdpMetadataOptions extends ParseIdpMetadataOptions {
  /** A fetch implementation (proxies, custom TLS, tests). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds before giving up. Default 10 000. */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * Downloads and parses IdP metadata. Network failures are core's `NetworkError`,
 * `TimeoutError` or `AbortError`; a non-2xx answer is an `HttpError`; bad XML is a `SamlError`.
 */
export async function fetchIdpMetadata(url: string, options: FetchIdpMetadataOptions = {}): Promise<IdpMetadata> {
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new ValidationError('metadata url must be an http(s) URL', 'url');
  }
  const timeout = options.timeout ?? 10_000;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ValidationError('timeout must be a positive number', 'timeout');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timer = AbortSignal.timeout(timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, timer]) : timer;
  let body: string;
  try {
    const response = await doFetch(url, { headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' }, signal });
    body = await response.text();
    if (!response.ok) throw new HttpError('http_error', { status: response.status, message: 'fetching IdP metadata failed', body });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (options.signal?.aborted) throw new AbortError('fetching IdP metadata was aborted', { cause: options.signal.reason });
    if (timer.aborted) throw new TimeoutError(`fetching IdP metadata took longer than ${timeout} ms`, timeout, { cause: error });
    throw new NetworkError(`fetching IdP metadata from ${new URL(url).origin} failed`, { cause: error });
  }
  return parseIdpMetadata(body, options);
}

/** Where Authing publishes the SAML IdP metadata of an application: `{appHost}/api/v2/saml-idp/{appId}/metadata`. */
export function authingIdpMetadataUrl(appHost: string, appId: string): string {
  if (typeof appHost !== 'string' || !URL.canParse(appHost)) throw new ValidationError('appHost must be a URL', 'appHost');
  if (typeof appId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(appId)) throw new ValidationError('appId must be an Authing app ID', 'appId');
  return `${appHost.replace(/\/+$/, '')}/api/v2/saml-idp/${encodeURIComponent(appId)}/metadata`;
}

/**
 * This SP's metadata, to upload to the IdP: ACS (HTTP-POST), SLO (Redirect and
 * POST) when configured, the signing certificate and the encryption certificate.
 */
export function generateSpMetadata(sp: SamlServiceProvider): string {
  const keyDescriptor = (use: 'signing' | 'encryption', cert: string): string =>
    `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    (use === 'encryption'
      ? '<md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/><md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes128-gcm"/>' +
        '<md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/><md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
      : '') +
    '</md:KeyDescriptor>';
  const parts = [
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}" entityID="${escapeXml(sp.entityId)}">`,
    `<md:SPSSODescriptor protocolSupportEnumeration="${NS.protocol}" AuthnRequestsSigned="${sp.signAuthnRequests}" WantAssertionsSigned="${sp.wantAssertionsSigned}">`,
  ];
  if (sp.certificate && sp.privateKey) parts.push(keyDescriptor('signing', sp.certificate));
  if (sp.decryptionCertificate && sp.decryptionPrivateKey) parts.push(keyDescriptor('encryption', sp.decryptionCertificate));
  if (sp.sloUrl) {
    for (const binding of [BINDING.redirect, BINDING.post]) {
      parts.push(`<md:SingleLogoutService Binding="${binding}" Location="${escapeXml(sp.sloUrl)}"/>`);
    }
  }
  parts.push(`<md:NameIDFormat>${escapeXml(sp.nameIdFormat)}</md:NameIDFormat>`);
  parts.push(`<md:AssertionConsumerService index="0" isDefault="true" Binding="${BINDING.post}" Location="${escapeXml(sp.acsUrl)}"/>`);
  parts.push('</md:SPSSODescriptor>', '</md:EntityDescriptor>');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${parts.join('\n')}\n`;
}
