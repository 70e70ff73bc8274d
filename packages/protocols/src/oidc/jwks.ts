import { HttpError } from '@authing/core';
import type { JWK, JWSHeaderParameters } from 'jose';
import { TokenValidationError } from '../errors.ts';
import { internalsOf } from './client.ts';
import { endpoint, metadata } from './discovery.ts';
import { getJson } from './http.ts';
import type { OidcClient, RequestOptions } from './types.ts';

/** Per-handle JWKS cache. */
export interface JwksState {
  keys: JWK[] | undefined;
  /** When an unknown `kid` last caused a re-fetch (ms); bounds re-fetches to one per cooldown. */
  refetchedAt: number;
  inflight: Promise<JWK[]> | undefined;
}

function familyOf(alg: string): string | undefined {
  if (alg.startsWith('RS') || alg.startsWith('PS')) return 'RSA';
  if (alg.startsWith('ES')) return 'EC';
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'OKP';
  return undefined;
}

async function download(client: OidcClient, options: RequestOptions | undefined): Promise<JWK[]> {
  const uri = endpoint(await metadata(client, options), 'jwks_uri', 'jwks');
  if (new URL(uri).protocol !== 'https:' && !internalsOf(client).insecure) {
    throw new HttpError('invalid_response', { status: 200, message: 'jwks: jwks_uri must use https' });
  }
  const keys = (await getJson(client, 'jwks', uri, options)).keys;
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'object' && key !== null)) {
    throw new HttpError('invalid_response', { status: 200, message: 'jwks: not a JSON Web Key Set' });
  }
  return keys as JWK[];
}

/**
 * Loads the key set, sharing one in-flight request per handle. A new set replaces the old one
 * whole: its keys are new objects, so nothing imported from the old set is used again.
 */
function load(client: OidcClient, options: RequestOptions | undefined): Promise<JWK[]> {
  const state = internalsOf(client).jwks;
  if (!state.inflight) {
    const pending = download(client, options).then((keys) => (state.keys = keys));
    state.inflight = pending;
    const done = () => {
      if (state.inflight === pending) state.inflight = undefined;
    };
    pending.then(done, done);
  }
  return state.inflight;
}

function select(keys: JWK[], alg: string, kid: string | undefined): JWK[] {
  const kty = familyOf(alg);
  return keys.filter(
    (key) =>
      key.kty === kty &&
      (kid === undefined || key.kid === kid) &&
      (key.alg === undefined || key.alg === alg) &&
      (key.use === undefined || key.use === 'sig') &&
      (key.key_ops === undefined || key.key_ops.includes('verify')),
  );
}

/**
 * The key that must have signed a token with this header. HS* use `appSecret`. Others come from
 * the JWKS; on an unknown `kid` the set is re-fetched once, at most once per cooldown, and there
 * is never a fallback to another key (Authing's SDKs fall back to `keys[0]`).
 *
 * A JWKS key is returned as the JWK object itself: jose imports it for the token's `alg` and
 * caches the CryptoKey per key object and alg, so a warm call costs a lookup, a re-fetched set
 * (new objects) is imported afresh, and `importJWK`, which bundles jose's JWE algorithm table,
 * is not needed. The caller reports an import failure as `kid`.
 */
export async function resolveKey(client: OidcClient, header: JWSHeaderParameters, options?: RequestOptions): Promise<JWK | Uint8Array> {
  const { alg = '', kid } = header;
  if (alg.startsWith('HS')) {
    const secret = internalsOf(client).appSecret;
    if (!secret) throw new TokenValidationError('alg', `${alg} tokens are verified with appSecret, which is not configured`);
    return new TextEncoder().encode(secret);
  }
  if (!familyOf(alg)) throw new TokenValidationError('alg', `unsupported JWS algorithm ${JSON.stringify(alg)}`);
  const state = internalsOf(client).jwks;
  const fresh = state.keys === undefined;
  let candidates = select(state.keys ?? (await load(client, options)), alg, kid);
  if (candidates.length === 0 && kid !== undefined && !fresh && Date.now() - state.refetchedAt >= client.jwksCooldown * 1000) {
    state.refetchedAt = Date.now();
    candidates = select(await load(client, options), alg, kid);
  }
  if (candidates.length === 0) {
    throw new TokenValidationError('kid', kid === undefined ? 'no key of the JWKS fits the token' : `no key with kid ${JSON.stringify(kid)} in the JWKS`);
  }
  if (candidates.length > 1) throw new TokenValidationError('kid', 'several keys of the JWKS fit a token without kid');
  return candidates[0] as JWK;
}
