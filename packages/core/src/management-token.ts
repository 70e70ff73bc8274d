import { base64UrlDecode } from './base64.ts';
import { call } from './call.ts';
import type { AuthContext, Authenticator, Client } from './client.ts';
import { managementTokenSpec, type AccessTokenResDto } from './generated/management-token.ts';

interface CachedToken {
  token: string;
  userPoolId: string;
  /** When to fetch a new one: before the real expiry, to absorb latency and clock skew. */
  refreshAt: number;
}

interface CacheEntry {
  current?: CachedToken;
  pending?: Promise<CachedToken>;
}

// Shared by every client in the process, keyed by host and key pair, so that
// several clients with the same credentials fetch one token between them.
const cache = new Map<string, CacheEntry>();

export interface ManagementCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

function userPoolIdOf(token: string): string | undefined {
  const payload = base64UrlDecode(token.split('.')[1] ?? '');
  if (payload === undefined) return undefined;
  try {
    const claim = (JSON.parse(payload) as { scoped_userpool_id?: unknown }).scoped_userpool_id;
    return typeof claim === 'string' && claim !== '' ? claim : undefined;
  } catch {
    return undefined;
  }
}

async function fetchToken(client: Client, credentials: ManagementCredentials): Promise<CachedToken> {
  const tokenClient: Client<true> = { ...client, auth: undefined, throwOnError: true };
  // Typed as possibly partial: the server's answer is checked, not trusted.
  const data = (await call(tokenClient, managementTokenSpec, credentials)) as Partial<AccessTokenResDto> | undefined;
  if (typeof data?.access_token !== 'string' || data.access_token === '') {
    throw new TypeError('get-management-token answered without an access_token');
  }
  const lifetime = (typeof data.expires_in === 'number' && data.expires_in > 0 ? data.expires_in : 7200) * 1000;
  return {
    token: data.access_token,
    // The pool-wide key pair is (user pool id, user pool secret); a cooperator's
    // token names its pool in the `scoped_userpool_id` claim.
    userPoolId: userPoolIdOf(data.access_token) ?? credentials.accessKeyId,
    refreshAt: Date.now() + lifetime - Math.min(300_000, lifetime / 4),
  };
}

/**
 * The default management authentication: a management token fetched with the
 * key pair, cached per (host, key pair), refreshed before expiry, and fetched
 * once however many calls need it at the same moment.
 */
export function managementTokenAuth(credentials: ManagementCredentials): Authenticator {
  const keyOf = (client: Client) => `${client.host}\n${credentials.accessKeyId}\n${credentials.accessKeySecret}`;

  const tokenFor = (client: Client): Promise<CachedToken> => {
    const key = keyOf(client);
    let entry = cache.get(key);
    if (!entry) cache.set(key, (entry = {}));
    if (entry.current && Date.now() < entry.current.refreshAt) return Promise.resolve(entry.current);
    if (!entry.pending) {
      const owner = entry;
      return (owner.pending = fetchToken(client, credentials).then(
        (token) => {
          owner.current = token;
          owner.pending = undefined;
          return token;
        },
        (error: unknown) => {
          owner.pending = undefined;
          throw error;
        },
      ));
    }
    return entry.pending;
  };

  return {
    async authorize(request: Request, context: AuthContext) {
      const { token, userPoolId } = await tokenFor(context.client);
      context.credential = token;
      request.headers.set('authorization', `Bearer ${token}`);
      request.headers.set(context.client.headerName('userpool-id'), userPoolId);
    },
    refresh(context: AuthContext) {
      const entry = cache.get(keyOf(context.client));
      if (entry?.current && entry.current.token === context.credential) entry.current = undefined;
      return true;
    },
  };
}
