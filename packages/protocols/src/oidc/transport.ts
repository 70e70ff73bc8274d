import { HttpError, ValidationError } from '@authing/core';
import * as oauth from 'oauth4webapi';
import { OAuthError, TokenValidationError } from '../errors.ts';
import { internalsOf } from './client.ts';
import { langHeader, withTransport } from './http.ts';
import type { OidcClient, RequestOptions } from './types.ts';

/** What oauth4webapi needs to send through our transport (it fits every oauth4webapi request's options). */
export interface Transport {
  headers: Record<string, string>;
  signal: AbortSignal;
  [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<'GET' | 'POST', URLSearchParams | null | undefined>) => Promise<Response>;
  [oauth.allowInsecureRequests]: boolean;
}

/**
 * Runs one oauth4webapi exchange (token, introspection, revocation, userinfo) through
 * {@link withTransport}, and maps oauth4webapi's errors to the SDK's.
 */
export function exchange<T>(client: OidcClient, operation: string, options: RequestOptions | undefined, run: (transport: Transport) => Promise<T>): Promise<T> {
  return withTransport(
    client,
    operation,
    options,
    (send, signal) =>
      run({
        headers: langHeader(client),
        signal,
        [oauth.customFetch]: (url, init) => send(url, init as RequestInit),
        [oauth.allowInsecureRequests]: internalsOf(client).insecure,
      }),
    (error) => translate(operation, error),
  );
}

type Coded = { code?: unknown; message?: string; cause?: unknown } & Record<string, unknown>;

/**
 * Maps oauth4webapi's errors to the SDK's (anything else becomes an invalid response). By
 * their `code` rather than `instanceof`, so that a bundle keeps only the error classes that the
 * oauth4webapi functions it uses can throw.
 */
function translate(operation: string, error: unknown): Error | undefined {
  const { code, cause } = (error ?? {}) as Coded;
  const failed = error as Coded;
  if (code === oauth.RESPONSE_BODY_ERROR) {
    return new OAuthError({ error: failed.error as string, errorDescription: failed.error_description as string | undefined, status: failed.status as number });
  }
  if (code === oauth.WWW_AUTHENTICATE_CHALLENGE) {
    const challenges = cause as oauth.WWWAuthenticateChallenge[];
    const challenge = challenges.find((item) => item.parameters.error) ?? challenges[0];
    return new OAuthError({ error: challenge?.parameters.error ?? 'invalid_token', errorDescription: challenge?.parameters.error_description, status: failed.status as number });
  }
  if (code === oauth.JSON_ATTRIBUTE_COMPARISON) {
    const attribute = (cause as { attribute?: string } | undefined)?.attribute ?? 'attribute';
    return new TokenValidationError(attribute, `${operation}: the response's \`${attribute}\` does not match the expected value`);
  }
  if (error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_INVALID_ARG')) {
    return new ValidationError(`${operation}: ${error.message}`);
  }
  return undefined;
}

/** Reads a token endpoint response (RFC 6749 §5.1, §5.2): success JSON, OAuth error, or something else. */
export async function readTokenResponse(operation: string, response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const json = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (json && typeof json.error === 'string') {
    const errorDescription = typeof json.error_description === 'string' ? json.error_description : undefined;
    throw new OAuthError({ error: json.error, errorDescription, status: response.status });
  }
  if (!response.ok) throw new HttpError('http_error', { status: response.status, body: text });
  if (!json || typeof json.access_token !== 'string' || json.access_token === '' || typeof json.token_type !== 'string') {
    throw new HttpError('invalid_response', { status: response.status, message: `${operation}: not a token response (access_token and token_type are required)` });
  }
  return json;
}
