/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { SAML, ValidateInResponseTo, type SamlConfig } from '@node-saml/node-saml';
import { ValidationError } from '@authing/core';
import { createMemoryRequestIdStore, type RequestIdStore } from './store.ts';
import { certToPem } from './xml.ts';
import type { IdpMetadata } from './metadata.ts';

/**
 * What the SP must know about its IdP: parsed metadata, or the same fields by
 * hand. Assertions and logout messages must carry `entityId` as their Issuer,
 * and one of `signingCertificates` (PEM or bare base64) must have signed them.
 */
export type IdpConfig = IdpMetadata;

export interface SamlServiceProviderOptions {
  /** This SP's entityID (also the expected `Audience`). */
  entityId: string;
  /** Assertion Consumer Service URL (HTTP-POST); responses must be addressed to it. */
  acsUrl: string;
  /** Single Logout URL of this SP, if it takes part in single logout. */
  sloUrl?: string;
  /** The IdP, typically the result of `parseIdpMetadata` or `fetchIdpMetadata`. */
  idp: IdpConfig;
  /** PEM private key used to sign AuthnRequests and logout messages. */
  privateKey?: string;
  /** PEM certificate of `privateKey`, published in SP metadata. Required with `privateKey`. */
  certificate?: string;
  /** PEM private key that decrypts `EncryptedAssertion`s; defaults to `privateKey`. */
  decryptionPrivateKey?: string;
  /** PEM certificate of the decryption key, published in SP metadata; defaults to `certificate`. */
  decryptionCertificate?: string;
  /** Sign AuthnRequests. Default: true when `privateKey` is given. */
  signAuthnRequests?: boolean;
  /** Require a valid signature on the assertion itself. Default true. */
  wantAssertionsSigned?: boolean;
  /** Require a valid signature on the whole `<samlp:Response>`. Default false. */
  wantAuthnResponseSigned?: boolean;
  /** Tolerated clock difference with the IdP, in ms. Default 60 000. */
  clockSkewMs?: number;
  /** How long a sent request may be answered, in ms. Default 10 minutes. */
  requestTtlMs?: number;
  /** Where request IDs are remembered. Default: an in-memory store (one process). */
  requestIdStore?: RequestIdStore;
  /**
   * Accept responses that answer no request (IdP-initiated SSO). Default false:
   * such responses are easy to inject (login CSRF) and cannot be tied to a browser.
   */
  allowIdpInitiated?: boolean;
  /** NameID format asked for in AuthnRequests and published in metadata. Default: unspecified. */
  nameIdFormat?: string;
  /** Signature digest for what this SP signs. Default `sha256`. */
  signatureAlgorithm?: 'sha256' | 'sha512';
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** A configured service provider; pass it to the functions of this module. Immutable. */
export interface SamlServiceProvider {
  readonly entityId: string;
  readonly acsUrl: string;
  readonly sloUrl: string | undefined;
  readonly idp: Readonly<IdpConfig>;
  readonly privateKey: string | undefined;
  readonly certificate: string | undefined;
  readonly decryptionPrivateKey: string | undefined;
  readonly decryptionCertificate: string | undefined;
  readonly signAuthnRequests: boolean;
  readonly wantAssertionsSigned: boolean;
  readonly wantAuthnResponseSigned: boolean;
  readonly clockSkewMs: number;
  readonly requestTtlMs: number;
  readonly requestIdStore: RequestIdStore;
  readonly allowIdpInitiated: boolean;
  readonly nameIdFormat: string;
  readonly signatureAlgorithm: 'sha256' | 'sha512';
  readonly now: () => number;
}

const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

function requireUrl(value: unknown, field: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ValidationError(`${field} must be an http(s) URL`, field);
  }
  return value;
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`${field} must be a non-empty string`, field);
  return value;
}

function requirePem(value: unknown, field: string, label: RegExp): string | undefined {
  if (value === undefined) return undefined;
  // Say only what is wrong, never echo the value: it may be a private key.
  if (typeof value !== 'string' || !label.test(value)) throw new ValidationError(`${field} must be a PEM string`, field);
  return value;
}

function requireCert(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/=\s-]+$/.test(value.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')) || value.trim() === '') {
    throw new ValidationError(`${field} must be a PEM or base64 certificate`, field);
  }
  return certToPem(value);
}

/** Validates the configuration once, so that bad settings fail at start-up rather than at the first login. */
export function createSamlServiceProvider(options: SamlServiceProviderOptions): SamlServiceProvider {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options are required');
  const entityId = requireString(options.entityId, 'entityId');
  const acsUrl = requireUrl(options.acsUrl, 'acsUrl') as string;
  const sloUrl = requireUrl(options.sloUrl, 'sloUrl', true);
  const idpIn = options.idp;
  if (typeof idpIn !== 'object' || idpIn === null) throw new ValidationError('idp is required', 'idp');
  const certs = idpIn.signingCertificates;
  if (!Array.isArray(certs) || certs.length === 0) {
    throw new ValidationError('idp.signingCertificates must list at least one certificate', 'idp.signingCertificates');
  }
  const idp: IdpConfig = Object.freeze({
    entityId: requireString(idpIn.entityId, 'idp.entityId'),
    ssoRedirectUrl: requireUrl(idpIn.ssoRedirectUrl, 'idp.ssoRedirectUrl', true),
    ssoPostUrl: requireUrl(idpIn.ssoPostUrl, 'idp.ssoPostUrl', true),
    sloRedirectUrl: requireUrl(idpIn.sloRedirectUrl, 'idp.sloRedirectUrl', true),
    sloPostUrl: requireUrl(idpIn.sloPostUrl, 'idp.sloPostUrl', true),
    signingCertificates: certs.map((c, i) => requireCert(c, `idp.signingCertificates.${i}`)),
  });
  if (!idp.ssoRedirectUrl && !idp.ssoPostUrl) {
    throw new ValidationError('idp needs ssoRedirectUrl or ssoPostUrl', 'idp.ssoRedirectUrl');
  }
  const privateKey = requirePem(options.privateKey, 'privateKey', /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  const certificate = options.certificate === undefined ? undefined : requireCert(options.certificate, 'certificate');
  if (privateKey && !certificate) throw new ValidationError('certificate is required with privateKey', 'certificate');
  const decryptionPrivateKey =
    requirePem(options.decryptionPrivateKey, 'decryptionPrivateKey', /-----BEGIN [A-Z ]*PRIVATE KEY-----/) ?? privateKey;
  const decryptionCertificate =
    options.decryptionCertificate === undefined ? certificate : requireCert(options.decryptionCertificate, 'decryptionCertificate');
  if (options.decryptionPrivateKey && !decryptionCertificate) {
    throw new ValidationError('decryptionCertificate (or certificate) is required with decryptionPrivateKey', 'decryptionCertificate');
  }
  const signAuthnRequests = options.signAuthnRequests ?? privateKey !== undefined;
  if (signAuthnRequests && !privateKey) throw new ValidationError('signAuthnRequests needs privateKey', 'privateKey');
  const wantAssertionsSigned = options.wantAssertionsSigned ?? true;
  const wantAuthnResponseSigned = options.wantAuthnResponseSigned ?? false;
  for (const [field, value] of [
    ['signAuthnRequests', signAuthnRequests],
    ['wantAssertionsSigned', wantAssertionsSigned],
    ['wantAuthnResponseSigned', wantAuthnResponseSigned],
    ['allowIdpInitiated', options.allowIdpInitiated ?? false],
  ] as const) {
    if (typeof value !== 'boolean') throw new ValidationError(`${field} must be a boolean`, field);
  }
  const clockSkewMs = options.clockSkewMs ?? 60_000;
  if (!Number.isFinite(clockSkewMs) || clockSkewMs < 0 || clockSkewMs > 3_600_000) {
    throw new ValidationError('clockSkewMs must be between 0 and 3 600 000', 'clockSkewMs');
  }
  const requestTtlMs = options.requestTtlMs ?? 10 * 60_000;
  if (!Number.isFinite(requestTtlMs) || requestTtlMs <= 0) throw new ValidationError('requestTtlMs must be positive', 'requestTtlMs');
  const store = options.requestIdStore;
  if (store !== undefined && (typeof store.save !== 'function' || typeof store.take !== 'function')) {
    throw new ValidationError('requestIdStore must have save() and take()', 'requestIdStore');
  }
  const signatureAlgorithm = options.signatureAlgorithm ?? 'sha256';
  if (signatureAlgorithm !== 'sha256' && signatureAlgorithm !== 'sha512') {
    throw new ValidationError('signatureAlgorithm must be sha256 or sha512', 'signatureAlgorithm');
  }
  const now = options.now ?? Date.now;
  const sp = {
    entityId,
    acsUrl,
    sloUrl,
    idp,
    certificate,
    decryptionCertificate,
    signAuthnRequests,
    wantAssertionsSigned,
    wantAuthnResponseSigned,
    clockSkewMs,
    requestTtlMs,
    requestIdStore: store ?? createMemoryRequestIdStore({ now }),
    allowIdpInitiated: options.allowIdpInitiated ?? false,
    nameIdFormat: options.nameIdFormat ?? UNSPECIFIED,
    signatureAlgorithm,
    now,
  };
  // Keys are not enumerable, so logging or serialising the SP never prints them.
  Object.defineProperty(sp, 'privateKey', { value: privateKey, enumerable: false });
  Object.defineProperty(sp, 'decryptionPrivateKey', { value: decryptionPrivateKey, enumerable: false });
  return Object.freeze(sp) as SamlServiceProvider;
}

/** A fresh, unguessable SAML ID (must start with a letter or `_` to be an xs:ID). */
export function newId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/**
 * A node-saml instance for one operation. We turn off node-saml's own
 * InResponseTo cache, clock and audience checks: this module does them itself,
 * with the pluggable store, the injectable clock and typed errors. What we keep
 * from node-saml is signature verification, wrapping defences and decryption.
 */
export function nodeSaml(sp: SamlServiceProvider, extra: Partial<SamlConfig> = {}): SAML {
  const signing = sp.privateKey ? { privateKey: sp.privateKey, publicCert: sp.certificate } : {};
  return new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    idpCert: [...sp.idp.signingCertificates],
    idpIssuer: sp.idp.entityId,
    entryPoint: sp.idp.ssoRedirectUrl ?? sp.idp.ssoPostUrl,
    logoutUrl: sp.idp.sloRedirectUrl ?? sp.idp.sloPostUrl,
    audience: false,
    acceptedClockSkewMs: -1,
    validateInResponseTo: ValidateInResponseTo.never,
    wantAssertionsSigned: sp.wantAssertionsSigned,
    wantAuthnResponseSigned: sp.wantAuthnResponseSigned,
    identifierFormat: sp.nameIdFormat,
    disableRequestedAuthnContext: true,
    signatureAlgorithm: sp.signatureAlgorithm,
    digestAlgorithm: sp.signatureAlgorithm,
    // node-saml's own request cache stays unused (validateInResponseTo is off); a no-op keeps it from growing.
    cacheProvider: { saveAsync: async () => null, getAsync: async () => null, removeAsync: async () => null },
    ...(sp.decryptionPrivateKey ? { decryptionPvk: sp.decryptionPrivateKey } : {}),
    ...signing,
    ...extra,
  });
}
