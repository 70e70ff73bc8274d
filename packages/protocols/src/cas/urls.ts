import { ValidationError } from '@authing/core';
import type { CasClient } from './client.ts';
import { requireServiceUrl } from './input.ts';

/** Parameters of {@link buildLoginUrl} (CAS 3.0 §2.1.1). */
export interface CasLoginParams {
  /** Where CAS sends the user back with `?ticket=ST-…`. */
  service: string;
  /** Ask for primary credentials even if an SSO session exists. */
  renew?: boolean;
  /** Never show a login form: come back without a ticket if there is no SSO session. */
  gateway?: boolean;
}

/** `{serverUrl}/login?service=…[&renew=true|&gateway=true]`, every value URL-encoded. */
export function buildLoginUrl(client: CasClient, params: CasLoginParams): string {
  const service = requireServiceUrl(params?.service, 'service');
  // The spec leaves renew+gateway together undefined; refuse rather than guess.
  if (params.renew && params.gateway) throw new ValidationError('CAS: `renew` and `gateway` cannot both be set', 'gateway');
  const url = new URL(`${client.serverUrl}/login`);
  url.searchParams.set('service', service);
  if (params.renew) url.searchParams.set('renew', 'true');
  if (params.gateway) url.searchParams.set('gateway', 'true');
  return url.href;
}

/** Parameters of {@link buildLogoutUrl}. */
export interface CasLogoutParams {
  /** Where to go after logout; sent as `service` (CAS 3.0) or `url` (Authing), per the client's `logout.param`. */
  service?: string;
}

/**
 * The logout URL to send the browser to: by default `{serverUrl}/logout?service=…`
 * (CAS 3.0 §2.3); with `logout: authingCasLogout(appHost)`,
 * `{appHost}/cas-idp/logout?url=…`.
 */
export function buildLogoutUrl(client: CasClient, params: CasLogoutParams = {}): string {
  const url = new URL(client.logoutUrl);
  if (params.service !== undefined) url.searchParams.set(client.logoutParam, requireServiceUrl(params.service, 'service'));
  return url.href;
}
