import { CallbackError } from '../errors.ts';
import { prepareAuthorization } from './authorize.ts';
import { completeTransaction, parseTransaction, type CallbackInput } from './callback.ts';
import type { AuthorizeParams, OidcClient, RequestOptions, TokenSet } from './types.ts';
import { invalidOption } from './validate.ts';

/** The part of the Web Storage API the browser transaction needs; inject one in tests or SSR. */
export interface TransactionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Options of the browser transaction functions. */
export interface BrowserTransactionOptions extends RequestOptions {
  /** Default `globalThis.sessionStorage`: per tab, gone when the tab closes. */
  storage?: TransactionStorage;
}

function storageOf(options: BrowserTransactionOptions | undefined): TransactionStorage {
  const storage = options?.storage ?? (globalThis as { sessionStorage?: TransactionStorage }).sessionStorage;
  if (!storage) throw invalidOption('storage', 'sessionStorage is not available here; pass a storage object');
  return storage;
}

/** One transaction per application and tab. */
export function transactionKey(client: OidcClient): string {
  return `authing.oidc.transaction.${client.appId}`;
}

/**
 * Starts a login in the browser: stores state, nonce and PKCE verifier in `sessionStorage`
 * and returns the URL to redirect to (`location.assign(url)`).
 */
export async function createBrowserTransaction(
  client: OidcClient,
  params?: AuthorizeParams,
  options?: BrowserTransactionOptions,
): Promise<string> {
  const storage = storageOf(options);
  const { url, transaction } = await prepareAuthorization(client, params);
  storage.setItem(transactionKey(client), JSON.stringify(transaction));
  return url;
}

/**
 * Finishes a browser login on the redirect page (`completeBrowserTransaction(client, location.href)`).
 * The transaction is removed before anything is checked, so a callback can be used only once.
 * Returns the tokens, with the validated ID token claims in `claims`.
 */
export async function completeBrowserTransaction(
  client: OidcClient,
  callbackUrl: CallbackInput,
  options?: BrowserTransactionOptions,
): Promise<TokenSet> {
  const storage = storageOf(options);
  const key = transactionKey(client);
  const transaction = parseTransaction(storage.getItem(key));
  storage.removeItem(key);
  if (!transaction) throw new CallbackError('no_transaction', 'no login transaction was started in this tab');
  return completeTransaction(client, transaction, callbackUrl, options);
}
