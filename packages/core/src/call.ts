import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import type { AuthContext, Client } from './client.ts';
import type { Envelope } from './envelope.ts';
import { AbortError, ApiError, HttpError, NetworkError, TimeoutError, isAuthingError } from './errors.ts';
import { format } from './i18n/messages.ts';
import type { OperationSpec } from './operation.ts';
import { prepareRequest } from './request.ts';
import { parseRetryAfter, retryPolicy } from './retry.ts';

/** Per-call settings; each overrides the client's. */
export interface CallOptions {
  /** Milliseconds per attempt. */
  timeout?: number;
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Return `data` and throw `ApiError`, instead of returning the envelope. */
  throwOnError?: boolean;
  /** Retries for this call (only safe operations are ever retried). */
  retries?: number;
}

interface Answer {
  status: number;
  envelope: Envelope<unknown>;
}

/** Sends one operation and applies the client's result mode. */
export async function call(client: Client, spec: OperationSpec, input: unknown, options: CallOptions = {}): Promise<unknown> {
  const prepared = prepareRequest(client, spec, input);
  let answer = await send(client, prepared.url, prepared.context, options);
  if (isUnauthorized(answer) && client.auth?.refresh && (await client.auth.refresh(prepared.context))) {
    answer = await send(client, prepared.url, prepared.context, options);
  }
  const { status, envelope } = answer;
  if (!(options.throwOnError ?? client.throwOnError)) return envelope;
  if (envelope.statusCode !== 200) {
    throw new ApiError({
      status,
      statusCode: envelope.statusCode,
      apiCode: envelope.apiCode,
      requestId: envelope.requestId,
      message: envelope.message,
      data: envelope.data,
    });
  }
  return envelope.data;
}

function isUnauthorized(answer: Answer): boolean {
  return answer.status === 401 || answer.envelope.statusCode === 401;
}

async function send(client: Client, url: string, context: AuthContext, options: CallOptions): Promise<Answer> {
  const { spec } = context;
  const timeout = options.timeout ?? client.timeout;
  const authorize = async ({ request }: { request: Request }) => {
    await client.auth?.authorize(request, context);
  };
  let response: Response;
  try {
    response = await ky(url, {
      method: spec.method,
      headers: { accept: 'application/json', ...client.headers },
      ...(context.body === undefined ? {} : spec.form ? { body: formBody(context.body) } : { json: context.body }),
      timeout,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(client.fetch ? { fetch: client.fetch } : {}),
      retry: retryPolicy(options.retries ?? client.retries, spec.safe === true),
      hooks: { beforeRequest: [authorize], beforeRetry: [authorize] },
    });
  } catch (error) {
    if (isHTTPError(error)) {
      if (error.response.status === 401) return { status: 401, envelope: toEnvelope(error.data) ?? unauthorized };
      throw httpError(error.response, error.data);
    }
    throw translate(client, spec, url, timeout, options.signal, error);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  const envelope = toEnvelope(body) ?? (spec.bare && typeof body === 'object' && body !== null ? wrap(body) : undefined);
  if (!envelope) throw new HttpError('invalid_response', { status: response.status, body: text });
  return { status: response.status, envelope };
}

function wrap(body: object): Envelope<unknown> {
  return { statusCode: 200, message: '', data: body };
}

function formBody(fields: Readonly<Record<string, unknown>>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form;
}

const unauthorized: Envelope<unknown> = { statusCode: 401, message: 'Unauthorized' };

function toEnvelope(body: unknown): Envelope<unknown> | undefined {
  if (typeof body !== 'object' || body === null || typeof (body as { statusCode?: unknown }).statusCode !== 'number') {
    return undefined;
  }
  const raw = body as Record<string, unknown>;
  return {
    ...(raw as unknown as Envelope<unknown>),
    message: typeof raw.message === 'string' ? raw.message : '',
  };
}

function httpError(response: Response, data: unknown): HttpError {
  const envelope = toEnvelope(data);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return new HttpError('http_error', {
    status: response.status,
    ...(envelope
      ? { statusCode: envelope.statusCode, apiCode: envelope.apiCode, requestId: envelope.requestId, message: envelope.message }
      : {}),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(typeof data === 'string' ? { body: data } : data === undefined ? {} : { body: JSON.stringify(data) }),
  });
}

function translate(
  client: Client,
  spec: OperationSpec,
  url: string,
  timeout: number,
  signal: AbortSignal | undefined,
  error: unknown,
): Error {
  if (isAuthingError(error)) return error;
  const operation = spec.name;
  if (signal?.aborted) return new AbortError(format(client.messages, 'aborted', { operation }), { cause: signal.reason });
  if (isTimeoutError(error)) return new TimeoutError(format(client.messages, 'timeout', { operation, timeout }), timeout, { cause: error });
  const host = new URL(url).host;
  if (isNetworkError(error) || error instanceof TypeError) {
    return new NetworkError(format(client.messages, 'network', { operation, host }), { cause: error });
  }
  return error instanceof Error ? error : new NetworkError(format(client.messages, 'network', { operation, host }), { cause: error });
}
