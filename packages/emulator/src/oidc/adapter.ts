import type { AppRecord, OidcEntry, State } from '../state.ts';
import type { Store } from '../store.ts';

/** What oidc-provider stores per model: an opaque JSON payload. */
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

/** Models whose instances belong to a grant, so revoking the grant removes them. */
const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode']);

function live(entry: OidcEntry | undefined, now = Date.now()): entry is OidcEntry {
  return entry !== undefined && (entry.expiresAt === undefined || entry.expiresAt > now);
}

/**
 * Provider state (sessions, interactions, codes, tokens, grants) of one emulator, kept in the
 * emulator's state under `oidc` (`{model}:{id}` → payload and expiry). Every change goes through
 * the store's write queue, so with a data directory it is saved atomically before the provider
 * goes on, and survives a restart; without one it lives in memory. Expired entries are skipped
 * on read and dropped at the next write. The secondary indexes (grant, session uid, user code)
 * are rebuilt from the state at start and kept in step by the writes.
 */
export class StateStorage {
  private readonly grants = new Map<string, Set<string>>();
  private readonly uids = new Map<string, string>();
  private readonly userCodes = new Map<string, string>();

  constructor(private readonly store: Store) {
    for (const [key, entry] of Object.entries(store.state.oidc ?? {})) this.index(key, entry.payload as Payload);
  }

  private entries(state: State): Record<string, OidcEntry> {
    return (state.oidc ??= {});
  }

  private index(key: string, payload: Payload): void {
    const model = key.slice(0, key.indexOf(':'));
    if (grantable.has(model) && payload.grantId) {
      const members = this.grants.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.grants.set(payload.grantId, members);
    }
    if (payload.uid) this.uids.set(`${model}:${payload.uid}`, key);
    if (payload.userCode) this.userCodes.set(`${model}:${payload.userCode}`, key);
  }

  /** Removes an entry and its index entries; runs inside a write. */
  private remove(state: State, key: string): void {
    const entries = this.entries(state);
    const entry = entries[key];
    if (!entry) return;
    delete entries[key];
    const payload = entry.payload as Payload;
    const model = key.slice(0, key.indexOf(':'));
    if (payload.grantId) {
      const members = this.grants.get(payload.grantId);
      members?.delete(key);
      if (members?.size === 0) this.grants.delete(payload.grantId);
    }
    if (payload.uid && this.uids.get(`${model}:${payload.uid}`) === key) this.uids.delete(`${model}:${payload.uid}`);
    if (payload.userCode && this.userCodes.get(`${model}:${payload.userCode}`) === key) this.userCodes.delete(`${model}:${payload.userCode}`);
  }

  /** Drops expired entries; runs inside a write, so the file sheds them at the next save. */
  private sweep(state: State): void {
    const now = Date.now();
    for (const [key, entry] of Object.entries(this.entries(state))) if (!live(entry, now)) this.remove(state, key);
  }

  /** A copy of the live payload, so nothing the provider does to it reaches the state outside a write. */
  get(key: string): Payload | undefined {
    const entry = this.store.state.oidc?.[key];
    return live(entry) ? (structuredClone(entry.payload) as Payload) : undefined;
  }

  async set(model: string, id: string, payload: Payload, expiresIn: number | undefined): Promise<void> {
    const key = `${model}:${id}`;
    const copy = structuredClone(payload);
    await this.store.write((state) => {
      this.sweep(state);
      this.remove(state, key);
      this.entries(state)[key] = { payload: copy, ...(typeof expiresIn === 'number' ? { expiresAt: Date.now() + expiresIn * 1000 } : {}) };
      this.index(key, copy);
    });
  }

  async consume(key: string): Promise<void> {
    if (!this.get(key)) return;
    await this.store.write((state) => {
      const entry = state.oidc?.[key];
      if (live(entry)) (entry.payload as Payload).consumed = Math.floor(Date.now() / 1000);
    });
  }

  async delete(key: string): Promise<void> {
    if (!this.store.state.oidc?.[key]) return;
    await this.store.write((state) => this.remove(state, key));
  }

  async revokeGrant(grantId: string): Promise<void> {
    if (!this.grants.has(grantId)) return;
    await this.store.write((state) => {
      for (const key of [...(this.grants.get(grantId) ?? [])]) this.remove(state, key);
      this.grants.delete(grantId);
    });
  }

  byUid(model: string, uid: string): Payload | undefined {
    const key = this.uids.get(`${model}:${uid}`);
    return key === undefined ? undefined : this.get(key);
  }

  byUserCode(model: string, userCode: string): Payload | undefined {
    const key = this.userCodes.get(`${model}:${userCode}`);
    return key === undefined ? undefined : this.get(key);
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
 * so apps created or whose secret changes later are seen), everything else from the
 * emulator's state (persisted with it when it has a data directory).
 */
export function adapterFactory(storage: StateStorage, store: Store): (model: string) => unknown {
  return (model: string) => ({
    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (model !== 'Client') await storage.set(model, id, payload, expiresIn);
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
      return storage.byUid(model, uid);
    },
    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return storage.byUserCode(model, userCode);
    },
    async consume(id: string): Promise<void> {
      await storage.consume(`${model}:${id}`);
    },
    async destroy(id: string): Promise<void> {
      await storage.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId: string): Promise<void> {
      await storage.revokeGrant(grantId);
    },
  });
}
