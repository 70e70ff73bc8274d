import type { V2User } from '../shapes/user.ts';

/** Where v2 kept the signed-in user: `localStorage` in browsers, under v2's own keys, else memory. */
export interface TokenStore {
  token(): string | undefined;
  user(): V2User | undefined;
  /**
   * Keeps `token`, and `user` when given. Without a user, the kept one stays only if it is the
   * token's: a user never outlives a change to someone else's token.
   */
  save(token: string | undefined, user?: V2User): void;
  clear(): void;
}

function belongs(user: V2User | undefined, token: string | undefined): boolean {
  return user !== undefined && (user.token ?? undefined) === token;
}

const tokenKey = '_authing_token';
const userKey = '_authing_user';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A sandboxed iframe or disabled storage throws on access.
    return undefined;
  }
}

export function createTokenStore(): TokenStore {
  const storage = browserStorage();
  let memory: { token?: string; user?: V2User } = {};
  if (!storage) {
    return {
      token: () => memory.token,
      user: () => memory.user,
      save(token, user) {
        memory = { token, user: user ?? (belongs(memory.user, token) ? memory.user : undefined) };
      },
      clear() {
        memory = {};
      },
    };
  }
  const store: TokenStore = {
    token: () => storage.getItem(tokenKey) ?? undefined,
    user() {
      const saved = storage.getItem(userKey);
      if (saved === null) return undefined;
      try {
        return JSON.parse(saved) as V2User;
      } catch {
        return undefined;
      }
    },
    save(token, user) {
      if (token === undefined) storage.removeItem(tokenKey);
      else storage.setItem(tokenKey, token);
      if (user) storage.setItem(userKey, JSON.stringify(user));
      else if (!belongs(store.user(), token)) storage.removeItem(userKey);
    },
    clear() {
      storage.removeItem(tokenKey);
      storage.removeItem(userKey);
    },
  };
  return store;
}
