import type { V2User } from '../shapes/user.ts';

/** Where v2 kept the signed-in user: `localStorage` in browsers, under v2's own keys, else memory. */
export interface TokenStore {
  token(): string | undefined;
  user(): V2User | undefined;
  save(token: string | undefined, user?: V2User): void;
  clear(): void;
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
        memory = { token, user: user ?? memory.user };
      },
      clear() {
        memory = {};
      },
    };
  }
  return {
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
    },
    clear() {
      storage.removeItem(tokenKey);
      storage.removeItem(userKey);
    },
  };
}
