import { base64url } from 'jose';
import { CallbackError } from '../errors.ts';
import { prepareAuthorization } from './authorize.ts';
import { completeTransaction, parseTransaction, transactionLifetime, type CallbackInput } from './callback.ts';
import type { AuthorizeParams, OidcClient, RequestOptions, TokenSet, Transaction } from './types.ts';
import { invalidOption, requireString } from './validate.ts';

const defaultCookieName = 'authing_oidc_tx';

/** Options shared by the cookie transaction functions. */
export interface CookieOptions {
  /** At least 32 characters, kept on the server; it signs the cookie with HMAC-SHA256. */
  secret: string;
  /** Default `authing_oidc_tx`. */
  cookieName?: string;
  /** Adds `Secure`. Default true unless the redirect URI is on localhost / 127.0.0.1. */
  secure?: boolean;
}

/** Options of {@link createTransactionCookie}. */
export interface CreateTransactionCookieOptions extends CookieOptions {
  params?: AuthorizeParams;
}

/** Options of {@link completeTransactionCookie}. */
export interface CompleteTransactionCookieOptions extends CookieOptions, RequestOptions {
  /** The request's `Cookie` header. */
  cookieHeader: string | null | undefined;
  /** The callback: full URL, `req.originalUrl`, or the form_post body. */
  callbackUrl: CallbackInput;
  /** The redirect URI, to decide `Secure` on the clearing cookie; default the client's. */
  redirectUri?: string;
}

function checkCookieOptions(options: CookieOptions): string {
  if (typeof options?.secret !== 'string' || options.secret.length < 32) throw invalidOption('secret', 'a string of at least 32 characters');
  const name = options.cookieName ?? defaultCookieName;
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(name)) throw invalidOption('cookieName', 'a cookie name token');
  return name;
}

function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

function isLoopback(uri: string | undefined): boolean {
  if (!uri) return false;
  const host = new URL(uri).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function attributes(secure: boolean, maxAge: number): string {
  return `HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** The `Set-Cookie` value that deletes the transaction cookie (also useful after a failed callback). */
export function clearTransactionCookie(client: OidcClient, options: Omit<CookieOptions, 'secret'> & { redirectUri?: string } = {}): string {
  const name = options.cookieName ?? defaultCookieName;
  const secure = options.secure ?? !isLoopback(options.redirectUri ?? client.redirectUri);
  return `${name}=; ${attributes(secure, 0)}`;
}

/**
 * Starts a server-side login. The transaction travels in a cookie signed with HMAC-SHA256
 * (unlike Authing's SDK, whose cookie is unsigned and not `Secure`) that expires in 10 minutes.
 * Send `setCookie` as a `Set-Cookie` header with a 302 to `url`.
 */
export async function createTransactionCookie(
  client: OidcClient,
  options: CreateTransactionCookieOptions,
): Promise<{ url: string; setCookie: string }> {
  const name = checkCookieOptions(options);
  const { url, transaction } = await prepareAuthorization(client, options.params);
  const payload = { ...transaction, aud: client.appId, exp: transaction.createdAt + transactionLifetime };
  const body = base64url.encode(JSON.stringify(payload));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(options.secret), new TextEncoder().encode(body)));
  const secure = options.secure ?? !isLoopback(transaction.redirectUri);
  return { url, setCookie: `${name}=${body}.${base64url.encode(signature)}; ${attributes(secure, transactionLifetime / 1000)}` };
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** Verifies the HMAC (WebCrypto's verify compares in constant time), then the audience and expiry. */
async function openCookie(client: OidcClient, value: string, secret: string): Promise<Transaction> {
  const [body, signature, extra] = value.split('.');
  if (!body || !signature || extra !== undefined) throw new CallbackError('invalid_cookie', 'the transaction cookie is malformed');
  let mac: Uint8Array;
  try {
    mac = base64url.decode(signature);
  } catch {
    throw new CallbackError('invalid_cookie', 'the transaction cookie is malformed');
  }
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), mac as Uint8Array<ArrayBuffer>, new TextEncoder().encode(body));
  if (!valid) throw new CallbackError('invalid_cookie', 'the transaction cookie signature does not verify (tampered, or another secret)');
  let payload: (Transaction & { aud?: unknown; exp?: unknown }) | undefined;
  try {
    payload = JSON.parse(new TextDecoder().decode(base64url.decode(body))) as Transaction & { aud?: unknown; exp?: unknown };
  } catch {
    payload = undefined;
  }
  const transaction = parseTransaction(payload ? JSON.stringify(payload) : undefined);
  if (!payload || !transaction || payload.aud !== client.appId || typeof payload.exp !== 'number') {
    throw new CallbackError('invalid_cookie', 'the transaction cookie is not for this application');
  }
  if (Date.now() > payload.exp) throw new CallbackError('expired', 'the login transaction is older than 10 minutes');
  return transaction;
}

/**
 * Finishes a server-side login: checks the cookie, then the callback (error, state, iss, code),
 * exchanges the code with PKCE and validates the ID token. Always send `clearCookie`; on failure
 * use {@link clearTransactionCookie}.
 */
export async function completeTransactionCookie(
  client: OidcClient,
  options: CompleteTransactionCookieOptions,
): Promise<TokenSet & { clearCookie: string }> {
  const name = checkCookieOptions(options);
  if (options.cookieHeader !== undefined && options.cookieHeader !== null) requireString('completeTransactionCookie', 'cookieHeader', options.cookieHeader);
  const value = options.cookieHeader ? readCookie(options.cookieHeader, name) : undefined;
  if (!value) throw new CallbackError('no_transaction', `no ${name} cookie: the login was not started here or the cookie expired`);
  const transaction = await openCookie(client, value, options.secret);
  const tokens = await completeTransaction(client, transaction, options.callbackUrl, options);
  const clearCookie = clearTransactionCookie(client, {
    cookieName: name,
    redirectUri: options.redirectUri ?? transaction.redirectUri,
    ...(options.secure === undefined ? {} : { secure: options.secure }),
  });
  return { ...tokens, clearCookie };
}
