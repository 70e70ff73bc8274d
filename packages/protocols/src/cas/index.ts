/**
 * CAS 1.0/2.0/3.0 client for services (relying parties) of Authing or any CAS
 * server: login/logout URLs, ticket validation, proxy tickets. Runs anywhere
 * `fetch` does; XML is parsed with entity handling off and DOCTYPEs refused.
 * @module
 */
export {
  authingCasLogout,
  authingCasServerUrl,
  createCasClient,
  type CasClient,
  type CasClientOptions,
  type CasLogoutEndpoint,
} from './client.ts';
export { CasError, CasResponseError, type CasErrorCode, type CasResponseProblem } from './errors.ts';
export type { CasCallOptions } from './http.ts';
export type { CasAttributes, CasValidationResult } from './response.ts';
export { buildLoginUrl, buildLogoutUrl, type CasLoginParams, type CasLogoutParams } from './urls.ts';
export {
  parseProxyCallback,
  requestProxyTicket,
  validateProxyTicket,
  validateTicketV1,
  validateTicketV2,
  validateTicketV3,
  type CasProxyParams,
  type CasProxyValidateParams,
  type CasV1Params,
  type CasValidateParams,
} from './validate.ts';
