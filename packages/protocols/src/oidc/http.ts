import { AbortError, HttpError, NetworkError, TimeoutError, isAuthingError } from '@authing/core';
import { internalsOf } from './client.ts';
import type { OidcClient, RequestOptions } from './types.ts';
import { checkRequestOptions } from './validate.ts';

/** The caller's signal stopped `operation` (core's `aborted` message). */
export function abortError(operation: string, signal: AbortSignal): AbortError {
  return new AbortError(`${operation}: aborted by the caller`, { cause: signal.reason });
}

/** A fetch bound to one call's signal and error conventions. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Runs one operation with core's transport conventions: a timeout per call, the caller's signal,
 * the injected fetch, and a typed error with core's message for every failure. Reading the body
 * is inside the same signal, so a stalled body also times out. `fail` may map what `run` throws
 * that is not already an SDK error; anything left is an invalid response.
 */
export async function withTransport<T>(
  client: OidcClient,
  operation: string,
  options: RequestOptions | undefined,
  run: (send: Send, signal: AbortSignal) => Promise<T>,
  fail?: (error: unknown, status: number | undefined) => Error | undefined,
): Promise<T> {
  checkRequestOptions(options);
  const injected = internalsOf(client).fetch;
  const timeout = options?.timeout ?? client.timeout;
  const timer = AbortSignal.timeout(timeout);
  const caller = options?.signal;
  const signal = caller ? AbortSignal.any([timer, caller]) : timer;
  let status: number | undefined;

  const aborted = (cause: unknown): Error | undefined =>
    caller?.aborted
      ? abortError(operation, caller)
      : timer.aborted
        ? new TimeoutError(`${operation}: no response within ${timeout} ms`, timeout, { cause })
        : undefined;
  const send: Send = async (url, init) => {
    try {
      // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
      const response = await (injected ?? globalThis.fetch)(url, { ...init, signal });
      status = response.status;
      return response;
    } catch (error) {
      if (isAuthingError(error)) throw error;
      throw aborted(error) ?? new NetworkError(`${operation}: the request could not reach ${new URL(url).host}`, { cause: error });
    }
  };
  try {
    return await run(send, signal);
  } catch (error) {
    if (isAuthingError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw aborted(error) ?? fail?.(error, status) ?? new HttpError('invalid_response', { status: status ?? 0, message: `${operation}: ${message}` }, { cause: error });
  }
}

/** `x-authing-lang` when the client has a `lang`. */
export function langHeader(client: OidcClient): Record<string, string> {
  return client.lang ? { 'x-authing-lang': client.lang } : {};
}

/**
 * GETs a JSON object (the discovery document, the JWKS). Not a protocol exchange, so it needs
 * no more than this: a 200 with a JSON object, redirects refused as oauth4webapi refuses them.
 */
export function getJson(client: OidcClient, operation: string, url: string, options?: RequestOptions): Promise<Record<string, unknown>> {
  return withTransport(client, operation, options, async (send) => {
    const response = await send(url, { headers: { accept: 'application/json', ...langHeader(client) }, redirect: 'manual' });
    const text = await response.text();
    if (response.status !== 200) throw new HttpError('http_error', { status: response.status, body: text });
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the body is not a JSON object');
    return body as Record<string, unknown>;
  });
}
