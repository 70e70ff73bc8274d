import { AuthingError, type AuthingErrorOptions } from '@authing/core';

/**
 * Which check a SAML message failed. Stable strings, so callers can branch on
 * them (for example, show "please sign in again" on `expired`).
 */
export type SamlErrorReason =
  /** No valid signature from a trusted IdP key where one is required, or a wrapped (XSW) document. */
  | 'signature'
  /** The assertion is not meant for this SP (`AudienceRestriction`). */
  | 'audience'
  /** `SubjectConfirmationData/@Recipient` is not this SP's ACS URL. */
  | 'recipient'
  /** `Destination` of the message is not this SP's ACS or SLO URL. */
  | 'destination'
  /** The message does not answer a request this SP made (unknown, already used or expired ID). */
  | 'in_response_to'
  /** The issuer is not the configured IdP. */
  | 'issuer'
  /** `NotOnOrAfter` (with clock skew) has passed. */
  | 'expired'
  /** `NotBefore` (with clock skew) is still in the future. */
  | 'not_yet_valid'
  /** The IdP answered with a non-Success status. */
  | 'status'
  /** An encrypted assertion could not be decrypted (or no decryption key is configured). */
  | 'decryption'
  /** Not a well-formed, single-assertion SAML message; includes any DOCTYPE or entity declaration. */
  | 'malformed';

/** A SAML message was rejected. The message never contains keys or the raw XML. */
export class SamlError extends AuthingError {
  readonly reason: SamlErrorReason;
  /** The SAML status code URI when `reason` is `status`. */
  readonly statusCode: string | undefined;

  constructor(reason: SamlErrorReason, message: string, options?: AuthingErrorOptions & { statusCode?: string }) {
    super('saml_error', message, options);
    this.reason = reason;
    this.statusCode = options?.statusCode;
  }
}
