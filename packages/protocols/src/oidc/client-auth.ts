import * as oauth from 'oauth4webapi';
import { internalsOf } from './client.ts';
import type { ClientAuthMethod, OidcClient } from './types.ts';
import { invalidOption } from './validate.ts';

/** oauth4webapi's view of the client: its id and our clock tolerance. */
export function oauthClient(client: OidcClient): oauth.Client {
  return { client_id: client.appId, [oauth.clockTolerance]: client.clockTolerance };
}

/** The client authentication for one endpoint; a missing secret is an input error, found before sending. */
export function clientAuth(client: OidcClient, method: ClientAuthMethod, field: string): oauth.ClientAuth {
  if (method === 'none') return oauth.None();
  const secret = internalsOf(client).appSecret;
  if (!secret) throw invalidOption('appSecret', `required by ${field} ${method}`);
  return method === 'client_secret_basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
}
