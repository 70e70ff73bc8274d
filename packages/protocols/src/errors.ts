import { AuthingError, type AuthingErrorOptions } from '@authing/core';

/** The authorization server answered with an OAuth error (`error`, `error_description`). */
export class OAuthError extends AuthingError {
  /** The OAuth `error` code, such as `invalid_grant` or `access_denied`. */
  readonly error: string;
  readonly errorDescription: string | undefined;
  /** HTTP status, when the error came in a response rather than a redirect. */
  readonly status: number | undefined;

  constructor(details: { error: string; errorDescription?: string | undefined; status?: number }, options?: AuthingErrorOptions) {
    const where = details.status === undefined ? '' : `[HTTP ${details.status}] `;
    super('oauth_error', `${where}${details.error}${details.errorDescription ? `: ${details.errorDescription}` : ''}`, options);
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.status = details.status;
  }
}

/** A redirect back from the authorization server that must not be trusted (state, iss, missing code, …). */
export class CallbackError extends AuthingError {
  /** What was wrong: `state_mismatch`, `iss_mismatch`, `missing_code`, `no_transaction`, `expired`, …. */
  readonly reason: string;
  constructor(reason: string, message: string, options?: AuthingErrorOptions) {
    super('invalid_callback', message, options);
    this.reason = reason;
  }
}

/** An ID token or access token failed validation. */
export class TokenValidationError extends AuthingError {
  /** The check that failed: `signature`, `iss`, `aud`, `exp`, `nonce`, `at_hash`, `alg`, `kid`, …. */
  readonly check: string;
  constructor(check: string, message: string, options?: AuthingErrorOptions) {
    super('invalid_token', message, options);
    this.check = check;
  }
}
