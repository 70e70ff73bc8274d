import type { MessageKey } from './messages.ts';

/** The `statusCode` values of Authing's error table that the emulator sends. */
export type StatusCode = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 501;

/**
 * A failure a handler reports by throwing; the server turns it into an
 * envelope. Business errors travel with HTTP 200, as Authing sends them;
 * protocol errors (bad JSON, too large, unauthenticated) set `httpStatus`.
 */
export class EmulatorError extends Error {
  readonly statusCode: StatusCode;
  readonly apiCode: number | undefined;
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly httpStatus: number;
  /** The envelope's `data`, for answers that are an extra step rather than a failure (the MFA token of a 1635). */
  readonly data: unknown;

  constructor(
    statusCode: StatusCode,
    key: MessageKey,
    options: { apiCode?: number; params?: Record<string, string | number>; httpStatus?: number; data?: unknown } = {},
  ) {
    super(key);
    this.name = 'EmulatorError';
    this.statusCode = statusCode;
    this.apiCode = options.apiCode;
    this.key = key;
    this.params = options.params ?? {};
    this.httpStatus = options.httpStatus ?? 200;
    this.data = options.data;
  }
}

/** Authing's apiCodes, named, so handlers read as the docs do. */
export const ApiCode = {
  badSignature: 1300,
  signatureMethod: 1301,
  signatureVersion: 1302,
  badDate: 1303,
  missingDate: 1304,
  clockSkew: 1305,
  nonceReplay: 1306,
  userNotFound: 2004,
  userLocked: 2005,
  wrongPassword: 2006,
  appNotFound: 2011,
  notLoggedIn: 2020,
  userExists: 2026,
  wrongCredentials: 2333,
} as const;
