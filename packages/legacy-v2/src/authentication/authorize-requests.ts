/** What `buildAuthorizeUrl` keeps for the code exchange: the secrets of one authorization request. */
export interface KeptAuthorization {
  state: string;
  nonce: string | undefined;
  codeVerifier: string;
  redirectUri: string | undefined;
  /** Whether an ID token must come back (OIDC with `openid`). */
  openid: boolean;
  createdAt: number;
}

// v2 returned the URL alone and left state, nonce and PKCE to the caller (or skipped them); here
// the client keeps them, so that v2's `getAccessTokenByCode(code)` still works. A server that
// shares one client between users has several requests in flight: they are kept by state, a few
// at a time and for a few minutes, and each is used once.
const capacity = 32;
const lifetime = 10 * 60_000;

/** The authorization requests a client has built and not yet exchanged. */
export class AuthorizationRequests {
  readonly #byState = new Map<string, KeptAuthorization>();

  keep(request: KeptAuthorization): void {
    this.#prune();
    this.#byState.set(request.state, request);
    // Maps iterate in insertion order: the first key is the oldest request.
    while (this.#byState.size > capacity) this.#byState.delete(this.#byState.keys().next().value as string);
  }

  /** The request with this state, once; undefined when unknown, used or expired. */
  take(state: string): KeptAuthorization | undefined {
    this.#prune();
    const request = this.#byState.get(state);
    this.#byState.delete(state);
    return request;
  }

  /** The newest request, once: v2's `getAccessTokenByCode(code)` names none. */
  takeLatest(): KeptAuthorization | undefined {
    this.#prune();
    const latest = [...this.#byState.values()].at(-1);
    if (latest) this.#byState.delete(latest.state);
    return latest;
  }

  #prune(): void {
    const now = Date.now();
    for (const [state, request] of this.#byState) if (now - request.createdAt > lifetime) this.#byState.delete(state);
  }
}
