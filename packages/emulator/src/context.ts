import type { IncomingHttpHeaders } from 'node:http';
import type { Lang } from './messages.ts';
import type { Outbox, PassCodes } from './outbox.ts';
import type { PasswordKeys } from './password-keys.ts';
import type { Store } from './store.ts';
import type { AppRecord, UserRecord } from './state.ts';
import type { Claims } from './tokens.ts';
import type { Fields } from './validate.ts';

/** Shared by every request of one emulator instance. */
export interface Services {
  store: Store;
  outbox: Outbox;
  passCodes: PassCodes;
  /** Nonces of accepted AK/SK signatures, with when they may be forgotten (ms). */
  nonces: Map<string, number>;
  /** The emulator's base URL, used as the tokens' issuer. */
  url: () => string;
  /** The key pairs clients encrypt passwords with (`passwordEncryptType`), and decryption. */
  passwordKeys: PasswordKeys;
}

/** One request, parsed. */
export interface RequestContext {
  readonly services: Services;
  readonly method: string;
  readonly path: string;
  /** Query parameters; a repeated key is an array. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The JSON (or form) body; `{}` when there is none. */
  readonly body: Fields;
  /** The body exactly as received, for signature checks. */
  readonly bodyWasJson: boolean;
  readonly headers: IncomingHttpHeaders;
  readonly lang: Lang;
  /** Set by the app auth step. */
  app?: AppRecord;
  /** Set by the user auth step. */
  user?: UserRecord;
  /** Set by the user auth step: the access token's claims. */
  token?: Claims;
}

/** Reads a header as a single string. */
export function header(context: { headers: IncomingHttpHeaders }, name: string): string | undefined {
  const value = context.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The parameters of a request: the query for GET and DELETE, the body otherwise. */
export function paramsOf(context: RequestContext): Fields {
  return context.method === 'GET' || context.method === 'DELETE' ? context.query : context.body;
}
