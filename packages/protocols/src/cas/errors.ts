import { AuthingError, HttpError, type AuthingErrorOptions } from '@authing/core';

/**
 * Failure codes a CAS server may answer with: CAS 3.0 §2.5.3 for validation,
 * §2.7.3 for `/proxy`, plus `NO` for a CAS 1.0 `/validate` that said `no`
 * (CAS 1.0 gives no reason). Servers may add their own codes, so any string is possible.
 */
export type CasErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_TICKET_SPEC'
  | 'UNAUTHORIZED_SERVICE_PROXY'
  | 'UNAUTHORIZED_SERVICE'
  | 'INVALID_PROXY_CALLBACK'
  | 'INVALID_TICKET'
  | 'INVALID_SERVICE'
  | 'INTERNAL_ERROR'
  | 'NO'
  | (string & {});

/** The CAS server refused: `<cas:authenticationFailure>`, `<cas:proxyFailure>`, or CAS 1.0 `no`. */
export class CasError extends AuthingError {
  /** The server's failure code, such as `INVALID_TICKET`. */
  readonly casCode: CasErrorCode;
  /** The server's own explanation (the body of the failure element), trimmed; may be empty. */
  readonly serverMessage: string;
  /** HTTP status of the answer (CAS servers usually send failures with 200). */
  readonly status: number;

  constructor(details: { casCode: CasErrorCode; serverMessage: string; status: number }, options?: AuthingErrorOptions) {
    super('cas_error', `CAS ${details.casCode}${details.serverMessage ? `: ${details.serverMessage}` : ''}`, options);
    this.casCode = details.casCode;
    this.serverMessage = details.serverMessage;
    this.status = details.status;
  }
}

/** Why an answer was not accepted as a CAS response. */
export type CasResponseProblem =
  /** The XML carries a DOCTYPE or entity declaration: refused unparsed (XXE, billion laughs). */
  | 'unsafe_xml'
  /** Not well-formed XML, invalid JSON, or neither. */
  | 'malformed'
  /** Well-formed, but not the shape CAS 3.0 defines (no serviceResponse, no user, …). */
  | 'unexpected_shape';

/**
 * The answer could not be trusted as a CAS response. It extends core's
 * `HttpError` with code `invalid_response`, like any other unusable body,
 * and says which check failed in `problem`.
 */
export class CasResponseError extends HttpError {
  readonly problem: CasResponseProblem;

  constructor(problem: CasResponseProblem, details: { status: number; message: string; body?: string }, options?: AuthingErrorOptions) {
    super('invalid_response', details, options);
    this.problem = problem;
  }
}
