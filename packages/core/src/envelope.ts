/**
 * The `statusCode` values Authing documents for failures. A failure envelope is
 * typed with these literals so that `res.statusCode === 200` narrows `data`.
 */
export type FailureStatusCode =
  | 400 | 401 | 402 | 403 | 404 | 409 | 413 | 422 | 429 | 499
  | 500 | 501 | 502 | 503 | 601 | 602 | 603;

/** A successful v3 response. */
export interface Success<Data> {
  statusCode: 200;
  message: string;
  /** Absent or 0 on success. */
  apiCode?: number;
  requestId?: string;
  data: Data;
}

/** A v3 response that reports a failure or an extra step (MFA, password reset, …). */
export interface Failure {
  statusCode: FailureStatusCode;
  message: string;
  apiCode?: number;
  requestId?: string;
  data?: unknown;
}

/** The v3 envelope `{ statusCode, apiCode?, message, requestId?, data }`. */
export type Envelope<Data> = Success<Data> | Failure;

/** Narrows an envelope to its success case. */
export function isSuccess<Data>(envelope: Envelope<Data>): envelope is Success<Data> {
  return envelope.statusCode === 200;
}

/** The `data` of a response DTO, which in the spec is the whole envelope. */
export type DataOf<Response> = Response extends { data?: infer D } ? D : unknown;

/** What a call resolves to: the envelope by default, or `data` with `throwOnError: true`. */
export type Outcome<ThrowOnError extends boolean, Data> = ThrowOnError extends true ? Data : Envelope<Data>;
