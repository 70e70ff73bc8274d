// ID token attack vectors, minted at test time with the real provider's signing key (so only
// the claim or header under test is wrong) or with keys an attacker would have.
import { createHash, createHmac } from 'node:crypto';
import { CompactSign, FlattenedSign, SignJWT, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenValidationError, createOidcClient, verifyAccessToken, verifyIdToken, type OidcClientOptions } from '../src/oidc/index.ts';
import { secrets, startOidcProvider, type OidcTestServer } from './servers/oidc-provider.ts';

let op: OidcTestServer;
let publicPem: string;
const AUD = 'post-client';
const NONCE = 'nonce-0123456789';
const ACCESS_TOKEN = 'access-token-0123456789';
const CODE = 'code-0123456789';

beforeAll(async () => {
  op = await startOidcProvider({ redirectUris: ['http://127.0.0.1:9/callback'] });
  const { d, p, q, dp, dq, qi, ...publicJwk } = await exportJWK(op.privateKey);
  publicPem = await exportSPKI((await importJWK(publicJwk, 'RS256')) as CryptoKey);
});
afterAll(() => op.close());

const half = (value: string) => createHash('sha256').update(value).digest().subarray(0, 16).toString('base64url');
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (): JWTPayload => ({
  iss: op.issuer,
  aud: AUD,
  sub: 'alice',
  iat: now(),
  exp: now() + 300,
  nonce: NONCE,
  at_hash: half(ACCESS_TOKEN),
  c_hash: half(CODE),
});
const sign = (payload: JWTPayload, header: Record<string, unknown> = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: op.kid, ...header }).sign(op.privateKey);
const hs256 = (payload: JWTPayload, secret: string, header: Record<string, unknown> = {}) => {
  const signingInput = `${b64({ alg: 'HS256', ...header })}.${b64(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
};

/** A client whose every JWKS download is counted. */
function rp(extra: Partial<OidcClientOptions> = {}) {
  const jwksFetches: string[] = [];
  const client = createOidcClient({
    appId: AUD,
    appSecret: secrets.post,
    appHost: op.origin,
    fetch: (input, init) => {
      if (String(input).endsWith('/jwks.json')) jwksFetches.push(String(input));
      return fetch(input, init);
    },
    ...extra,
  });
  return { client, jwksFetches };
}

async function rejection(promise: Promise<unknown>): Promise<TokenValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenValidationError);
  return error as TokenValidationError;
}

const full = { nonce: NONCE, accessToken: ACCESS_TOKEN, code: CODE };

describe('verifyIdToken', () => {
  it('accepts a valid token and returns its claims', async () => {
    const { client } = rp();
    await expect(verifyIdToken(client, await sign(claims()), full)).resolves.toMatchObject({ sub: 'alice', nonce: NONCE });
  });

  it('validates a real ID token from the provider JWKS at Authing\'s path', async () => {
    const { client, jwksFetches } = rp();
    await verifyIdToken(client, await sign(claims()));
    expect(jwksFetches).toEqual([`${op.issuer}/.well-known/jwks.json`]);
  });

  const vectors: Array<[string, () => Promise<string> | string, string, object?]> = [
    ['alg none', () => `${b64({ alg: 'none' })}.${b64(claims())}.`, 'alg'],
    ['alg None (case)', () => `${b64({ alg: 'None', kid: 'k1' })}.${b64(claims())}.`, 'alg'],
    ['HS256 with the RSA public key as secret', () => hs256(claims(), publicPem, { kid: 'k1' }), 'alg'],
    ['kid path traversal with HS256 and an empty key', () => hs256(claims(), '', { kid: '../../../../dev/null' }), 'alg'],
    ['wrong iss', () => sign({ ...claims(), iss: 'http://127.0.0.1:1/evil' }), 'iss'],
    ['iss with a trailing slash', () => sign({ ...claims(), iss: `${op.issuer}/` }), 'iss'],
    ['wrong aud', () => sign({ ...claims(), aud: 'other-client' }), 'aud'],
    ['aud array without the client', () => sign({ ...claims(), aud: ['x', 'y'] }), 'aud'],
    ['several audiences without azp', () => sign({ ...claims(), aud: [AUD, 'other'] }), 'azp'],
    ['azp of another client', () => sign({ ...claims(), azp: 'other-client' }), 'azp'],
    ['expired', () => sign({ ...claims(), iat: now() - 3600, exp: now() - 1800 }), 'exp'],
    ['nbf in the future', () => sign({ ...claims(), nbf: now() + 3600 }), 'nbf'],
    ['iat in the future', () => sign({ ...claims(), iat: now() + 3600, exp: now() + 7200 }), 'iat'],
    ['missing sub', () => sign((({ sub, ...rest }) => rest)(claims())), 'sub'],
    ['wrong nonce', () => sign({ ...claims(), nonce: 'attacker' }), 'nonce'],
    ['missing nonce', () => sign((({ nonce, ...rest }) => rest)(claims())), 'nonce'],
    ['at_hash mismatch', () => sign({ ...claims(), at_hash: half('other-access-token') }), 'at_hash'],
    ['c_hash mismatch', () => sign({ ...claims(), c_hash: half('other-code') }), 'c_hash'],
    ['typ at+jwt', () => sign(claims(), { typ: 'at+jwt' }), 'typ'],
    ['typ application/at+jwt', () => sign(claims(), { typ: 'application/at+jwt' }), 'typ'],
    ['unknown crit header', async () => {
      const header = { alg: 'RS256', kid: 'k1', crit: ['urn:evil'], 'urn:evil': 1 };
      const token = await sign(claims(), { crit: ['urn:evil'], 'urn:evil': 1 }).catch(() => undefined);
      return token ?? `${b64(header)}.${b64(claims())}.x`;
    }, 'header'],
    ['signature bit-flip', async () => {
      const [h, p, s] = (await sign(claims())).split('.') as [string, string, string];
      const bytes = Buffer.from(s, 'base64url');
      bytes[10]! ^= 1;
      return `${h}.${p}.${bytes.toString('base64url')}`;
    }, 'signature'],
    ['payload swapped under the same signature', async () => {
      const [h, , s] = (await sign(claims())).split('.') as [string, string, string];
      return `${h}.${b64({ ...claims(), sub: 'mallory' })}.${s}`;
    }, 'signature'],
    ['signature stripped', async () => `${(await sign(claims())).split('.').slice(0, 2).join('.')}.`, 'signature'],
    ['not a JWT', () => 'garbage', 'format'],
  ];
  for (const [name, make, check] of vectors) {
    it(`rejects: ${name}`, async () => {
      const { client } = rp();
      const error = await rejection(verifyIdToken(client, await make(), full));
      expect(error.check).toBe(check);
      expect(error.code).toBe('invalid_token');
    });
  }

  it('rejects a token signed by an attacker key (embedded jwk / jku headers are ignored)', async () => {
    const attacker = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(attacker.publicKey)), kid: op.kid };
    for (const header of [{ jwk }, { jku: 'http://127.0.0.1:9/evil.json' }, {}]) {
      const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: op.kid, ...header }).sign(attacker.privateKey);
      expect((await rejection(verifyIdToken(rp().client, token, full))).check).toBe('signature');
    }
  });

  it('rejects kid injection (path traversal, SQL-like, header-smuggling kids) signed with an attacker key', async () => {
    const attacker = await generateKeyPair('RS256');
    for (const kid of ['../../../../dev/null', "' OR '1'='1' --", `${op.kid}\u0000`, `${op.kid} `]) {
      const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid }).sign(attacker.privateKey);
      const error = await rejection(verifyIdToken(rp().client, token, full));
      expect(['kid', 'signature']).toContain(error.check);
    }
  });

  it('unknown kid: exactly one JWKS refetch, then rejection; a second unknown kid within the cooldown fetches nothing', async () => {
    const { client, jwksFetches } = rp();
    await verifyIdToken(client, await sign(claims()));
    expect(jwksFetches).toHaveLength(1);
    const first = await rejection(verifyIdToken(client, await sign(claims(), { kid: 'rotated-1' })));
    expect(first.check).toBe('kid');
    expect(jwksFetches).toHaveLength(2);
    const second = await rejection(verifyIdToken(client, await sign(claims(), { kid: 'rotated-2' })));
    expect(second.check).toBe('kid');
    expect(jwksFetches).toHaveLength(2);
    // The known key still works, without a fetch.
    await verifyIdToken(client, await sign(claims()));
    expect(jwksFetches).toHaveLength(2);
  });

  it('the refetch cooldown is configurable', async () => {
    const { client, jwksFetches } = rp({ jwksCooldown: 0 });
    await verifyIdToken(client, await sign(claims()));
    await rejection(verifyIdToken(client, await sign(claims(), { kid: 'rotated-1' })));
    await rejection(verifyIdToken(client, await sign(claims(), { kid: 'rotated-2' })));
    expect(jwksFetches).toHaveLength(3);
  });

  it('on a cold cache an unknown kid costs one download, not two', async () => {
    const { client, jwksFetches } = rp();
    expect((await rejection(verifyIdToken(client, await sign(claims(), { kid: 'nope' })))).check).toBe('kid');
    expect(jwksFetches).toHaveLength(1);
  });

  it('accepts HS256 only when allow-listed, verified with appSecret', async () => {
    const token = hs256(claims(), secrets.post);
    expect((await rejection(verifyIdToken(rp().client, token))).check).toBe('alg');
    const { client, jwksFetches } = rp({ idTokenSigningAlgorithms: ['RS256', 'HS256'] });
    await expect(verifyIdToken(client, token, full)).resolves.toMatchObject({ sub: 'alice' });
    expect(jwksFetches).toHaveLength(0);
    expect((await rejection(verifyIdToken(client, hs256(claims(), publicPem)))).check).toBe('signature');
    expect((await rejection(verifyIdToken(client, hs256(claims(), 'x'.repeat(40))))).check).toBe('signature');
  });

  it('tolerates clock skew within clockTolerance, and not beyond', async () => {
    const skewed = await sign({ ...claims(), iat: now() + 30, exp: now() - 30 });
    await expect(verifyIdToken(rp().client, skewed)).resolves.toHaveProperty('sub');
    expect((await rejection(verifyIdToken(rp({ clockTolerance: 5 }).client, skewed))).check).toMatch(/^(exp|iat)$/);
  });

  it('checks auth_time against maxAge', async () => {
    const old = await sign({ ...claims(), auth_time: now() - 3600 });
    expect((await rejection(verifyIdToken(rp().client, old, { maxAge: 600 }))).check).toBe('auth_time');
    await expect(verifyIdToken(rp().client, old, { maxAge: 7200 })).resolves.toHaveProperty('sub');
    expect((await rejection(verifyIdToken(rp().client, await sign(claims()), { maxAge: 600 }))).check).toBe('auth_time');
  });

  it('never puts the token in the error message', async () => {
    const token = await sign({ ...claims(), iss: 'http://evil' });
    const error = await rejection(verifyIdToken(rp().client, token));
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token.split('.')[1]);
  });
});

describe('registered claims and JWS details', () => {
  const signBytes = (payload: string, header: Record<string, unknown> = {}) =>
    new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'RS256', kid: op.kid, ...header }).sign(op.privateKey);

  const vectors: Array<[string, () => Promise<string>, string]> = [
    ['exp not a number', () => sign({ ...claims(), exp: String(now() + 300) } as never), 'exp'],
    ['nbf not a number', () => sign({ ...claims(), nbf: 'yesterday' } as never), 'nbf'],
    ['iat not a number', () => sign({ ...claims(), iat: String(now()) } as never), 'iat'],
    ['missing iss', () => sign((({ iss, ...rest }) => rest)(claims())), 'iss'],
    ['missing aud', () => sign((({ aud, ...rest }) => rest)(claims())), 'aud'],
    ['missing exp', () => sign((({ exp, ...rest }) => rest)(claims())), 'exp'],
    ['missing iat', () => sign((({ iat, ...rest }) => rest)(claims())), 'iat'],
    ['aud of another type', () => sign({ ...claims(), aud: { [AUD]: true } } as never), 'aud'],
    ['iss of another type', () => sign({ ...claims(), iss: [op.issuer] } as never), 'iss'],
    ['payload is a JSON array', () => signBytes(JSON.stringify([claims()])), 'format'],
    ['payload is not JSON', () => signBytes('not json'), 'format'],
    ['payload is not UTF-8', async () => {
      const bytes = new Uint8Array([...new TextEncoder().encode(JSON.stringify(claims())), 0xff]);
      return new CompactSign(bytes).setProtectedHeader({ alg: 'RS256', kid: op.kid }).sign(op.privateKey);
    }, 'format'],
    ['unencoded payload (b64: false, RFC 7797)', async () => {
      // Validly signed; the compact form only needs a payload without dots.
      const payload = new TextEncoder().encode(JSON.stringify(claims()).replaceAll('.', '_'));
      const jws = await new FlattenedSign(payload).setProtectedHeader({ alg: 'RS256', kid: op.kid, b64: false, crit: ['b64'] }).sign(op.privateKey);
      return `${jws.protected}.${jws.payload}.${jws.signature}`;
    }, 'format'],
  ];
  for (const [name, make, check] of vectors) {
    it(`rejects: ${name}`, async () => {
      expect((await rejection(verifyIdToken(rp().client, await make(), full))).check).toBe(check);
    });
  }

  it('exp is exclusive: expired at now - clockTolerance', async () => {
    const client = rp({ clockTolerance: 0 }).client;
    expect((await rejection(verifyIdToken(client, await sign({ ...claims(), exp: now() })))).check).toBe('exp');
    await expect(verifyIdToken(client, await sign({ ...claims(), exp: now() + 30 }))).resolves.toHaveProperty('sub', 'alice');
    await expect(verifyIdToken(client, await sign({ ...claims(), nbf: now() }))).resolves.toHaveProperty('sub', 'alice');
  });

  it('aud may be an array that contains the client (with azp when there are several)', async () => {
    await expect(verifyIdToken(rp().client, await sign({ ...claims(), aud: [AUD] }))).resolves.toHaveProperty('sub', 'alice');
    await expect(verifyIdToken(rp().client, await sign({ ...claims(), aud: ['other', AUD], azp: AUD }))).resolves.toHaveProperty('sub', 'alice');
  });

  it('refuses `none`, an HS256 token signed with the public key, and a bad typ without any request', async () => {
    let requests = 0;
    const { client } = rp({
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    for (const token of [`${b64({ alg: 'none' })}.${b64(claims())}.`, hs256(claims(), publicPem, { kid: 'k1' })]) {
      expect((await rejection(verifyIdToken(client, token, full))).check).toBe('alg');
    }
    expect((await rejection(verifyIdToken(client, await sign(claims(), { typ: 'at+jwt' }), full))).check).toBe('typ');
    expect(requests).toBe(0);
  });

  it('a per-call timeout is validated before anything else', async () => {
    await expect(verifyIdToken(rp().client, await sign(claims()), { timeout: 0 })).rejects.toMatchObject({ code: 'validation_error', field: 'timeout' });
  });
});

describe('JWKS keys', () => {
  /** A client whose JWKS is `current()` instead of the provider's. */
  function withJwks(current: () => { keys: JWK[] }, extra: Partial<OidcClientOptions> = {}) {
    let downloads = 0;
    const client = createOidcClient({
      appId: AUD,
      appHost: op.origin,
      fetch: (input, init) => {
        if (!String(input).endsWith('/jwks.json')) return fetch(input, init);
        downloads++;
        return Promise.resolve(Response.json(current()));
      },
      ...extra,
    });
    return { client, downloads: () => downloads };
  }
  const keyPair = async (kid: string) => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    return { ...pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
  };
  const signWith = (key: CryptoKey, kid: string) => new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid }).sign(key);

  it('a key that cannot be imported fails as `kid`, with the cause', async () => {
    const { client } = withJwks(() => ({ keys: [{ kty: 'RSA', kid: op.kid, n: 'AAAA', e: 'AQAB' }] }));
    const error = await rejection(verifyIdToken(client, await sign(claims())));
    expect(error.check).toBe('kid');
    expect(error.cause).toBeDefined();
  });

  it('a private key published in the JWKS is not used', async () => {
    const privateJwk = { ...(await exportJWK(op.privateKey)), kid: op.kid };
    const { client } = withJwks(() => ({ keys: [privateJwk] }));
    expect((await rejection(verifyIdToken(client, await sign(claims())))).check).toBe('kid');
  });

  it('a re-fetched JWKS replaces the old keys: a kid that now names another key no longer accepts the old one', async () => {
    const a = await keyPair('k1');
    const a2 = await keyPair('k1');
    const b = await keyPair('k2');
    let set = { keys: [a.jwk] };
    const { client, downloads } = withJwks(() => set);
    await expect(verifyIdToken(client, await signWith(a.privateKey, 'k1'))).resolves.toHaveProperty('sub', 'alice');
    // Rotation: k1 is now another key, and k2 appears; a token with k2 makes the client re-fetch.
    set = { keys: [a2.jwk, b.jwk] };
    await expect(verifyIdToken(client, await signWith(b.privateKey, 'k2'))).resolves.toHaveProperty('sub', 'alice');
    expect(downloads()).toBe(2);
    expect((await rejection(verifyIdToken(client, await signWith(a.privateKey, 'k1')))).check).toBe('signature');
    await expect(verifyIdToken(client, await signWith(a2.privateKey, 'k1'))).resolves.toHaveProperty('sub', 'alice');
    expect(downloads()).toBe(2);
  });

  it('a token without kid needs exactly one fitting key', async () => {
    const a = await keyPair('k1');
    const b = await keyPair('k2');
    const sign2 = (key: CryptoKey) => new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(key);
    await expect(verifyIdToken(withJwks(() => ({ keys: [a.jwk] })).client, await sign2(a.privateKey))).resolves.toHaveProperty('sub');
    expect((await rejection(verifyIdToken(withJwks(() => ({ keys: [a.jwk, b.jwk] })).client, await sign2(a.privateKey)))).check).toBe('kid');
    // use: enc and a key_ops without verify do not count.
    const unusable = { keys: [{ ...b.jwk, use: 'enc' }, { ...b.jwk, key_ops: ['encrypt'] }, a.jwk] };
    await expect(verifyIdToken(withJwks(() => unusable).client, await sign2(a.privateKey))).resolves.toHaveProperty('sub');
  });
});

describe('verifyAccessToken', () => {
  const at = () => ({ iss: op.issuer, aud: 'https://api.example.test', sub: 'alice', client_id: AUD, iat: now(), exp: now() + 300, scope: 'api:read' });

  it('accepts a JWT access token for the expected audience, typ at+jwt included', async () => {
    const token = await sign(at(), { typ: 'at+jwt' });
    await expect(verifyAccessToken(rp().client, token, { audience: 'https://api.example.test' })).resolves.toMatchObject({ scope: 'api:read' });
  });

  it('rejects a wrong audience, issuer, expiry, alg none and a forged signature', async () => {
    const { client } = rp();
    const audience = 'https://api.example.test';
    expect((await rejection(verifyAccessToken(client, await sign(at())))).check).toBe('aud');
    expect((await rejection(verifyAccessToken(client, await sign({ ...at(), iss: 'http://evil' }), { audience }))).check).toBe('iss');
    expect((await rejection(verifyAccessToken(client, await sign({ ...at(), exp: now() - 600 }), { audience }))).check).toBe('exp');
    expect((await rejection(verifyAccessToken(client, `${b64({ alg: 'none' })}.${b64(at())}.`, { audience }))).check).toBe('alg');
    const attacker = await generateKeyPair('RS256');
    const forged = await new SignJWT(at()).setProtectedHeader({ alg: 'RS256', kid: op.kid }).sign(attacker.privateKey);
    expect((await rejection(verifyAccessToken(client, forged, { audience }))).check).toBe('signature');
  });
});
