/**
 * OpenID Connect and OAuth 2.0 for relying parties of Authing, or of any compliant server.
 * Runs on browsers, Node and edge runtimes: only `fetch` and WebCrypto.
 *
 * @module
 */
export { createOidcClient } from './client.ts';
export { discoverOidcClient } from './discovery.ts';
export { buildAuthorizeUrl } from './authorize.ts';
export { checkCallback, type CallbackInput } from './callback.ts';
export {
  completeBrowserTransaction,
  createBrowserTransaction,
  type BrowserTransactionOptions,
  type TransactionStorage,
} from './browser-transaction.ts';
export {
  clearTransactionCookie,
  completeTransactionCookie,
  createTransactionCookie,
  type CompleteTransactionCookieOptions,
  type CookieOptions,
  type CreateTransactionCookieOptions,
} from './cookie-transaction.ts';
export {
  getAccessTokenByClientCredentials,
  getAccessTokenByCode,
  getNewAccessTokenByRefreshToken,
  type ClientCredentialsOptions,
  type CodeExchangeOptions,
} from './tokens.ts';
export { getUserInfoByAccessToken, introspectToken, revokeToken, type TokenHintOptions, type UserInfoOptions } from './token-admin.ts';
export { buildLogoutUrl, type LogoutParams } from './logout.ts';
export { parseIdToken, verifyAccessToken, verifyIdToken, type VerifyAccessTokenOptions, type VerifyIdTokenOptions } from './verify.ts';
export { CallbackError, OAuthError, TokenValidationError } from '../errors.ts';
export type {
  AccessTokenClaims,
  AuthorizeParams,
  AuthorizeRequest,
  ClientAuthMethod,
  IdTokenClaims,
  IntrospectionResult,
  OidcClient,
  OidcClientOptions,
  Protocol,
  RequestOptions,
  TokenSet,
  Transaction,
  UserInfo,
} from './types.ts';
