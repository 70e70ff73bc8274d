/// <reference types="node" />
import { verify as verifySignature, createPublicKey } from 'node:crypto';
import { ValidationError } from '@authing/core';
import type { Profile } from '@node-saml/node-saml';
import { getNameIdAsync, getVerifiedXml } from '@node-saml/node-saml/lib/xml.js';
import { signSamlPost } from '@node-saml/node-saml/lib/saml-post-signing.js';
import { assertSuccess, assertUniqueIds, checkRelayState, checkWindow, type SamlBinding, type SamlPostForm, type SamlRedirect } from './authn.ts';
import { SamlError } from './errors.ts';
import { newId, nodeSaml, type SamlServiceProvider } from './sp.ts';
import { NS, attr, child, children, decodePostMessage, decodeRedirectMessage, isElement, parseInstant, parseXml, text } from './xml.ts';

/** A SAML message as received on the SLO URL. */
export type SamlHttpMessage =
  /** HTTP-Redirect: the query string exactly as received (or the full URL); the signature covers its raw bytes. */
  | { binding: 'redirect'; query: string }
  /** HTTP-POST: the parsed form body. */
  | { binding: 'post'; body: { SAMLRequest?: string; SAMLResponse?: string; RelayState?: string } };

export interface BuildLogoutRequestOptions<B extends SamlBinding = SamlBinding> {
  binding: B;
  /** NameID of the user, as returned by `validateResponse`. */
  nameId: string;
  nameIdFormat?: string;
  /** SessionIndex from `validateResponse`; identifies the IdP session to end. */
  sessionIndex?: string;
  relayState?: string;
}

export interface BuildLogoutResponseOptions<B extends SamlBinding = SamlBinding> {
  binding: B;
  /** `id` of the LogoutRequest being answered (from `validateLogoutRequest`). */
  inResponseTo: string;
  /** False answers with a Requester/UnknownPrincipal status. Default true. */
  success?: boolean;
  relayState?: string;
}

/** A validated IdP-initiated LogoutRequest: end the local session(s) of this user, then answer with `buildLogoutResponse`. */
export interface SamlLogoutRequest {
  id: string;
  issuer: string;
  nameId: string;
  nameIdFormat: string | undefined;
  /** The IdP sessions to end; empty means all sessions of `nameId`. */
  sessionIndexes: string[];
  relayState: string | undefined;
  binding: SamlBinding;
}

/** A validated LogoutResponse to a LogoutRequest this SP sent. */
export interface SamlLogoutResponse {
  issuer: string;
  inResponseTo: string;
  relayState: string | undefined;
}

const SIG_ALGS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
};

function sloEndpoint(sp: SamlServiceProvider, binding: unknown): string {
  if (binding !== 'redirect' && binding !== 'post') throw new ValidationError('binding must be "redirect" or "post"', 'binding');
  const url = binding === 'redirect' ? sp.idp.sloRedirectUrl : sp.idp.sloPostUrl;
  if (!url) throw new ValidationError(`the IdP has no HTTP-${binding === 'post' ? 'POST' : 'Redirect'} SingleLogoutService`, 'binding');
  return url;
}

function signPost(sp: SamlServiceProvider, xml: string, rootName: string): string {
  if (!sp.privateKey) return xml;
  return signSamlPost(xml, `/*[local-name(.)="${rootName}" and namespace-uri(.)="${NS.protocol}"]`, {
    privateKey: sp.privateKey,
    ...(sp.certificate ? { publicCert: sp.certificate } : {}),
    signatureAlgorithm: sp.signatureAlgorithm,
    digestAlgorithm: sp.signatureAlgorithm,
  });
}

function form(action: string, field: 'SAMLRequest' | 'SAMLResponse', xml: string, relayState: string | undefined, id: string): SamlPostForm {
  const fields: Record<string, string> = { [field]: Buffer.from(xml, 'utf8').toString('base64') };
  if (relayState) fields.RelayState = relayState;
  return { binding: 'post', action, fields, id };
}

/**
 * SP-initiated single logout: a LogoutRequest for the IdP, signed when the SP
 * has a private key (most IdPs require it). Its ID goes into the request-ID
 * store, for `validateLogoutResponse`.
 */
export async function buildLogoutRequest(sp: SamlServiceProvider, options: BuildLogoutRequestOptions<'redirect'>): Promise<SamlRedirect>;
export async function buildLogoutRequest(sp: SamlServiceProvider, options: BuildLogoutRequestOptions<'post'>): Promise<SamlPostForm>;
export async function buildLogoutRequest(sp: SamlServiceProvider, options: BuildLogoutRequestOptions): Promise<SamlRedirect | SamlPostForm>;
export async function buildLogoutRequest(sp: SamlServiceProvider, options: BuildLogoutRequestOptions): Promise<SamlRedirect | SamlPostForm> {
  const endpoint = sloEndpoint(sp, options?.binding);
  if (typeof options.nameId !== 'string' || options.nameId === '') throw new ValidationError('nameId is required', 'nameId');
  if (options.sessionIndex !== undefined && typeof options.sessionIndex !== 'string') throw new ValidationError('sessionIndex must be a string', 'sessionIndex');
  const relayState = checkRelayState(options.relayState);
  const id = newId();
  const saml = nodeSaml(sp, { entryPoint: endpoint, logoutUrl: endpoint, generateUniqueId: () => id });
  const user: Profile = {
    issuer: sp.idp.entityId,
    nameID: options.nameId,
    nameIDFormat: options.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    ...(options.sessionIndex ? { sessionIndex: options.sessionIndex } : {}),
  };
  let result: SamlRedirect | SamlPostForm;
  if (options.binding === 'redirect') {
    result = { binding: 'redirect', url: await saml.getLogoutUrlAsync(user, relayState ?? '', {}), id };
  } else {
    result = form(endpoint, 'SAMLRequest', signPost(sp, await saml._generateLogoutRequest(user), 'LogoutRequest'), relayState, id);
  }
  await sp.requestIdStore.save(id, sp.now() + sp.requestTtlMs);
  return result;
}

/** The answer to an IdP-initiated LogoutRequest, signed when the SP has a private key. */
export async function buildLogoutResponse(sp: SamlServiceProvider, options: BuildLogoutResponseOptions<'redirect'>): Promise<SamlRedirect>;
export async function buildLogoutResponse(sp: SamlServiceProvider, options: BuildLogoutResponseOptions<'post'>): Promise<SamlPostForm>;
export async function buildLogoutResponse(sp: SamlServiceProvider, options: BuildLogoutResponseOptions): Promise<SamlRedirect | SamlPostForm>;
export async function buildLogoutResponse(sp: SamlServiceProvider, options: BuildLogoutResponseOptions): Promise<SamlRedirect | SamlPostForm> {
  const endpoint = sloEndpoint(sp, options?.binding);
  if (typeof options.inResponseTo !== 'string' || !/^[A-Za-z_][\w.-]*$/.test(options.inResponseTo)) {
    throw new ValidationError('inResponseTo must be the ID of the LogoutRequest', 'inResponseTo');
  }
  const relayState = checkRelayState(options.relayState);
  const id = newId();
  const saml = nodeSaml(sp, { entryPoint: endpoint, logoutUrl: endpoint, generateUniqueId: () => id });
  const request = { ID: options.inResponseTo, issuer: sp.idp.entityId, nameID: '', nameIDFormat: '' } satisfies Profile;
  const success = options.success ?? true;
  if (options.binding === 'redirect') {
    return { binding: 'redirect', url: await saml.getLogoutResponseUrlAsync(request, relayState ?? '', {}, success), id };
  }
  return form(endpoint, 'SAMLResponse', signPost(sp, saml._generateLogoutResponse(request, success), 'LogoutResponse'), relayState, id);
}

/** Splits a raw query string, keeping each value exactly as sent (the Redirect signature is over those bytes). */
function rawQuery(query: string): Map<string, string> {
  let q = query;
  if (/^https?:\/\//i.test(q)) q = q.includes('?') ? q.slice(q.indexOf('?') + 1) : '';
  q = q.replace(/^\?/, '').replace(/#.*$/, '');
  const out = new Map<string, string>();
  for (const token of q.split('&')) {
    if (!token) continue;
    const eq = token.indexOf('=');
    const key = decodeComponent(eq < 0 ? token : token.slice(0, eq));
    if (out.has(key)) throw new SamlError('malformed', `query parameter ${key} appears twice`);
    out.set(key, eq < 0 ? '' : token.slice(eq + 1));
  }
  return out;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch (cause) {
    throw new SamlError('malformed', 'the query string is not valid URL encoding', { cause });
  }
}

/**
 * Checks the HTTP-Redirect binding signature (SAML bindings §3.4.4.1): RSA over
 * `SAMLx=…[&RelayState=…]&SigAlg=…` in the received encoding, by one of the
 * IdP's certificates. Unsigned logout messages are refused: anyone could
 * otherwise log users out or fake a completed logout.
 */
function verifyRedirect(sp: SamlServiceProvider, params: Map<string, string>, field: string): void {
  const signature = params.get('Signature');
  const sigAlgRaw = params.get('SigAlg');
  if (signature === undefined || sigAlgRaw === undefined) throw new SamlError('signature', 'the logout message is not signed');
  const hash = SIG_ALGS[decodeComponent(sigAlgRaw)];
  if (!hash) throw new SamlError('signature', 'unsupported SigAlg (allowed: rsa-sha256, rsa-sha384, rsa-sha512)');
  const relay = params.get('RelayState');
  const octets = `${field}=${params.get(field)}${relay === undefined ? '' : `&RelayState=${relay}`}&SigAlg=${sigAlgRaw}`;
  const sig = Buffer.from(decodeComponent(signature), 'base64');
  const ok = sp.idp.signingCertificates.some((cert) => {
    try {
      return verifySignature(hash, Buffer.from(octets, 'utf8'), createPublicKey(cert), sig);
    } catch {
      return false;
    }
  });
  if (!ok) throw new SamlError('signature', 'the logout message signature is not valid for any IdP certificate');
}

interface Received {
  root: Element;
  doc: Document;
  relayState: string | undefined;
  binding: SamlBinding;
}

/** Decodes a logout message and verifies its signature; returns only signed content. */
async function receive(sp: SamlServiceProvider, message: SamlHttpMessage, field: 'SAMLRequest' | 'SAMLResponse'): Promise<Received> {
  if (!sp.sloUrl) throw new ValidationError('the SP has no sloUrl', 'sloUrl');
  if (message?.binding === 'redirect') {
    if (typeof message.query !== 'string') throw new ValidationError('query must be the raw query string', 'query');
    const params = rawQuery(message.query);
    const raw = params.get(field);
    if (raw === undefined) throw new SamlError('malformed', `missing ${field}`);
    verifyRedirect(sp, params, field);
    const xml = decodeRedirectMessage(decodeComponent(raw), field);
    const doc = await parseXml(xml, field);
    assertUniqueIds(doc);
    const relay = params.get('RelayState');
    return { root: doc.documentElement, doc, relayState: relay === undefined ? undefined : decodeComponent(relay), binding: 'redirect' };
  }
  if (message?.binding === 'post') {
    const xml = decodePostMessage(message.body?.[field], field);
    const fullDoc = await parseXml(xml, field);
    assertUniqueIds(fullDoc);
    let verified: string | null = null;
    try {
      verified = getVerifiedXml(xml, fullDoc.documentElement, [...sp.idp.signingCertificates]);
    } catch (cause) {
      throw new SamlError('signature', 'the logout message signature is not acceptable', { cause });
    }
    if (!verified) throw new SamlError('signature', 'the logout message has no valid IdP signature');
    const doc = await parseXml(verified, field);
    return { root: doc.documentElement, doc, relayState: message.body.RelayState, binding: 'post' };
  }
  throw new ValidationError('binding must be "redirect" or "post"', 'binding');
}

/** Issuer, Destination and IssueInstant checks shared by both logout messages. */
function checkCommon(sp: SamlServiceProvider, root: Element, what: string): string {
  const issuer = text(child(root, NS.assertion, 'Issuer'));
  if (issuer !== sp.idp.entityId) throw new SamlError('issuer', `the ${what} comes from another issuer`);
  const destination = attr(root, 'Destination');
  if (destination !== undefined && destination !== sp.sloUrl) throw new SamlError('destination', `the ${what} Destination is not this SLO URL`);
  const instant = attr(root, 'IssueInstant');
  if (!instant) throw new SamlError('malformed', `the ${what} has no IssueInstant`);
  // Without NotOnOrAfter, the issue time is what keeps a captured message from being replayed for ever.
  const issued = parseInstant(instant, 'IssueInstant');
  const now = sp.now();
  if (issued > now + sp.clockSkewMs) throw new SamlError('not_yet_valid', `the ${what} was issued in the future`);
  if (issued < now - sp.clockSkewMs - sp.requestTtlMs) throw new SamlError('expired', `the ${what} is too old`);
  return issuer;
}

/** Validates the IdP's LogoutResponse to a LogoutRequest from `buildLogoutRequest` (consumes its ID). */
export async function validateLogoutResponse(sp: SamlServiceProvider, message: SamlHttpMessage): Promise<SamlLogoutResponse> {
  const { root, relayState } = await receive(sp, message, 'SAMLResponse');
  if (!isElement(root, NS.protocol, 'LogoutResponse')) throw new SamlError('malformed', 'SAMLResponse is not a samlp:LogoutResponse');
  const issuer = checkCommon(sp, root, 'LogoutResponse');
  const inResponseTo = attr(root, 'InResponseTo');
  if (!inResponseTo || !(await sp.requestIdStore.take(inResponseTo))) {
    throw new SamlError('in_response_to', 'the LogoutResponse does not answer a pending LogoutRequest');
  }
  assertSuccess(root, 'LogoutRequest');
  return { issuer, inResponseTo, relayState };
}

/** Validates an IdP-initiated LogoutRequest (signature, issuer, destination, time); answer it with `buildLogoutResponse`. */
export async function validateLogoutRequest(sp: SamlServiceProvider, message: SamlHttpMessage): Promise<SamlLogoutRequest> {
  const { root, doc, relayState, binding } = await receive(sp, message, 'SAMLRequest');
  if (!isElement(root, NS.protocol, 'LogoutRequest')) throw new SamlError('malformed', 'SAMLRequest is not a samlp:LogoutRequest');
  const issuer = checkCommon(sp, root, 'LogoutRequest');
  const id = attr(root, 'ID');
  if (!id) throw new SamlError('malformed', 'the LogoutRequest has no ID');
  checkWindow(sp, root, 'LogoutRequest', false);
  let nameId: string | null;
  let nameIdFormat: string | null;
  try {
    // node-saml also decrypts an EncryptedID with the SP's decryption key.
    ({ value: nameId, format: nameIdFormat } = await getNameIdAsync(doc, sp.decryptionPrivateKey ?? null));
  } catch (cause) {
    throw new SamlError('malformed', 'the LogoutRequest has no usable NameID', { cause });
  }
  if (!nameId) throw new SamlError('malformed', 'the LogoutRequest has an empty NameID');
  const sessionIndexes = children(root, NS.protocol, 'SessionIndex').map((s) => text(s) ?? '').filter((s) => s !== '');
  return { id, issuer, nameId: nameId.trim(), nameIdFormat: nameIdFormat ?? undefined, sessionIndexes, relayState, binding };
}
