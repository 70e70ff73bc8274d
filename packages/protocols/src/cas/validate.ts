import { ValidationError } from '@authing/core';
import type { CasClient } from './client.ts';
import { casGet, type CasCallOptions } from './http.ts';
import { requirePgtUrl, requireServiceUrl, requireString } from './input.ts';
import { parseProxy, parseV1, parseValidation, type CasValidationResult } from './response.ts';

/** Parameters of {@link validateTicketV1}. */
export interface CasV1Params {
  /** The `ticket` query parameter the user came back with. */
  ticket: string;
  /** Exactly the service URL the ticket was issued for. */
  service: string;
  /** Only accept a ticket issued from primary credentials (not SSO). */
  renew?: boolean;
}

/** Parameters of the CAS 2.0/3.0 validation functions (CAS 3.0 §2.5.1). */
export interface CasValidateParams extends CasV1Params {
  /**
   * Ask for `XML` (default) or `JSON`. Either answer is parsed, whatever was
   * asked: the format is read from the body, since some servers ignore `format`.
   */
  format?: 'XML' | 'JSON';
  /** Proxy callback (https) that receives the PGT as `pgtId` and `pgtIou`. */
  pgtUrl?: string;
}

/** Parameters of {@link validateProxyTicket}. */
export interface CasProxyValidateParams extends CasValidateParams {
  /** `3` (default) uses `/p3/proxyValidate` and returns attributes; `2` uses `/proxyValidate`. */
  version?: 2 | 3;
}

/** Parameters of {@link requestProxyTicket} (CAS 3.0 §2.7.1). */
export interface CasProxyParams {
  /** The proxy-granting ticket (`PGT-…`) delivered to the pgtUrl as `pgtId`. */
  pgt: string;
  /** Identifier of the back-end service; not necessarily a URL. */
  targetService: string;
}

function validationQuery(params: CasValidateParams): Record<string, string | undefined> {
  const ticket = requireString(params?.ticket, 'ticket');
  const service = requireServiceUrl(params.service, 'service');
  return {
    service,
    ticket,
    pgtUrl: params.pgtUrl === undefined ? undefined : requirePgtUrl(params.pgtUrl),
    renew: params.renew ? 'true' : undefined,
    format: formatParam(params.format),
  };
}

function formatParam(format: unknown): string | undefined {
  if (format === undefined || format === 'XML' || format === 'JSON') return format;
  throw new ValidationError('CAS: `format` must be `XML` or `JSON`', 'format');
}

/** CAS 1.0 `/validate` (§2.4): resolves `{ user }`, throws `CasError` with casCode `NO`. */
export async function validateTicketV1(client: CasClient, params: CasV1Params, options?: CasCallOptions): Promise<{ user: string }> {
  const query = validationQuery(params);
  const answer = await casGet(client, 'CAS validate', '/validate', { service: query.service, ticket: query.ticket, renew: query.renew }, options);
  return parseV1(answer, 'CAS validate');
}

/** CAS 2.0 `/serviceValidate` (§2.5): service tickets only; proxy tickets fail with `INVALID_TICKET`. */
export async function validateTicketV2(client: CasClient, params: CasValidateParams, options?: CasCallOptions): Promise<CasValidationResult> {
  const answer = await casGet(client, 'CAS serviceValidate', '/serviceValidate', validationQuery(params), options);
  return parseValidation(answer, 'CAS serviceValidate');
}

/** CAS 3.0 `/p3/serviceValidate` (§2.8): like V2, plus the user's attributes. */
export async function validateTicketV3(client: CasClient, params: CasValidateParams, options?: CasCallOptions): Promise<CasValidationResult> {
  const answer = await casGet(client, 'CAS p3/serviceValidate', '/p3/serviceValidate', validationQuery(params), options);
  return parseValidation(answer, 'CAS p3/serviceValidate');
}

/** `/p3/proxyValidate` (§2.9, default) or `/proxyValidate` (§2.6): service or proxy tickets; `proxies` lists the chain. */
export async function validateProxyTicket(client: CasClient, params: CasProxyValidateParams, options?: CasCallOptions): Promise<CasValidationResult> {
  const path = params?.version === 2 ? '/proxyValidate' : '/p3/proxyValidate';
  const answer = await casGet(client, `CAS ${path.slice(1)}`, path, validationQuery(params), options);
  return parseValidation(answer, `CAS ${path.slice(1)}`);
}

/** `/proxy` (§2.7): exchanges a PGT for a proxy ticket (`PT-…`) for `targetService`. */
export async function requestProxyTicket(client: CasClient, params: CasProxyParams, options?: CasCallOptions): Promise<{ proxyTicket: string }> {
  const pgt = requireString(params?.pgt, 'pgt');
  const targetService = requireString(params.targetService, 'targetService');
  const answer = await casGet(client, 'CAS proxy', '/proxy', { pgt, targetService }, options);
  return { proxyTicket: parseProxy(answer, 'CAS proxy') };
}

/**
 * Reads the CAS server's GET to your pgtUrl (§2.5.4): `{ pgtId, pgtIou }`, or
 * `undefined` when either is missing (servers may probe the URL first). Store
 * the PGT under its IOU; the validation result's `proxyGrantingTicket` is the IOU.
 */
export function parseProxyCallback(url: string | URL): { pgtId: string; pgtIou: string } | undefined {
  const params = new URL(url, 'http://callback.invalid').searchParams;
  const pgtId = params.get('pgtId');
  const pgtIou = params.get('pgtIou');
  return pgtId && pgtIou ? { pgtId, pgtIou } : undefined;
}
