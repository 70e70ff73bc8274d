import { ValidationError, format, isAuthingError } from '@authing/core';
import {
  authingCasLogout,
  authingCasServerUrl,
  buildLoginUrl,
  buildLogoutUrl as buildCasLogoutUrl,
  createCasClient,
  validateTicketV1 as validateCasV1,
  validateTicketV2 as validateCasV2,
  type CasAttributes,
  type CasError,
  type CasClient,
} from '@authing/protocols/cas';
import * as oidc from '@authing/protocols/oidc';
import type { AuthenticationClientHandle } from './client.ts';

/** What `buildAuthorizeUrl` returns: the URL, plus what an OIDC/OAuth caller must keep for the callback. */
export interface AuthorizationUrl {
  url: string;
  /** OIDC/OAuth only: compare with the callback's `state`. */
  state?: string;
  /** OIDC only: compare with the ID token's `nonce`. */
  nonce?: string;
  /** OIDC/OAuth only: send with the code exchange (PKCE). */
  codeVerifier?: string;
}

/** Parameters of `buildAuthorizeUrl`: OIDC/OAuth parameters, or the `service` of a CAS login. */
export interface AuthorizeUrlParams extends oidc.AuthorizeParams {
  /** CAS only: where the CAS server sends the user back with a ticket. */
  service?: string;
}

/** The result of `validateTicketV1`, as Authing's SDK documents it. */
export interface TicketV1Result {
  valid: boolean;
  user?: string;
  message?: string;
}

/** The result of `validateTicketV2`: the user and attributes, or the CAS failure code. */
export interface TicketV2Result {
  valid: boolean;
  user?: string;
  attributes?: CasAttributes;
  code?: string;
  message?: string;
}

// The protocol handles are built on first use from the client's settings, and
// kept per client so that discovery and JWKS caches live as long as it does.
const oidcClients = new WeakMap<AuthenticationClientHandle, oidc.OidcClient>();
const casClients = new WeakMap<AuthenticationClientHandle, CasClient>();

function oidcOf(client: AuthenticationClientHandle): oidc.OidcClient {
  let handle = oidcClients.get(client);
  if (!handle) {
    const { app } = client;
    if (app.protocol === 'cas' || app.protocol === 'saml') {
      throw new ValidationError(format(client.messages, 'option', { field: 'protocol', reason: `this method needs oidc or oauth, not ${app.protocol}` }), 'protocol');
    }
    handle = oidc.createOidcClient({
      appId: app.appId,
      ...(app.appSecret ? { appSecret: app.appSecret } : {}),
      appHost: app.appHost,
      ...(app.redirectUri ? { redirectUri: app.redirectUri } : {}),
      ...(app.logoutRedirectUri ? { logoutRedirectUri: app.logoutRedirectUri } : {}),
      scope: app.scope,
      protocol: app.protocol,
      tokenEndPointAuthMethod: app.tokenEndPointAuthMethod,
      introspectionEndPointAuthMethod: app.introspectionEndPointAuthMethod,
      revocationEndPointAuthMethod: app.revocationEndPointAuthMethod,
      timeout: client.timeout,
      ...(client.fetch ? { fetch: client.fetch } : {}),
      ...(app.lang ? { lang: app.lang } : {}),
    });
    oidcClients.set(client, handle);
  }
  return handle;
}

function casOf(client: AuthenticationClientHandle): CasClient {
  let handle = casClients.get(client);
  if (!handle) {
    const { app } = client;
    handle = createCasClient({
      serverUrl: authingCasServerUrl(app.appHost, app.appId),
      logout: authingCasLogout(app.appHost),
      timeout: client.timeout,
      ...(client.fetch ? { fetch: client.fetch } : {}),
    });
    casClients.set(client, handle);
  }
  return handle;
}

// A brand check rather than instanceof, so that two copies of the package agree.
function isCasError(error: unknown): error is CasError {
  return isAuthingError(error) && error.code === 'cas_error';
}

/** The login URL for the app's protocol: OIDC/OAuth with PKCE, a CAS login, or Authing's SAML IdP. */
export async function buildAuthorizeUrl(client: AuthenticationClientHandle, params: AuthorizeUrlParams = {}): Promise<AuthorizationUrl> {
  const { app } = client;
  if (app.protocol === 'cas') {
    if (!params.service) {
      throw new ValidationError(format(client.messages, 'required', { operation: 'buildAuthorizeUrl', field: 'service' }), 'service');
    }
    return { url: buildLoginUrl(casOf(client), { service: params.service }) };
  }
  if (app.protocol === 'saml') return { url: `${app.appHost}/api/v2/saml-idp/${encodeURIComponent(app.appId)}` };
  const { service: _service, ...oidcParams } = params;
  return oidc.buildAuthorizeUrl(oidcOf(client), oidcParams);
}

/** Exchanges an authorization code (with its PKCE verifier) for tokens, validating the ID token. */
export async function getAccessTokenByCode(client: AuthenticationClientHandle, code: string, options: oidc.CodeExchangeOptions): Promise<oidc.TokenSet> {
  return oidc.getAccessTokenByCode(oidcOf(client), code, options);
}

/** Refreshes an access token. */
export async function getNewAccessTokenByRefreshToken(client: AuthenticationClientHandle, refreshToken: string): Promise<oidc.TokenSet> {
  return oidc.getNewAccessTokenByRefreshToken(oidcOf(client), refreshToken);
}

/** A machine-to-machine token (`client_credentials`). */
export async function getAccessTokenByClientCredentials(client: AuthenticationClientHandle, options?: oidc.ClientCredentialsOptions): Promise<oidc.TokenSet> {
  return oidc.getAccessTokenByClientCredentials(oidcOf(client), options);
}

/** RFC 7662 introspection. */
export async function introspectToken(client: AuthenticationClientHandle, token: string): Promise<oidc.IntrospectionResult> {
  return oidc.introspectToken(oidcOf(client), token);
}

/** RFC 7009 revocation. */
export async function revokeToken(client: AuthenticationClientHandle, token: string): Promise<true> {
  return oidc.revokeToken(oidcOf(client), token);
}

/** The user's claims from the userinfo endpoint, with the token in the `Authorization` header. */
export async function getUserInfoByAccessToken(client: AuthenticationClientHandle, accessToken: string): Promise<oidc.UserInfo> {
  return oidc.getUserInfoByAccessToken(oidcOf(client), accessToken);
}

/** The logout URL for the app's protocol (OIDC end-session, or CAS logout). */
export async function buildLogoutUrl(client: AuthenticationClientHandle, params: oidc.LogoutParams = {}): Promise<string> {
  if (client.app.protocol === 'cas') {
    const service = params.redirectUri ?? client.app.logoutRedirectUri;
    return buildCasLogoutUrl(casOf(client), service ? { service } : {});
  }
  return oidc.buildLogoutUrl(oidcOf(client), params);
}

/** Validates an ID token fully (signature, iss, aud, azp, exp/iat/nbf, nonce, at_hash/c_hash). */
export async function verifyIdToken(client: AuthenticationClientHandle, idToken: string, options?: oidc.VerifyIdTokenOptions): Promise<oidc.IdTokenClaims> {
  return oidc.verifyIdToken(oidcOf(client), idToken, options);
}

/** Validates a JWT access token offline, with the same rules as ID tokens (no nonce). */
export async function verifyAccessToken(client: AuthenticationClientHandle, accessToken: string, options?: oidc.VerifyAccessTokenOptions): Promise<oidc.AccessTokenClaims> {
  return oidc.verifyAccessToken(oidcOf(client), accessToken, options);
}

/** CAS 1.0 ticket validation, in the `{ valid, message }` shape of Authing's SDK. */
export async function validateTicketV1(client: AuthenticationClientHandle, ticket: string, service: string): Promise<TicketV1Result> {
  try {
    const { user } = await validateCasV1(casOf(client), { ticket, service });
    return { valid: true, user };
  } catch (error) {
    if (isCasError(error)) return { valid: false, message: error.message };
    throw error;
  }
}

/** CAS 2.0 ticket validation, returning the user and attributes; failures carry the CAS code. */
export async function validateTicketV2(
  client: AuthenticationClientHandle,
  ticket: string,
  service: string,
  responseFormat: 'JSON' | 'XML' = 'JSON',
): Promise<TicketV2Result> {
  try {
    const { user, attributes } = await validateCasV2(casOf(client), { ticket, service, format: responseFormat });
    return { valid: true, user, attributes };
  } catch (error) {
    if (isCasError(error)) return { valid: false, code: error.casCode, message: error.message };
    throw error;
  }
}
