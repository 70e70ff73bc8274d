export { createManagementClient, type ManagementClientOptions } from './client.ts';
export { ManagementClient } from './management-client.ts';
export { ManagementApi } from './generated/api.ts';
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
