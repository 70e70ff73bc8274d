import * as oauth from 'oauth4webapi';
import { TokenValidationError } from '../errors.ts';
import { clientAuth, oauthClient } from './client-auth.ts';
import { metadata } from './discovery.ts';
import { exchange, readTokenResponse } from './transport.ts';
import type { OidcClient, RequestOptions, TokenSet } from './types.ts';
import { requireCodeVerifier, requireRedirectUri, requireString } from './validate.ts';
import { verifyIdToken } from './verify.ts';

/** Options of {@link getAccessTokenByCode}. */
export interface CodeExchangeOptions extends RequestOptions {
  /** The PKCE verifier of the authorization request. Required: this SDK always uses PKCE. */
  codeVerifier: string;
  /** The `redirect_uri` of the authorization request; default the client's. */
  redirectUri?: string;
  /** The nonce of the authorization request; the ID token must carry it. */
  nonce?: string;
  /** Fail with `TokenValidationError('id_token')` when no ID token comes back (set for OIDC transactions with `openid`). */
  requireIdToken?: boolean;
}

/** Sends one grant to the token endpoint and validates any ID token in the answer. */
async function grant(
  client: OidcClient,
  operation: string,
  grantType: string,
  parameters: Record<string, string>,
  options: RequestOptions | undefined,
  idToken: { nonce?: string; code?: string; required?: boolean },
): Promise<TokenSet> {
  const auth = clientAuth(client, client.tokenEndPointAuthMethod, 'tokenEndPointAuthMethod');
  const server = await metadata(client, options);
  const body = await exchange(client, operation, options, async (transport) => {
    const response = await oauth.genericTokenEndpointRequest(server, oauthClient(client), auth, grantType, parameters, transport);
    return readTokenResponse(operation, response);
  });
  const tokens = body as TokenSet;
  if (tokens.id_token !== undefined) {
    if (typeof tokens.id_token !== 'string') throw new TokenValidationError('id_token', 'id_token must be a string');
    tokens.claims = await verifyIdToken(client, tokens.id_token, { ...options, accessToken: tokens.access_token, nonce: idToken.nonce, code: idToken.code });
  } else if (idToken.required) {
    throw new TokenValidationError('id_token', 'the token response has no id_token although openid was requested');
  }
  return tokens;
}

/**
 * Exchanges an authorization code (with its PKCE verifier) for tokens. When an ID token comes
 * back it is fully validated (nonce included when given) and its claims are in `claims`.
 */
export async function getAccessTokenByCode(client: OidcClient, code: string, options: CodeExchangeOptions): Promise<TokenSet> {
  requireString('getAccessTokenByCode', 'code', code);
  requireCodeVerifier('codeVerifier', options?.codeVerifier);
  const redirectUri = requireRedirectUri('redirectUri', options.redirectUri ?? client.redirectUri);
  const parameters = { code, redirect_uri: redirectUri, code_verifier: options.codeVerifier };
  return grant(client, 'getAccessTokenByCode', 'authorization_code', parameters, options, { nonce: options.nonce, code, required: options.requireIdToken });
}

/** Uses a refresh token (Authing issues them for `offline_access` with `prompt=consent`). */
export async function getNewAccessTokenByRefreshToken(client: OidcClient, refreshToken: string, options?: RequestOptions): Promise<TokenSet> {
  requireString('getNewAccessTokenByRefreshToken', 'refreshToken', refreshToken);
  return grant(client, 'getNewAccessTokenByRefreshToken', 'refresh_token', { refresh_token: refreshToken }, options, {});
}

/** Options of {@link getAccessTokenByClientCredentials}. */
export interface ClientCredentialsOptions extends RequestOptions {
  /** Space-separated scopes to request. */
  scope?: string;
}

/** The client credentials grant (machine to machine); needs a confidential client. */
export async function getAccessTokenByClientCredentials(client: OidcClient, options: ClientCredentialsOptions = {}): Promise<TokenSet> {
  if (options.scope !== undefined) requireString('getAccessTokenByClientCredentials', 'scope', options.scope);
  const parameters: Record<string, string> = options.scope === undefined ? {} : { scope: options.scope };
  return grant(client, 'getAccessTokenByClientCredentials', 'client_credentials', parameters, options, {});
}
