import { OAuthError, CallbackError } from '../errors.ts';
import { metadata } from './discovery.ts';
import { safeEqual } from './hash.ts';
import { getAccessTokenByCode } from './tokens.ts';
import type { OidcClient, RequestOptions, TokenSet, Transaction } from './types.ts';
import { invalidOption } from './validate.ts';

/** Transactions older than this are refused: a login is done in minutes, a leaked one should not live. */
export const transactionLifetime: number = 10 * 60 * 1000;

/** What a callback can be: the full URL, a path with query (`req.originalUrl`), or a form_post body. */
export type CallbackInput = string | URL | URLSearchParams;

function parameters(input: CallbackInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  if (typeof input !== 'string') throw invalidOption('callbackUrl', 'a URL, a path with query, or URLSearchParams');
  const url = new URL(input, 'http://callback.invalid');
  // response_mode=fragment puts the answer after '#'.
  return url.search === '' && url.hash.length > 1 ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
}

/**
 * Checks the whole redirect, in this order: `error` → OAuthError; `state` → CallbackError;
 * `iss` (RFC 9207) when present, or when the server says it always sends it; `code` present.
 * Returns the code.
 */
export async function checkCallback(client: OidcClient, input: CallbackInput, expectedState: string, options?: RequestOptions): Promise<string> {
  const params = parameters(input);
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    throw new OAuthError({ error, ...(description ? { errorDescription: description } : {}) });
  }
  const state = params.get('state');
  if (state === null || !safeEqual(state, expectedState)) {
    throw new CallbackError('state_mismatch', 'the callback state does not match the transaction (possible CSRF)');
  }
  const server = await metadata(client, options);
  const iss = params.get('iss');
  if (iss !== null && iss !== server.issuer) {
    throw new CallbackError('iss_mismatch', `the callback comes from issuer ${JSON.stringify(iss)}, not ${server.issuer} (possible mix-up)`);
  }
  if (iss === null && server.authorization_response_iss_parameter_supported === true) {
    throw new CallbackError('missing_iss', 'the server always sends iss (RFC 9207) but the callback has none');
  }
  const code = params.get('code');
  if (!code) throw new CallbackError('missing_code', 'the callback has no authorization code');
  return code;
}

/** Validates a callback against a stored transaction, then exchanges the code and validates the ID token. */
export async function completeTransaction(
  client: OidcClient,
  transaction: Transaction,
  input: CallbackInput,
  options?: RequestOptions,
): Promise<TokenSet> {
  if (Date.now() - transaction.createdAt > transactionLifetime) {
    throw new CallbackError('expired', 'the login transaction is older than 10 minutes');
  }
  const code = await checkCallback(client, input, transaction.state, options);
  const oidc = client.protocol === 'oidc';
  return getAccessTokenByCode(client, code, {
    ...options,
    codeVerifier: transaction.codeVerifier,
    redirectUri: transaction.redirectUri,
    ...(oidc ? { nonce: transaction.nonce } : {}),
    requireIdToken: oidc && transaction.scope.split(' ').includes('openid'),
  });
}

/** Parses a stored transaction; anything malformed is treated as no transaction at all. */
export function parseTransaction(text: string | null | undefined): Transaction | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const tx = value as Partial<Transaction> | null;
  const strings = tx && [tx.state, tx.nonce, tx.codeVerifier, tx.redirectUri, tx.scope].every((field) => typeof field === 'string');
  if (!strings || typeof tx.createdAt !== 'number') return undefined;
  return { state: tx.state!, nonce: tx.nonce!, codeVerifier: tx.codeVerifier!, redirectUri: tx.redirectUri!, scope: tx.scope!, createdAt: tx.createdAt };
}
