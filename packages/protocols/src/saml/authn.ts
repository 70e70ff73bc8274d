/// <reference types="node" />
import { ValidationError } from '@authing/core';
import { SamlStatusError } from '@node-saml/node-saml';
import { SamlError } from './errors.ts';
import { newId, nodeSaml, type SamlServiceProvider } from './sp.ts';
import {
  NS,
  STATUS_SUCCESS,
  attr,
  child,
  children,
  decodePostMessage,
  descendantsByLocalName,
  isElement,
  parseInstant,
  parseXml,
  text,
} from './xml.ts';

export type SamlBinding = 'redirect' | 'post';

/** An HTTP-Redirect message: send the browser to `url` (302). */
export interface SamlRedirect {
  binding: 'redirect';
  url: string;
  /** ID of the request; it is also in the request-ID store. */
  id: string;
}

/** An HTTP-POST message: render an auto-submitting form that posts `fields` to `action`. */
export interface SamlPostForm {
  binding: 'post';
  action: string;
  fields: Record<string, string>;
  id: string;
}

export interface BuildAuthnRequestOptions<B extends SamlBinding = SamlBinding> {
  binding: B;
  /** Opaque value the IdP sends back; at most 80 bytes (SAML bindings §3.4.3). */
  relayState?: string;
  /** Ask the IdP to authenticate again even with a session. */
  forceAuthn?: boolean;
}

export function checkRelayState(relayState: unknown): string | undefined {
  if (relayState === undefined) return undefined;
  if (typeof relayState !== 'string' || Buffer.byteLength(relayState) > 80) {
    throw new ValidationError('relayState must be a string of at most 80 bytes', 'relayState');
  }
  return relayState;
}

/**
 * Builds an AuthnRequest for the IdP's SSO endpoint and records its ID, so that
 * `validateResponse` accepts only an answer to it, once. Signed when the SP
 * has `signAuthnRequests` (query signature for Redirect, XML signature for POST).
 */
export async function buildAuthnRequest(sp: SamlServiceProvider, options: BuildAuthnRequestOptions<'redirect'>): Promise<SamlRedirect>;
export async function buildAuthnRequest(sp: SamlServiceProvider, options: BuildAuthnRequestOptions<'post'>): Promise<SamlPostForm>;
export async function buildAuthnRequest(sp: SamlServiceProvider, options: BuildAuthnRequestOptions): Promise<SamlRedirect | SamlPostForm>;
export async function buildAuthnRequest(sp: SamlServiceProvider, options: BuildAuthnRequestOptions): Promise<SamlRedirect | SamlPostForm> {
  const relayState = checkRelayState(options?.relayState) ?? '';
  const binding = options?.binding;
  const endpoint = binding === 'redirect' ? sp.idp.ssoRedirectUrl : binding === 'post' ? sp.idp.ssoPostUrl : undefined;
  if (binding !== 'redirect' && binding !== 'post') throw new ValidationError('binding must be "redirect" or "post"', 'binding');
  if (!endpoint) throw new ValidationError(`the IdP has no HTTP-${binding === 'post' ? 'POST' : 'Redirect'} SSO endpoint`, 'binding');
  const id = newId();
  const saml = nodeSaml(sp, {
    entryPoint: endpoint,
    generateUniqueId: () => id,
    authnRequestBinding: binding === 'post' ? 'HTTP-POST' : 'HTTP-Redirect',
    // The POST binding carries plain base64 XML; DEFLATE belongs to the Redirect binding only.
    skipRequestCompression: binding === 'post',
    forceAuthn: options.forceAuthn === true,
    ...(sp.signAuthnRequests ? {} : { privateKey: undefined }),
  });
  let result: SamlRedirect | SamlPostForm;
  if (binding === 'redirect') {
    result = { binding, url: await saml.getAuthorizeUrlAsync(relayState, undefined, {}), id };
  } else {
    const message = await saml.getAuthorizeMessageAsync(relayState);
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(message)) if (typeof value === 'string' && value !== '') fields[key] = value;
    result = { binding, action: endpoint, fields, id };
  }
  // Save only once the request exists, so a failure above leaves nothing behind.
  await sp.requestIdStore.save(id, sp.now() + sp.requestTtlMs);
  return result;
}

/** A validated login. */
export interface SamlAssertion {
  /** The IdP's name for the user. */
  nameId: string;
  nameIdFormat: string;
  /** `SessionIndex` from the AuthnStatement; keep it for single logout. */
  sessionIndex: string | undefined;
  /** Attribute name → values. Always arrays, also for single values. */
  attributes: Record<string, string[]>;
  /** The IdP entityID. */
  issuer: string;
  /** ID of the AuthnRequest this answers; undefined for an accepted IdP-initiated login. */
  inResponseTo: string | undefined;
  /** RelayState as posted (not protected by any signature: treat as untrusted input). */
  relayState: string | undefined;
  /** ID of the assertion. */
  assertionId: string;
  /** When the IdP wants the SP session to end (`SessionNotOnOrAfter`), epoch ms. */
  sessionNotOnOrAfter: number | undefined;
}

export interface SamlPostBody {
  SAMLResponse?: string;
  RelayState?: string;
}

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/** Throws unless `now` is inside [notBefore - skew, notOnOrAfter + skew). */
export function checkWindow(sp: SamlServiceProvider, el: Element, what: string, requireEnd: boolean): void {
  const now = sp.now();
  const notBefore = attr(el, 'NotBefore');
  const notOnOrAfter = attr(el, 'NotOnOrAfter');
  if (notBefore !== undefined && now + sp.clockSkewMs < parseInstant(notBefore, `${what} NotBefore`)) {
    throw new SamlError('not_yet_valid', `${what} is not yet valid (NotBefore)`);
  }
  if (notOnOrAfter === undefined) {
    if (requireEnd) throw new SamlError('malformed', `${what} has no NotOnOrAfter`);
    return;
  }
  if (now - sp.clockSkewMs >= parseInstant(notOnOrAfter, `${what} NotOnOrAfter`)) {
    throw new SamlError('expired', `${what} has expired (NotOnOrAfter)`);
  }
}

/** Duplicate ID attributes are how wrapping attacks make a signature point at the wrong element. */
export function assertUniqueIds(doc: Document): void {
  const seen = new Set<string>();
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      for (const name of ['ID', 'Id', 'id']) {
        const value = el.getAttribute(name);
        if (!value) continue;
        if (seen.has(value)) throw new SamlError('signature', 'the message contains two elements with the same ID (signature wrapping)');
        seen.add(value);
      }
      walk(el);
    }
  };
  walk(doc);
}

function statusOf(root: Element): { code: string | undefined; sub: string | undefined; message: string | undefined } {
  const status = child(root, NS.protocol, 'Status');
  const code = status ? child(status, NS.protocol, 'StatusCode') : undefined;
  const sub = code ? child(code, NS.protocol, 'StatusCode') : undefined;
  return { code: attr(code, 'Value'), sub: attr(sub, 'Value'), message: text(status ? child(status, NS.protocol, 'StatusMessage') : undefined) };
}

/** Throws a `status` SamlError unless the message's top-level status is Success. */
export function assertSuccess(root: Element, what: string): void {
  const { code, sub, message } = statusOf(root);
  if (code === STATUS_SUCCESS) return;
  const short = (uri: string | undefined): string => (uri ?? 'missing').replace(/^.*:/, '');
  const detail = `${short(code)}${sub ? `/${short(sub)}` : ''}${message ? `: ${message.slice(0, 200)}` : ''}`;
  throw new SamlError('status', `the IdP answered the ${what} with status ${detail}`, code ? { statusCode: code } : {});
}

function mapNodeSamlError(error: unknown, encrypted: boolean): SamlError {
  if (error instanceof SamlError) return error;
  if (error instanceof SamlStatusError) return new SamlError('status', 'the IdP answered with a non-Success status', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  if (/signature|ID cannot refer|Referenced node|signed|transforms|multiple assertions/i.test(message)) {
    return new SamlError('signature', 'no valid signature from the IdP covers the assertion', { cause: error });
  }
  // Anything else going wrong around an EncryptedAssertion is a key or algorithm problem (wrong key, OAEP error, …).
  if (encrypted || /decrypt/i.test(message)) return new SamlError('decryption', 'the encrypted assertion could not be decrypted', { cause: error });
  return new SamlError('malformed', 'the SAML response could not be processed', { cause: error });
}

/**
 * Validates a `<samlp:Response>` posted to the ACS (HTTP-POST binding) and
 * returns who logged in. Checks, in order: no DTD, one root Response, no
 * duplicate IDs, Success status, Issuer and Destination, exactly one
 * (possibly encrypted) assertion, the required signatures (node-saml, with its
 * wrapping defences), then on the signed assertion only: Issuer, bearer
 * SubjectConfirmation (Recipient = ACS, NotOnOrAfter), Conditions time window
 * and Audience, and finally InResponseTo against the request-ID store, which
 * consumes the ID so the same response is never accepted twice.
 */
export async function validateResponse(sp: SamlServiceProvider, body: SamlPostBody): Promise<SamlAssertion> {
  const xml = decodePostMessage(body?.SAMLResponse, 'SAMLResponse');
  const doc = await parseXml(xml, 'SAMLResponse');
  const root = doc.documentElement;
  if (!isElement(root, NS.protocol, 'Response')) throw new SamlError('malformed', 'SAMLResponse is not a samlp:Response');
  assertUniqueIds(doc);
  assertSuccess(root, 'AuthnRequest');

  const responseIssuer = text(child(root, NS.assertion, 'Issuer'));
  if (responseIssuer !== undefined && responseIssuer !== sp.idp.entityId) throw new SamlError('issuer', 'the response comes from another issuer');
  const destination = attr(root, 'Destination');
  const responseSigned = children(root, NS.dsig, 'Signature').length > 0;
  if (destination === undefined ? responseSigned : destination !== sp.acsUrl) {
    throw new SamlError('destination', 'the response Destination is not this ACS URL');
  }
  // Count assertions anywhere in the document, not only where node-saml looks:
  // a second copy hidden in Extensions, Object or Advice is a wrapping attempt.
  const assertionCount = descendantsByLocalName(doc, 'Assertion').length + descendantsByLocalName(doc, 'EncryptedAssertion').length;
  if (assertionCount !== 1) throw new SamlError('malformed', assertionCount === 0 ? 'the response has no assertion' : 'the response has more than one assertion');
  const encrypted = child(root, NS.assertion, 'EncryptedAssertion') !== undefined;
  if (encrypted && !sp.decryptionPrivateKey) {
    throw new SamlError('decryption', 'the assertion is encrypted but no decryptionPrivateKey is configured');
  }

  let assertionXml: string;
  try {
    const { profile } = await nodeSaml(sp).validatePostResponseAsync({ SAMLResponse: body.SAMLResponse as string });
    const signed = profile?.getAssertionXml?.();
    if (!signed) throw new SamlError('signature', 'no signed assertion in the response');
    assertionXml = signed;
  } catch (error) {
    throw mapNodeSamlError(error, encrypted);
  }

  // From here on, read only the XML that the signature covered.
  const assertionDoc = await parseXml(assertionXml, 'assertion');
  const assertion = assertionDoc.documentElement;
  if (!isElement(assertion, NS.assertion, 'Assertion')) throw new SamlError('malformed', 'the signed content is not an assertion');
  const issuer = text(child(assertion, NS.assertion, 'Issuer'));
  if (issuer !== sp.idp.entityId) throw new SamlError('issuer', 'the assertion comes from another issuer');
  const assertionId = attr(assertion, 'ID');
  if (!assertionId) throw new SamlError('malformed', 'the assertion has no ID');

  const subject = child(assertion, NS.assertion, 'Subject');
  const nameIdEl = subject ? child(subject, NS.assertion, 'NameID') : undefined;
  const nameId = text(nameIdEl);
  if (!nameId) throw new SamlError('malformed', 'the assertion has no Subject/NameID (EncryptedID is not supported)');

  // At least one bearer confirmation must hold; report the first failure otherwise.
  let confirmedInResponseTo: string | undefined;
  let confirmed = false;
  let firstFailure: SamlError | undefined;
  for (const sc of subject ? children(subject, NS.assertion, 'SubjectConfirmation') : []) {
    if (attr(sc, 'Method') !== BEARER) continue;
    const data = child(sc, NS.assertion, 'SubjectConfirmationData');
    try {
      if (!data) throw new SamlError('malformed', 'bearer SubjectConfirmation has no SubjectConfirmationData');
      if (attr(data, 'Recipient') !== sp.acsUrl) throw new SamlError('recipient', 'SubjectConfirmationData Recipient is not this ACS URL');
      checkWindow(sp, data, 'SubjectConfirmationData', true);
      confirmedInResponseTo = attr(data, 'InResponseTo');
      confirmed = true;
      break;
    } catch (error) {
      firstFailure ??= error as SamlError;
    }
  }
  if (!confirmed) throw firstFailure ?? new SamlError('malformed', 'the assertion has no bearer SubjectConfirmation');

  const conditions = children(assertion, NS.assertion, 'Conditions');
  if (conditions.length !== 1) throw new SamlError('malformed', 'the assertion must have exactly one Conditions element');
  const cond = conditions[0] as Element;
  checkWindow(sp, cond, 'assertion', false);
  const restrictions = children(cond, NS.assertion, 'AudienceRestriction');
  if (restrictions.length === 0) throw new SamlError('audience', 'the assertion has no AudienceRestriction');
  for (const restriction of restrictions) {
    if (!children(restriction, NS.assertion, 'Audience').some((a) => text(a) === sp.entityId)) {
      throw new SamlError('audience', 'the assertion is meant for another audience');
    }
  }

  const authn = child(assertion, NS.assertion, 'AuthnStatement');
  const sessionNotOnOrAfterText = attr(authn, 'SessionNotOnOrAfter');
  const sessionNotOnOrAfter = sessionNotOnOrAfterText === undefined ? undefined : parseInstant(sessionNotOnOrAfterText, 'SessionNotOnOrAfter');
  if (sessionNotOnOrAfter !== undefined && sp.now() - sp.clockSkewMs >= sessionNotOnOrAfter) {
    throw new SamlError('expired', 'the IdP session has ended (SessionNotOnOrAfter)');
  }

  // Last, so that a response failing any check above does not use up the request ID.
  const responseInResponseTo = attr(root, 'InResponseTo');
  if (responseInResponseTo !== undefined && confirmedInResponseTo !== undefined && responseInResponseTo !== confirmedInResponseTo) {
    throw new SamlError('in_response_to', 'Response and SubjectConfirmationData disagree on InResponseTo');
  }
  const inResponseTo = confirmedInResponseTo;
  if (inResponseTo !== undefined) {
    if (!(await sp.requestIdStore.take(inResponseTo))) {
      throw new SamlError('in_response_to', 'the response does not answer a pending request (unknown, expired or already used)');
    }
  } else {
    if (responseInResponseTo !== undefined) throw new SamlError('in_response_to', 'InResponseTo is not covered by the assertion signature');
    if (!sp.allowIdpInitiated) throw new SamlError('in_response_to', 'unsolicited (IdP-initiated) response, and allowIdpInitiated is off');
    // No request ID to consume, so remember the assertion ID instead until it expires.
    const key = `assertion:${assertionId}`;
    if (await sp.requestIdStore.take(key)) {
      await sp.requestIdStore.save(key, sp.now() + sp.requestTtlMs);
      throw new SamlError('in_response_to', 'this IdP-initiated assertion was already used');
    }
    await sp.requestIdStore.save(key, sp.now() + sp.requestTtlMs);
  }

  const attributes = new Map<string, string[]>();
  for (const statement of children(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of children(statement, NS.assertion, 'Attribute')) {
      const name = attr(attribute, 'Name');
      if (!name) continue;
      const values = children(attribute, NS.assertion, 'AttributeValue').map((v) => text(v) ?? '');
      attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    }
  }

  return {
    nameId,
    nameIdFormat: attr(nameIdEl, 'Format') ?? UNSPECIFIED,
    sessionIndex: attr(authn, 'SessionIndex'),
    attributes: Object.fromEntries(attributes),
    issuer,
    inResponseTo,
    relayState: body.RelayState,
    assertionId,
    sessionNotOnOrAfter,
  };
}
