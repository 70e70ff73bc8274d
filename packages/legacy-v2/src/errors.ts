import { isAuthingError, redact, type AuthingError } from '@authing/core';

/** v2's error hook: called with every error before it is thrown, as `onError(code, message, data)`. */
export type OnError = (code: number | string, message: string, data: unknown) => void;

/**
 * What v2 threw: `code` (a v2 code such as 2004, else the v3 code), the server's `message`, and
 * `data`. Unlike v2's plain object, it is an `Error` and keeps what v3 knows about the failure:
 * the HTTP `status`, `statusCode`, `apiCode`, `requestId`, and the v3 error as `cause`.
 */
export class AuthingV2Error extends Error {
  readonly code: number | string;
  readonly data: unknown;
  readonly status: number | undefined;
  readonly statusCode: number | undefined;
  readonly apiCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(
    code: number | string,
    message: string,
    data?: unknown,
    details: { status?: number; statusCode?: number; apiCode?: number; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AuthingV2Error';
    this.code = code;
    this.data = data;
    this.status = details.status;
    this.statusCode = details.statusCode;
    this.apiCode = details.apiCode;
    this.requestId = details.requestId;
  }
}

/**
 * The code a v2 app sees. v3 kept v2's numbers where the meaning is the same (2004 user not found,
 * 2005 locked, 2006 wrong password, 2011 app not found, 2020 not logged in, 2026 user exists, 2031
 * sign-up forbidden, 2039 domain taken, 2224 pool not found, 2333 wrong account or password), so an
 * `apiCode` passes through as it is. Without one, v3's "not logged in" is `statusCode` 401, which
 * v2 called 2020; any other `statusCode` passes through.
 */
export function v2Code(apiCode: number | undefined, statusCode: number): number {
  if (apiCode !== undefined) return apiCode;
  return statusCode === 401 ? 2020 : statusCode;
}

/** The v3 error (or anything thrown) as v2's error. */
export function toV2Error(error: unknown): AuthingV2Error {
  if (error instanceof AuthingV2Error) return error;
  if (!isAuthingError(error)) {
    // Not the SDK's error, so not yet redacted: a library's message could quote a token or a password.
    return new AuthingV2Error('unknown_error', redact(error instanceof Error ? error.message : String(error)), undefined, { cause: error });
  }
  const failure = error as AuthingError & { status?: number; statusCode?: number; apiCode?: number; requestId?: string; serverMessage?: string; data?: unknown };
  const { status, statusCode, apiCode, requestId } = failure;
  // A v3 API failure: v2's code and the server's own message, as v2 showed them.
  if (statusCode !== undefined) {
    return new AuthingV2Error(v2Code(apiCode, statusCode), failure.serverMessage ?? failure.message, failure.data, {
      status,
      statusCode,
      apiCode,
      requestId,
      cause: error,
    });
  }
  // The request failed before an envelope: the v3 code ('network_error', 'timeout', 'validation_error', 'http_error', …).
  return new AuthingV2Error(failure.code, failure.message, undefined, { status, cause: error });
}

/** Calls v2's `onError` hook first, as v2 did, then returns the error for the caller to throw. */
export function reported(error: AuthingV2Error, onError: OnError | undefined): AuthingV2Error {
  onError?.(error.code, error.message, error.data);
  return error;
}
