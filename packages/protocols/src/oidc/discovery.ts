import { AbortError, HttpError, enUS, format } from '@authing/core';
import * as oauth from 'oauth4webapi';
import { internalsOf } from './client.ts';
import { exchange } from './transport.ts';
import type { OidcClient, RequestOptions } from './types.ts';
import { checkRequestOptions } from './validate.ts';

/**
 * Authing's OAuth 2.0 endpoints (`protocol: 'oauth'`) have no discovery document, so their
 * metadata is fixed. The JWKS is the OIDC one, which Authing shares between both.
 */
function oauthMetadata(client: OidcClient): oauth.AuthorizationServer {
  return {
    issuer: client.issuer,
    authorization_endpoint: `${client.issuer}/auth`,
    token_endpoint: `${client.issuer}/token`,
    userinfo_endpoint: `${client.issuer}/me`,
    introspection_endpoint: `${client.issuer}/token/introspection`,
    revocation_endpoint: `${client.issuer}/token/revocation`,
    jwks_uri: `${client.appHost}/oidc/.well-known/jwks.json`,
  };
}

/**
 * The server's metadata. OIDC: `{issuer}/.well-known/openid-configuration`, fetched once per
 * handle (concurrent callers share the request; a failure is not cached), and its `issuer`
 * must equal the configured one, or tokens could be accepted from a different server.
 */
export function metadata(client: OidcClient, options?: RequestOptions): Promise<oauth.AuthorizationServer> {
  // Every operation asks for metadata first, so bad per-call options are caught before any request.
  checkRequestOptions(options);
  if (client.protocol === 'oauth') return Promise.resolve(oauthMetadata(client));
  const state = internalsOf(client);
  if (!state.discovery) {
    const expected = new URL(client.issuer);
    // Shared by every caller, so it runs with the client's timeout, not one caller's signal.
    const pending = exchange(client, 'discovery', undefined, async (transport) => {
      const response = await oauth.discoveryRequest(expected, { ...transport, algorithm: 'oidc' });
      try {
        return await oauth.processDiscoveryResponse(expected, response);
      } catch (error) {
        if (error instanceof oauth.OperationProcessingError && error.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
          throw new HttpError('invalid_response', {
            status: response.status,
            message: `discovery: the document's issuer is not ${client.issuer}`,
          });
        }
        throw error;
      }
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
  const abortError = () => new AbortError(format(enUS, 'aborted', { operation: 'discovery' }), { cause: signal.reason });
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An endpoint the server must advertise for an operation. */
export function endpoint(server: oauth.AuthorizationServer, name: keyof oauth.AuthorizationServer, operation: string): string {
  const value = server[name];
  if (typeof value !== 'string' || value === '') {
    throw new HttpError('invalid_response', { status: 200, message: `${operation}: the server does not advertise ${String(name)}` });
  }
  return value;
}
