export {
  createAuthenticationClient,
  setAccessToken,
  type AppSettings,
  type AuthenticationClientHandle,
  type AuthenticationClientOptions,
  type EndpointAuthMethod,
} from './client.ts';
export { AuthenticationClient } from './authentication-client.ts';
export * from './credentials.ts';
export * from './protocol-methods.ts';
export { AuthenticationApi } from './generated/api.ts';
export * from './generated/operations.ts';
export type * from './generated/models.ts';
export {
  AbortError,
  ApiError,
  AuthingError,
  HttpError,
  NetworkError,
  TimeoutError,
  ValidationError,
  isAuthingError,
  isSuccess,
  paginate,
  type Envelope,
  type Lang,
} from '@authing/core';
