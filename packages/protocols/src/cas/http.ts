import { AbortError, NetworkError, TimeoutError, ValidationError } from '@authing/core';
import type { CasClient } from './client.ts';

/** Per-call settings; each overrides the client's. */
export interface CasCallOptions {
  /** Milliseconds for this call, including reading the body. */
  timeout?: number;
  /** Aborts the call; it then rejects with `AbortError`. */
  signal?: AbortSignal;
}

/** What came back, read in full. */
export interface CasAnswer {
  status: number;
  body: string;
}

/**
 * GETs `{serverUrl}{path}` with every parameter URL-encoded by URLSearchParams
 * (the official SDKs concatenated raw service URLs, which breaks on `&` and `#`).
 * Undefined parameters are left out.
 */
export async function casGet(
  client: CasClient,
  operation: string,
  path: string,
  params: Readonly<Record<string, string | undefined>>,
  options: CasCallOptions = {},
): Promise<CasAnswer> {
  const timeout = options.timeout ?? client.timeout;
  if (!(Number.isFinite(timeout) && timeout > 0)) {
    throw new ValidationError('invalid option `timeout`: a positive number of milliseconds', 'timeout');
  }
  const url = new URL(client.serverUrl + path);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);

  const { signal } = options;
  if (signal?.aborted) throw new AbortError(`${operation}: aborted by the caller`, { cause: signal.reason });

  // One controller for both the caller's signal and our timer, built by hand
  // rather than with AbortSignal.any/timeout, which not every runtime has.
  // The timer runs until the body is read: a server that sends headers and
  // then stalls must time out too.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const doFetch = client.fetch ?? globalThis.fetch;
  try {
    const response = await doFetch(url.href, {
      method: 'GET',
      headers: { accept: 'application/xml, text/xml, application/json;q=0.9, text/plain;q=0.8' },
      signal: controller.signal,
    });
    const body = await response.text();
    return { status: response.status, body };
  } catch (error) {
    if (signal?.aborted) throw new AbortError(`${operation}: aborted by the caller`, { cause: signal.reason });
    if (timedOut) throw new TimeoutError(`${operation}: no response within ${timeout} ms`, timeout, { cause: error });
    throw new NetworkError(`${operation}: the request could not reach ${url.host}`, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
