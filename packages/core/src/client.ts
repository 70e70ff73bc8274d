import { ValidationError } from './errors.ts';
import { normalizeHost } from './host.ts';
import { enUS } from './i18n/en-US.ts';
import { format, type Messages } from './i18n/messages.ts';
import type { OperationSpec } from './operation.ts';

/** Languages the Authing API answers in. */
export type Lang = 'zh-CN' | 'en-US' | 'ja-JP' | 'zh-TW';

const langs: ReadonlySet<string> = new Set<Lang>(['zh-CN', 'en-US', 'ja-JP', 'zh-TW']);

/** Logical names of the headers the SDK sends; each can be renamed for white-labelled deployments. */
export type HeaderKey = 'userpool-id' | 'app-id' | 'tenant-id' | 'lang' | 'sdk-version' | 'request-from';

/** What an authenticator gets to sign or authorise one attempt. */
export interface AuthContext {
  readonly client: Client;
  readonly spec: OperationSpec;
  /** The path with placeholders filled, without host or query. */
  readonly path: string;
  /** Query parameters, for GET and DELETE. */
  readonly query: Readonly<Record<string, unknown>> | undefined;
  /** JSON body, for the other methods. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** Set by the authenticator: the credential this attempt used, so that `refresh` drops only a stale one. */
  credential?: string;
}

/** Adds credentials to each attempt of a request (a token, a signature, …). */
export interface Authenticator {
  /** Called for the first attempt and again for every retry, so signatures are fresh. */
  authorize(request: Request, context: AuthContext): void | Promise<void>;
  /** Called once when the server answers 401; resolving true repeats the call once. */
  refresh?(context: AuthContext): boolean | Promise<boolean>;
}

/** Options shared by every client. */
export interface ClientOptions<ThrowOnError extends boolean = false> {
  /** API root: the public cloud, a private deployment, or an app domain. */
  host: string;
  /** Milliseconds per attempt before `TimeoutError`. Default 10 000. */
  timeout?: number;
  /** Language of the server's messages (`x-authing-lang`). Default `zh-CN`, as the API's. */
  lang?: Lang;
  /** Retries of safe calls on 429, 5xx (not 501/505) and network errors. Default 2; 0 disables. */
  retries?: number;
  /** Renames the SDK's headers, for white-labelled deployments: `{ 'userpool-id': 'x-genauth-userpool-id' }`. */
  headers?: Partial<Record<HeaderKey, string>>;
  /** A `fetch` to use instead of the global one: proxies, tracing, a custom TLS dispatcher. */
  fetch?: typeof fetch;
  /** Return `data` and throw `ApiError` on failure, instead of returning the envelope. */
  throwOnError?: ThrowOnError;
  /** Catalog for the SDK's own messages (validation, network, timeout). Default English. */
  messages?: Messages;
}

/** A configured connection to Authing, passed to every endpoint function. */
export interface Client<ThrowOnError extends boolean = boolean> {
  readonly host: string;
  readonly timeout: number;
  readonly retries: number;
  readonly throwOnError: ThrowOnError;
  readonly messages: Messages;
  /** Headers sent with every call, already under their (possibly renamed) names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly headerName: (key: HeaderKey) => string;
  readonly fetch: typeof fetch | undefined;
  readonly auth: Authenticator | undefined;
}

declare const __SDK_VERSION__: string | undefined;
/** Version of the SDK, sent as `x-authing-sdk-version`. */
export const sdkVersion: string = typeof __SDK_VERSION__ === 'string' ? __SDK_VERSION__ : '0.0.0-dev';

export const defaultHeaderNames: Readonly<Record<HeaderKey, string>> = {
  'userpool-id': 'x-authing-userpool-id',
  'app-id': 'x-authing-app-id',
  'tenant-id': 'x-authing-app-tenant-id',
  lang: 'x-authing-lang',
  'sdk-version': 'x-authing-sdk-version',
  'request-from': 'x-authing-request-from',
};

/**
 * Builds a client from options. Packages call this with their own
 * authenticator and identity headers (`userpool-id`, `app-id`, `tenant-id`).
 */
export function createClient<ThrowOnError extends boolean = false>(
  options: ClientOptions<ThrowOnError>,
  extra: { auth?: Authenticator; identity?: Partial<Record<HeaderKey, string | undefined>> } = {},
): Client<ThrowOnError> {
  const messages = options.messages ?? enUS;
  const invalid = (field: string, reason: string) =>
    new ValidationError(format(messages, 'option', { field, reason }), field);

  if (options.timeout !== undefined && !(Number.isFinite(options.timeout) && options.timeout > 0)) {
    throw invalid('timeout', 'a positive number of milliseconds');
  }
  if (options.retries !== undefined && !(Number.isInteger(options.retries) && options.retries >= 0)) {
    throw invalid('retries', 'a whole number, 0 or more');
  }
  if (options.lang !== undefined && !langs.has(options.lang)) {
    throw invalid('lang', 'one of zh-CN, en-US, ja-JP, zh-TW');
  }
  const names: Record<HeaderKey, string> = { ...defaultHeaderNames };
  for (const [key, name] of Object.entries(options.headers ?? {})) {
    if (!(key in names) || typeof name !== 'string' || !/^[a-z0-9-]+$/i.test(name)) {
      throw invalid(`headers.${key}`, 'a known header key mapped to a valid header name');
    }
    names[key as HeaderKey] = name.toLowerCase();
  }

  const headers: Record<string, string> = {
    [names['sdk-version']]: `authing-ts-sdk:${sdkVersion}`,
    [names['request-from']]: 'sdk',
  };
  if (options.lang) headers[names.lang] = options.lang;
  for (const [key, value] of Object.entries(extra.identity ?? {})) {
    if (value) headers[names[key as HeaderKey]] = value;
  }

  return {
    host: normalizeHost(options.host, messages),
    timeout: options.timeout ?? 10_000,
    retries: options.retries ?? 2,
    throwOnError: (options.throwOnError ?? false) as ThrowOnError,
    messages,
    headers,
    headerName: (key) => names[key],
    fetch: options.fetch,
    auth: extra.auth,
  };
}
