import * as oauth from 'oauth4webapi';
import { endpoint, metadata } from './discovery.ts';
import type { AuthorizeParams, AuthorizeRequest, OidcClient, RequestOptions, Transaction } from './types.ts';
import { invalidOption, requireRedirectUri } from './validate.ts';

// The parameters that carry the request's security; extraParams must not replace them.
const reserved = new Set(['client_id', 'response_type', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method']);

function optionalString(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw invalidOption(field, 'a non-empty string');
  return value;
}

/** Builds the authorization URL and the secrets to keep; shared by the URL builder and the transaction stores. */
export async function prepareAuthorization(
  client: OidcClient,
  params: AuthorizeParams = {},
  options?: RequestOptions,
): Promise<{ url: string; transaction: Transaction }> {
  const redirectUri = requireRedirectUri('redirectUri', params.redirectUri ?? client.redirectUri);
  const scope = optionalString('scope', params.scope) ?? client.scope;
  const prompt = optionalString('prompt', params.prompt);
  const responseMode = optionalString('responseMode', params.responseMode);
  const tenantId = optionalString('tenantId', params.tenantId);
  const loginHint = optionalString('loginHint', params.loginHint);
  const extra = params.extraParams ?? {};
  if (typeof extra !== 'object' || extra === null) throw invalidOption('extraParams', 'an object of strings');
  for (const [key, value] of Object.entries(extra)) {
    if (reserved.has(key)) throw invalidOption(`extraParams.${key}`, 'set by the SDK and cannot be overridden');
    if (typeof value !== 'string') throw invalidOption(`extraParams.${key}`, 'a string');
  }

  const server = await metadata(client, options);
  // 32 random bytes each from WebCrypto's CSPRNG, base64url: 43 characters.
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(endpoint(server, 'authorization_endpoint', 'buildAuthorizeUrl'));
  // URLSearchParams encodes every value; nothing is concatenated by hand.
  const query = url.searchParams;
  query.set('client_id', client.appId);
  query.set('response_type', 'code');
  query.set('redirect_uri', redirectUri);
  query.set('scope', scope);
  query.set('state', state);
  if (client.protocol === 'oidc') query.set('nonce', nonce);
  query.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  query.set('code_challenge_method', 'S256');
  // Authing (like oidc-provider) issues a refresh token only when consent was asked for.
  const effectivePrompt = prompt ?? (scope.split(' ').includes('offline_access') ? 'consent' : undefined);
  if (effectivePrompt) query.set('prompt', effectivePrompt);
  if (responseMode) query.set('response_mode', responseMode);
  if (tenantId) query.set('tenant_id', tenantId);
  if (loginHint) query.set('login_hint', loginHint);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);

  return { url: url.href, transaction: { state, nonce, codeVerifier, redirectUri, scope, createdAt: Date.now() } };
}

/**
 * The URL to send the user to, with PKCE (S256), a fresh `state` and `nonce`. Keep the three
 * secrets until the callback, or use a transaction store that does it for you.
 */
export async function buildAuthorizeUrl(client: OidcClient, params?: AuthorizeParams, options?: RequestOptions): Promise<AuthorizeRequest> {
  const { url, transaction } = await prepareAuthorization(client, params, options);
  return { url, state: transaction.state, nonce: transaction.nonce, codeVerifier: transaction.codeVerifier };
}
