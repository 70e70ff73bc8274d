export { call, type CallOptions } from './call.ts';
export {
  createClient,
  defaultHeaderNames,
  sdkVersion,
  type AuthContext,
  type Authenticator,
  type Client,
  type ClientOptions,
  type HeaderKey,
  type Lang,
} from './client.ts';
export { isSuccess, type DataOf, type Envelope, type Failure, type FailureStatusCode, type Outcome, type Success } from './envelope.ts';
export {
  AbortError,
  ApiError,
  AuthingError,
  HttpError,
  type AuthingErrorOptions,
  NetworkError,
  TimeoutError,
  ValidationError,
  isAuthingError,
  type ErrorCode,
  type ResponseDetails,
} from './errors.ts';
export { enUS } from './i18n/en-US.ts';
export { format, type MessageKey, type Messages } from './i18n/messages.ts';
export { managementTokenSpec } from './generated/management-token.ts';
export { managementTokenAuth, type ManagementCredentials } from './management-token.ts';
export {
  defineOperation,
  installMethods,
  type HttpMethod,
  type Method,
  type Operation,
  type OperationArgs,
  type OperationSpec,
  type Paging,
} from './operation.ts';
export { paginate, type ListData, type Page, type PaginateOptions, type Paginator } from './paginate.ts';
export { redact } from './redact.ts';
export { parseRetryAfter, retryAfterCap } from './retry.ts';
export { requestSigningAuth, stringToSign } from './signing.ts';
