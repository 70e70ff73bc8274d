import { base64url, digest } from './base64url.ts';
import { internalsOf } from './client.ts';
import type { AuthorizeParams, AuthorizeRequest, OidcClient, Transaction } from './types.ts';
import { invalidOption, optionalString, requireRedirectUri } from './validate.ts';

// The parameters that carry the request's security; extraParams must not replace them.
const reserved = ['client_id', 'response_type', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'];

/**
 * 32 bytes from WebCrypto's CSPRNG, base64url: 43 characters (RFC 7636 §4.1 for the verifier).
 * Written here rather than taken from oauth4webapi, whose module-level setup would otherwise be
 * the only part of it in a bundle that just builds this URL.
 */
function random(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Where to send the user. Authing's layout is fixed (`{appHost}/oidc/auth`, `{appHost}/oauth/auth`),
 * so the redirect needs no request, and no discovery code in a bundle that only builds this URL.
 * A custom issuer's endpoint is whatever its discovery document says, read by `discoverOidcClient`.
 */
function authorizationEndpoint(client: OidcClient): string {
  const discovered = internalsOf(client).authorizationEndpoint;
  if (discovered) return discovered;
  if (client.issuer === `${client.appHost}/${client.protocol}`) return `${client.issuer}/auth`;
  throw invalidOption('issuer', 'custom: create the client with discoverOidcClient');
}

/** Builds the authorization URL and the secrets to keep; shared by the URL builder and the transaction stores. */
export async function prepareAuthorization(client: OidcClient, params: AuthorizeParams = {}): Promise<{ url: string; transaction: Transaction }> {
  const redirectUri = requireRedirectUri('redirectUri', params.redirectUri ?? client.redirectUri);
  const scope = optionalString('scope', params.scope) ?? client.scope;
  const named: Record<string, string | undefined> = {
    // Authing (like oidc-provider) issues a refresh token only when consent was asked for.
    prompt: optionalString('prompt', params.prompt) ?? (scope.split(' ').includes('offline_access') ? 'consent' : undefined),
    response_mode: optionalString('responseMode', params.responseMode),
    tenant_id: optionalString('tenantId', params.tenantId),
    login_hint: optionalString('loginHint', params.loginHint),
  };
  const extra = params.extraParams ?? {};
  if (typeof extra !== 'object' || extra === null) throw invalidOption('extraParams', 'an object of strings');
  for (const [key, value] of Object.entries(extra)) {
    if (reserved.includes(key)) throw invalidOption(`extraParams.${key}`, 'set by the SDK and cannot be overridden');
    if (typeof value !== 'string') throw invalidOption(`extraParams.${key}`, 'a string');
  }

  const url = new URL(authorizationEndpoint(client));
  const state = random();
  const nonce = random();
  const codeVerifier = random();
  // S256 (RFC 7636 §4.2): base64url(SHA-256(ASCII(code_verifier))).
  const challenge = await digest('SHA-256', codeVerifier);
  const query = {
    client_id: client.appId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state,
    nonce: client.protocol === 'oidc' ? nonce : undefined,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...named,
    ...extra,
  };
  // URLSearchParams encodes every value; nothing is concatenated by hand.
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return { url: url.href, transaction: { state, nonce, codeVerifier, redirectUri, scope, createdAt: Date.now() } };
}

/**
 * The URL to send the user to, with PKCE (S256), a fresh `state` and `nonce`. Keep the three
 * secrets until the callback, or use a transaction store that does it for you.
 */
export async function buildAuthorizeUrl(client: OidcClient, params?: AuthorizeParams): Promise<AuthorizeRequest> {
  const { url, transaction } = await prepareAuthorization(client, params);
  return { url, state: transaction.state, nonce: transaction.nonce, codeVerifier: transaction.codeVerifier };
}
