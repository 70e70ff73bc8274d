/**
 * Remembers the IDs of requests this SP sent (AuthnRequest, LogoutRequest) so
 * that a response is accepted only once, and only if it answers one of them.
 * Use a shared store (Redis, a database) when the SP runs on several
 * processes; `take` must be atomic there (for example `GETDEL`).
 */
export interface RequestIdStore {
  /** Records a request ID that may be answered until `expiresAt` (epoch ms). */
  save(id: string, expiresAt: number): void | Promise<void>;
  /** Removes the ID and returns true if it was present and not expired; false otherwise. */
  take(id: string): boolean | Promise<boolean>;
}

export interface MemoryRequestIdStoreOptions {
  /** Most IDs kept at once; the oldest are dropped first. Default 10 000. */
  maxEntries?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * The default store: a per-process Map with expiry. Fine for one process; IDs
 * are lost on restart, so an answer to a request sent before a restart fails.
 */
export function createMemoryRequestIdStore(options: MemoryRequestIdStoreOptions = {}): RequestIdStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, which makes "drop the oldest" cheap.
  const ids = new Map<string, number>();
  return {
    save(id, expiresAt) {
      const at = now();
      for (const [key, expiry] of ids) {
        if (expiry > at && ids.size < maxEntries) break;
        ids.delete(key);
      }
      ids.set(id, expiresAt);
    },
    take(id) {
      const expiresAt = ids.get(id);
      ids.delete(id);
      return expiresAt !== undefined && expiresAt > now();
    },
  };
}
