import { redact } from './redact.ts';

/** Stable, machine-readable error codes. Messages may change; codes do not. */
export type ErrorCode =
  | 'api_error'
  | 'http_error'
  | 'invalid_response'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'validation_error'
  // @authing/protocols
  | 'oauth_error'
  | 'invalid_callback'
  | 'invalid_token'
  | 'cas_error'
  | 'saml_error';

// A symbol from the global registry, so that `isAuthingError` recognises errors
// thrown by another copy of this package (two bundles, or CJS next to ESM).
const brand = Symbol.for('@authing/core.error');

export interface AuthingErrorOptions {
  cause?: unknown;
}

/** Base class of every error the SDK throws. */
export class AuthingError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: AuthingErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, brand, { value: true });
    this.code = code;
    this.name = new.target.name;
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const key of Object.keys(this)) json[key] = (this as Record<string, unknown>)[key];
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }
}

function describeCause(cause: unknown): unknown {
  if (cause instanceof Error) return { name: cause.name, message: redact(cause.message) };
  return typeof cause === 'string' ? redact(cause) : undefined;
}

/** True for any error thrown by any copy of the Authing SDK. */
export function isAuthingError(value: unknown): value is AuthingError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** What a response said about itself; every field is optional because a proxy may answer instead of Authing. */
export interface ResponseDetails {
  /** HTTP status of the response. */
  status?: number;
  /** `statusCode` from the v3 envelope. */
  statusCode?: number;
  /** `apiCode` from the v3 envelope: the precise business error (2004 user not found, 2333 wrong credentials, …). */
  apiCode?: number;
  /** `requestId` from the v3 envelope; quote it to Authing support. */
  requestId?: string;
  /** `data` from the envelope, when the server sent any (for example the MFA token of a 1635 answer). */
  data?: unknown;
}

function describe(details: ResponseDetails, serverMessage: string | undefined): string {
  const parts: string[] = [];
  if (details.status !== undefined) parts.push(`HTTP ${details.status}`);
  if (details.statusCode !== undefined) parts.push(`statusCode ${details.statusCode}`);
  if (details.apiCode !== undefined) parts.push(`apiCode ${details.apiCode}`);
  if (details.requestId !== undefined) parts.push(`requestId ${details.requestId}`);
  const head = parts.length > 0 ? `[${parts.join(', ')}] ` : '';
  return head + (serverMessage ?? '(no message)');
}

/** Authing answered with a v3 envelope whose `statusCode` is not 200. */
export class ApiError extends AuthingError {
  readonly status: number;
  readonly statusCode: number;
  readonly apiCode: number | undefined;
  readonly requestId: string | undefined;
  readonly serverMessage: string;
  readonly data: unknown;

  constructor(details: ResponseDetails & { status: number; statusCode: number; message: string }) {
    super('api_error', describe(details, details.message));
    this.status = details.status;
    this.statusCode = details.statusCode;
    this.apiCode = details.apiCode;
    this.requestId = details.requestId;
    this.serverMessage = redact(details.message);
    this.data = details.data;
  }
}

/** The HTTP exchange itself failed: a non-2xx status, or a body that is not a v3 envelope. */
export class HttpError extends AuthingError {
  readonly status: number;
  readonly statusCode: number | undefined;
  readonly apiCode: number | undefined;
  readonly requestId: string | undefined;
  readonly serverMessage: string | undefined;
  /** Seconds the server asked us to wait (from `Retry-After`), on 429 and 503. */
  readonly retryAfter: number | undefined;
  /** The start of the body, redacted, for diagnosing proxies and gateways. */
  readonly body: string | undefined;

  constructor(
    code: 'http_error' | 'invalid_response',
    details: ResponseDetails & { status: number; message?: string; retryAfter?: number; body?: string },
    options?: AuthingErrorOptions,
  ) {
    const fallback = code === 'invalid_response' ? 'the response is not a v3 envelope' : 'unexpected HTTP status';
    super(code, describe(details, details.message ?? fallback), options);
    this.status = details.status;
    this.statusCode = details.statusCode;
    this.apiCode = details.apiCode;
    this.requestId = details.requestId;
    this.serverMessage = details.message === undefined ? undefined : redact(details.message);
    this.retryAfter = details.retryAfter;
    this.body = details.body === undefined ? undefined : redact(details.body.slice(0, 512));
  }
}

/** The request never got an HTTP answer (DNS, TLS, connection reset, …). */
export class NetworkError extends AuthingError {
  constructor(message: string, options?: AuthingErrorOptions) {
    super('network_error', message, options);
  }
}

/** An attempt took longer than the configured `timeout`. */
export class TimeoutError extends AuthingError {
  readonly timeout: number;
  constructor(message: string, timeout: number, options?: AuthingErrorOptions) {
    super('timeout', message, options);
    this.timeout = timeout;
  }
}

/** The caller's `signal` aborted the call. */
export class AbortError extends AuthingError {
  constructor(message: string, options?: AuthingErrorOptions) {
    super('aborted', message, options);
  }
}

/** The input was rejected before anything was sent. */
export class ValidationError extends AuthingError {
  /** Dotted path of the offending field, such as `userId` or `options.pagination.limit`. */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super('validation_error', message);
    this.field = field;
  }
}
