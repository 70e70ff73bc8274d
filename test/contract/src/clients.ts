import { createClient, managementTokenAuth, type Authenticator, type Client } from '@authing/core';
import { recordingFetch, type Exchange } from './contract.ts';

const tokenPath = '/api/v3/get-management-token';

/**
 * Spec quirk: the document lists `security: [{ bearer: [] }]` on
 * `POST /api/v3/get-management-token`, the call that obtains the bearer
 * token, so Prism answers 401 to the SDK's (correct) unauthenticated request.
 * Only that request gets a placeholder bearer token here.
 */
function bootstrapTokenRequest(request: Request): void {
  if (new URL(request.url).pathname.endsWith(tokenPath) && !request.headers.has('authorization')) {
    request.headers.set('authorization', 'Bearer contract-test-bootstrap');
  }
}

/** A management client as an application builds it: AK/SK and the management token flow. */
export function managementClient(host: string, exchange: Exchange): Client {
  return createClient(
    { host, retries: 0, timeout: 30_000, fetch: recordingFetch(exchange, bootstrapTokenRequest) },
    { auth: managementTokenAuth({ accessKeyId: 'ak', accessKeySecret: 'sk' }) },
  );
}

/** Stands in for a signed-in user's access token. */
export const bearerAuth: Authenticator = {
  authorize(request) {
    request.headers.set('authorization', 'Bearer test-token');
  },
};

/** An authentication client for app `app1` with a user's access token. */
export function authenticationClient(host: string, exchange: Exchange): Client {
  return createClient(
    { host, retries: 0, timeout: 30_000, fetch: recordingFetch(exchange) },
    { identity: { 'app-id': 'app1' }, auth: bearerAuth },
  );
}
