import type { AppRecord } from '../state.ts';
import type { Store } from '../store.ts';

/** What oidc-provider stores per model: an opaque JSON payload. */
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

/** Models whose instances belong to a grant, so revoking the grant removes them. */
const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * Provider state (sessions, interactions, codes, tokens, grants) of one emulator, in memory.
 * Shared by the adapter instances of every model, and dropped when the emulator stops.
 */
export class MemoryStorage {
  private readonly entries = new Map<string, { payload: Payload; expiresAt: number }>();
  private readonly grants = new Map<string, Set<string>>();
  private readonly uids = new Map<string, string>();
  private readonly userCodes = new Map<string, string>();

  get(key: string): Payload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(model: string, id: string, payload: Payload, expiresIn: number | undefined): void {
    const key = `${model}:${id}`;
    this.entries.set(key, { payload, expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity });
    if (grantable.has(model) && payload.grantId) {
      const members = this.grants.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.grants.set(payload.grantId, members);
    }
    if (payload.uid) this.uids.set(payload.uid, id);
    if (payload.userCode) this.userCodes.set(payload.userCode, id);
    // Expired entries are dropped on read; sweep now and then so an idle store does not grow.
    if (this.entries.size % 256 === 0) for (const existing of [...this.entries.keys()]) this.get(existing);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry?.payload.grantId) this.grants.get(entry.payload.grantId)?.delete(key);
  }

  revokeGrant(grantId: string): void {
    for (const key of this.grants.get(grantId) ?? []) this.entries.delete(key);
    this.grants.delete(grantId);
  }

  byUid(uid: string): string | undefined {
    return this.uids.get(uid);
  }

  byUserCode(userCode: string): string | undefined {
    return this.userCodes.get(userCode);
  }
}

/** Redirect URIs an app gets when it registered none: loopback `/callback`, any port (RFC 8252 §7.3). */
export const loopbackRedirectUris: readonly string[] = ['http://127.0.0.1/callback', 'http://localhost/callback'];
/** Post-logout URIs of such an app: the loopback roots, any port. */
export const loopbackLogoutUris: readonly string[] = ['http://127.0.0.1/', 'http://localhost/'];

/** oidc-provider client metadata for an emulator app: client_id = appId, client_secret = appSecret. */
export function clientMetadata(app: AppRecord, logoutRedirectUris: readonly string[] = []): Record<string, unknown> {
  const registered = app.redirectUris.length > 0;
  // Post-logout URIs: the app's own list when it has one, else its redirect URIs and their origins.
  const postLogout = logoutRedirectUris.length > 0
    ? [...logoutRedirectUris]
    : [...new Set(app.redirectUris.flatMap((uri) => [uri, `${new URL(uri).origin}/`]))];
  const isPublic = app.tokenEndPointAuthMethod === 'none';
  return {
    client_id: app.appId,
    ...(isPublic ? {} : { client_secret: app.appSecret }),
    client_name: app.name,
    token_endpoint_auth_method: app.tokenEndPointAuthMethod,
    grant_types: isPublic ? ['authorization_code', 'refresh_token'] : ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code'],
    // With no registered URI, the app is a loopback ("native") client: any port of 127.0.0.1/localhost.
    application_type: registered ? 'web' : 'native',
    redirect_uris: registered ? app.redirectUris : [...loopbackRedirectUris],
    post_logout_redirect_uris: registered ? postLogout : [...loopbackLogoutUris],
  };
}

/**
 * An oidc-provider adapter: clients come from the emulator's apps (read on each lookup,
 * so apps created or whose secret changes later are seen), everything else from memory.
 */
export function adapterFactory(storage: MemoryStorage, store: Store): (model: string) => unknown {
  return (model: string) => ({
    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (model !== 'Client') storage.set(model, id, payload, expiresIn);
    },
    async find(id: string): Promise<Payload | undefined> {
      if (model === 'Client') {
        const app = store.app(id);
        if (!app) return undefined;
        // Apps created through the management API keep their logout URIs in `applications` (duck-typed:
        // states saved before that list existed have none).
        const details = (store.state as { applications?: Array<{ appId: string; logoutRedirectUris?: unknown }> }).applications?.find(
          (candidate) => candidate.appId === id,
        );
        const logout = Array.isArray(details?.logoutRedirectUris) ? (details.logoutRedirectUris as unknown[]).filter((uri): uri is string => typeof uri === 'string') : [];
        return clientMetadata(app, logout);
      }
      return storage.get(`${model}:${id}`);
    },
    async findByUid(uid: string): Promise<Payload | undefined> {
      const id = storage.byUid(uid);
      return id === undefined ? undefined : storage.get(`${model}:${id}`);
    },
    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const id = storage.byUserCode(userCode);
      return id === undefined ? undefined : storage.get(`${model}:${id}`);
    },
    async consume(id: string): Promise<void> {
      const payload = storage.get(`${model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id: string): Promise<void> {
      storage.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId: string): Promise<void> {
      storage.revokeGrant(grantId);
    },
  });
}
