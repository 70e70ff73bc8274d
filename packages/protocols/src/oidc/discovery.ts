import { HttpError } from '@authing/core';
import type { AuthorizationServer } from 'oauth4webapi';
import { createOidcClient, internalsOf } from './client.ts';
import { abortError, getJson } from './http.ts';
import type { OidcClient, OidcClientOptions, RequestOptions } from './types.ts';
import { checkRequestOptions, httpUrl } from './validate.ts';

/**
 * Authing's OAuth 2.0 endpoints (`protocol: 'oauth'`) have no discovery document, so their
 * metadata is fixed. The JWKS is the OIDC one, which Authing shares between both.
 */
function oauthMetadata({ issuer, appHost }: OidcClient): AuthorizationServer {
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    introspection_endpoint: `${issuer}/token/introspection`,
    revocation_endpoint: `${issuer}/token/revocation`,
    jwks_uri: `${appHost}/oidc/.well-known/jwks.json`,
  };
}

/**
 * The server's metadata. OIDC: `{issuer}/.well-known/openid-configuration`, fetched once per
 * handle (concurrent callers share the request; a failure is not cached). Its `issuer` must be
 * identical to the configured one (OpenID Connect Discovery §4.3), or tokens could be accepted
 * from a different server; so the configured issuer is also the one `iss` is compared with.
 * A plain GET: oauth4webapi's discovery functions would add ~1.3 KB gzip to every browser
 * bundle for what is a JSON fetch and one comparison.
 */
export function metadata(client: OidcClient, options?: RequestOptions): Promise<AuthorizationServer> {
  // Every operation asks for metadata first, so bad per-call options are caught before any request.
  checkRequestOptions(options);
  if (client.protocol === 'oauth') return Promise.resolve(oauthMetadata(client));
  const state = internalsOf(client);
  if (!state.discovery) {
    // Shared by every caller, so it runs with the client's timeout, not one caller's signal.
    const pending = getJson(client, 'discovery', `${client.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`).then((document) => {
      if (document.issuer !== client.issuer) {
        throw new HttpError('invalid_response', { status: 200, message: `discovery: the document's issuer is not ${client.issuer}` });
      }
      return document as unknown as AuthorizationServer;
    });
    state.discovery = pending;
    pending.catch(() => {
      if (state.discovery === pending) state.discovery = undefined;
    });
  }
  return withSignal(state.discovery, options?.signal);
}

/** Lets one caller stop waiting for a shared request without cancelling it for the others. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError('discovery', signal));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * An endpoint the server must advertise for an operation: an absolute http(s) URL without
 * fragment (RFC 6749 §3.1), so that no other scheme reaches a redirect or a request.
 */
export function endpoint(server: AuthorizationServer, name: keyof AuthorizationServer, operation: string): string {
  const value = server[name];
  if (!httpUrl(value)) {
    throw new HttpError('invalid_response', { status: 200, message: `${operation}: the server does not advertise a valid ${String(name)}` });
  }
  return value as string;
}

/**
 * A relying party for any OpenID provider: creates the handle and reads the provider's discovery
 * document (`{issuer}/.well-known/openid-configuration`, whose `issuer` must be identical) before
 * returning, so that `buildAuthorizeUrl` knows the authorization endpoint and a wrong issuer fails
 * here rather than on the callback. Authing apps can use `createOidcClient`, which needs no request.
 */
export async function discoverOidcClient(options: OidcClientOptions, requestOptions?: RequestOptions): Promise<OidcClient> {
  const client = createOidcClient(options);
  const server = await metadata(client, requestOptions);
  internalsOf(client).authorizationEndpoint = endpoint(server, 'authorization_endpoint', 'discoverOidcClient');
  return client;
}
