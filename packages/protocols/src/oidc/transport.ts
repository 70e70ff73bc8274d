import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError, enUS, format, isAuthingError } from '@authing/core';
import * as oauth from 'oauth4webapi';
import { OAuthError, TokenValidationError } from '../errors.ts';
import { internalsOf } from './client.ts';
import type { OidcClient, RequestOptions } from './types.ts';
import { checkRequestOptions } from './validate.ts';

type SendOptions = oauth.CustomFetchOptions<'GET' | 'POST', URLSearchParams | null | undefined>;

/** What oauth4webapi needs to send through our transport (it fits every oauth4webapi request's options). */
export interface Transport {
  headers: Record<string, string>;
  signal: AbortSignal;
  [oauth.customFetch]: (url: string, init: SendOptions) => Promise<Response>;
  [oauth.allowInsecureRequests]: boolean;
}

/**
 * Runs one protocol operation with core's transport conventions: a timeout per call, the
 * caller's signal, the injected fetch, `x-authing-lang`; and turns every failure into a typed
 * error. Reading the body is inside the same signal, so a stalled body also times out.
 */
export async function exchange<T>(
  client: OidcClient,
  operation: string,
  options: RequestOptions | undefined,
  run: (transport: Transport) => Promise<T>,
): Promise<T> {
  checkRequestOptions(options);
  const { fetch: injected, insecure } = internalsOf(client);
  const timeout = options?.timeout ?? client.timeout;
  const timer = AbortSignal.timeout(timeout);
  const signal = options?.signal ? AbortSignal.any([timer, options.signal]) : timer;
  let status: number | undefined;

  const aborted = (cause: unknown): Error | undefined => {
    if (options?.signal?.aborted) return new AbortError(format(enUS, 'aborted', { operation }), { cause: options.signal.reason });
    if (timer.aborted) return new TimeoutError(format(enUS, 'timeout', { operation, timeout }), timeout, { cause });
    return undefined;
  };
  const send = async (url: string, init: SendOptions) => {
    // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
    const doFetch = injected ?? globalThis.fetch;
    try {
      const response = await doFetch(url, { ...init, signal } as RequestInit);
      status = response.status;
      return response;
    } catch (error) {
      if (isAuthingError(error)) throw error;
      throw aborted(error) ?? new NetworkError(format(enUS, 'network', { operation, host: new URL(url).host }), { cause: error });
    }
  };
  const transport: Transport = {
    headers: client.lang ? { 'x-authing-lang': client.lang } : {},
    signal,
    [oauth.customFetch]: send,
    [oauth.allowInsecureRequests]: insecure,
  };
  try {
    return await run(transport);
  } catch (error) {
    if (isAuthingError(error)) throw error;
    throw aborted(error) ?? translate(operation, status, error);
  }
}

/** Maps oauth4webapi's errors to the SDK's; anything unknown becomes an invalid response. */
function translate(operation: string, status: number | undefined, error: unknown): Error {
  if (error instanceof oauth.ResponseBodyError) {
    return new OAuthError({ error: error.error, ...(error.error_description ? { errorDescription: error.error_description } : {}), status: error.status });
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = error.cause.find((item) => item.parameters.error) ?? error.cause[0];
    const description = challenge?.parameters.error_description;
    return new OAuthError({ error: challenge?.parameters.error ?? 'invalid_token', ...(description ? { errorDescription: description } : {}), status: error.status });
  }
  if (error instanceof oauth.OperationProcessingError && error.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
    const attribute = (error.cause as { attribute?: string } | undefined)?.attribute ?? 'attribute';
    return new TokenValidationError(attribute, `${operation}: the response's \`${attribute}\` does not match the expected value`);
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_INVALID_ARG')) {
    return new ValidationError(`${operation}: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError('invalid_response', { status: status ?? 0, message: `${operation}: ${message}` }, { cause: error });
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
    const description = typeof json.error_description === 'string' ? json.error_description : undefined;
    throw new OAuthError({ error: json.error, ...(description ? { errorDescription: description } : {}), status: response.status });
  }
  if (!response.ok) throw new HttpError('http_error', { status: response.status, body: text });
  if (!json || typeof json.access_token !== 'string' || json.access_token === '' || typeof json.token_type !== 'string') {
    throw new HttpError('invalid_response', { status: response.status, message: `${operation}: not a token response (access_token and token_type are required)` });
  }
  return json;
}
