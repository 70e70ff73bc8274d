import { HttpError } from '@authing/core';
import * as oauth from 'oauth4webapi';
import { importJWK, type CryptoKey, type JWK, type JWSHeaderParameters } from 'jose';
import { TokenValidationError } from '../errors.ts';
import { internalsOf } from './client.ts';
import { endpoint, metadata } from './discovery.ts';
import { exchange } from './transport.ts';
import type { OidcClient, RequestOptions } from './types.ts';

/** Per-handle JWKS cache. */
export interface JwksState {
  keys: JWK[] | undefined;
  /** When `keys` were fetched (ms). */
  fetchedAt: number;
  /** When an unknown `kid` last caused a re-fetch (ms); bounds re-fetches to one per cooldown. */
  refetchedAt: number;
  inflight: Promise<JWK[]> | undefined;
  imported: Map<string, Promise<CryptoKey | Uint8Array>>;
}

function familyOf(alg: string): string | undefined {
  if (alg.startsWith('RS') || alg.startsWith('PS')) return 'RSA';
  if (alg.startsWith('ES')) return 'EC';
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'OKP';
  return undefined;
}

async function download(client: OidcClient, options: RequestOptions | undefined): Promise<JWK[]> {
  const server = await metadata(client, options);
  const uri = endpoint(server, 'jwks_uri', 'jwks');
  if (new URL(uri).protocol !== 'https:' && !internalsOf(client).insecure) {
    throw new HttpError('invalid_response', { status: 200, message: 'jwks: jwks_uri must use https' });
  }
  return exchange(client, 'jwks', options, async (transport) => {
    const response = await transport[oauth.customFetch](uri, {
      method: 'GET',
      headers: { accept: 'application/json', ...transport.headers },
      body: undefined,
      redirect: 'manual',
      signal: transport.signal,
    });
    if (response.status !== 200) throw new HttpError('http_error', { status: response.status, body: await response.text() });
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new HttpError('invalid_response', { status: response.status, message: 'jwks: the body is not JSON' }, { cause: error });
    }
    return parseJwks(response.status, body);
  });
}

/** Loads the key set, sharing one in-flight request per handle. */
function load(client: OidcClient, options: RequestOptions | undefined): Promise<JWK[]> {
  const state = internalsOf(client).jwks;
  if (!state.inflight) {
    const pending = download(client, options).then((keys) => {
      state.keys = keys;
      state.fetchedAt = Date.now();
      return keys;
    });
    state.inflight = pending;
    pending.then(
      () => {
        if (state.inflight === pending) state.inflight = undefined;
      },
      () => {
        if (state.inflight === pending) state.inflight = undefined;
      },
    );
  }
  return state.inflight;
}

function select(keys: JWK[], header: JWSHeaderParameters): JWK[] {
  const alg = header.alg ?? '';
  const kty = familyOf(alg);
  return keys.filter(
    (key) =>
      key.kty === kty &&
      (header.kid === undefined || key.kid === header.kid) &&
      (key.alg === undefined || key.alg === alg) &&
      (key.use === undefined || key.use === 'sig') &&
      (key.key_ops === undefined || key.key_ops.includes('verify')),
  );
}

/**
 * The key that must have signed a token with this header. HS* use `appSecret`. Others come from
 * the JWKS; on an unknown `kid` the set is re-fetched once, at most once per cooldown, and there
 * is never a fallback to another key (Authing's SDKs fall back to `keys[0]`).
 */
export async function resolveKey(client: OidcClient, header: JWSHeaderParameters, options?: RequestOptions): Promise<CryptoKey | Uint8Array> {
  const alg = header.alg ?? '';
  if (alg.startsWith('HS')) {
    const secret = internalsOf(client).appSecret;
    if (!secret) throw new TokenValidationError('alg', `${alg} tokens are verified with appSecret, which is not configured`);
    return new TextEncoder().encode(secret);
  }
  if (!familyOf(alg)) throw new TokenValidationError('alg', `unsupported JWS algorithm ${JSON.stringify(alg)}`);
  const state = internalsOf(client).jwks;
  const fresh = state.keys === undefined;
  let candidates = select(state.keys ?? (await load(client, options)), header);
  if (candidates.length === 0 && header.kid !== undefined && !fresh && Date.now() - state.refetchedAt >= client.jwksCooldown * 1000) {
    state.refetchedAt = Date.now();
    candidates = select(await load(client, options), header);
  }
  if (candidates.length === 0) {
    throw new TokenValidationError('kid', header.kid === undefined ? 'no key of the JWKS fits the token' : `no key with kid ${JSON.stringify(header.kid)} in the JWKS`);
  }
  if (candidates.length > 1) throw new TokenValidationError('kid', 'several keys of the JWKS fit a token without kid');
  const jwk = candidates[0] as JWK;
  const cacheKey = `${alg}:${JSON.stringify(jwk)}`;
  let key = state.imported.get(cacheKey);
  if (!key) {
    key = importJWK(jwk, alg);
    state.imported.set(cacheKey, key);
    key.catch(() => state.imported.delete(cacheKey));
  }
  try {
    return await key;
  } catch (error) {
    throw new TokenValidationError('kid', 'the JWKS key cannot be imported', { cause: error });
  }
}

export function parseJwks(status: number, body: unknown): JWK[] {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'object' && key !== null)) {
    throw new HttpError('invalid_response', { status, message: 'jwks: not a JSON Web Key Set' });
  }
  return keys as JWK[];
}
