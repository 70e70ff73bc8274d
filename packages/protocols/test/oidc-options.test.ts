// createOidcClient validates appHost, timeout and lang without core's createClient (which put
// core's client setup in every browser bundle), and writes core's en-US sentences out instead of
// bundling core's catalog. These tests keep both equal to core's; and they cover discovery for a
// custom issuer, which is not served by the test provider's layout, with a scripted fetch.
import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError, createClient, enUS, format } from '@authing/core';
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, buildLogoutUrl, createOidcClient, discoverOidcClient } from '../src/oidc/index.ts';
import { safeEqual } from '../src/oidc/hash.ts';

function outcome(run: () => string): { value: string } | { error: string; name: string; field: unknown; message: string } {
  try {
    return { value: run() };
  } catch (error) {
    const e = error as ValidationError;
    return { error: e.code, name: e.constructor.name, field: e.field, message: e.message };
  }
}

/** A fetch that answers from a table of URLs and records what was asked. */
function scripted(routes: Record<string, () => Response | Promise<Response>>) {
  const seen: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = String(input);
    seen.push(url);
    const route = routes[url];
    return route ? route() : new Response('not found', { status: 404 });
  };
  return { fetch, seen };
}

describe('appHost, timeout and lang follow core createClient', () => {
  const hosts = [
    'example.authing.cn',
    'https://example.authing.cn',
    'https://example.authing.cn/',
    'https://example.authing.cn///',
    'https://example.authing.cn/base/path/',
    'HTTPS://Example.Authing.CN:443/Base',
    'https://example.authing.cn:8443',
    'https://example.authing.cn?',
    'https://example.authing.cn#',
    'https://:secret@example.authing.cn',
    'http://localhost:3000',
    'http://127.0.0.1:8080/',
    'http://[::1]:9',
    'http://app.localhost',
    'localhost:3000',
    // refused
    'http://example.authing.cn',
    'http://localhost.example.com',
    'ftp://example.authing.cn',
    'https://example.authing.cn/?a=1',
    'https://example.authing.cn/#top',
    'https://user@example.authing.cn',
    'https://user:pass@example.authing.cn',
    'https://exa mple.authing.cn',
    'javascript:alert(1)',
    '',
  ];
  for (const host of hosts) {
    it(`appHost ${JSON.stringify(host)}`, () => {
      // An explicit https issuer, so that only the appHost rules are compared (the default issuer
      // {appHost}/oidc allows plain http on localhost, 127.0.0.1 and [::1] only, not *.localhost).
      const ours = outcome(() => createOidcClient({ appId: 'a', appHost: host, issuer: 'https://idp.example.test/oidc' }).appHost);
      const core = outcome(() => createClient({ host }).host);
      expect(ours).toEqual(core);
    });
  }

  it('refuses a missing appHost (core would make it https://undefined)', () => {
    expect(outcome(() => createOidcClient({ appId: 'a' } as never).appHost)).toMatchObject({ error: 'validation_error', field: 'host' });
  });

  it('introspection and revocation auth follow tokenEndPointAuthMethod unless set', () => {
    const client = createOidcClient({ appId: 'a', appHost: 'https://x.authing.cn', tokenEndPointAuthMethod: 'none' });
    expect(client).toMatchObject({ introspectionEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'none' });
    const mixed = createOidcClient({ appId: 'a', appSecret: 's', appHost: 'https://x.authing.cn', tokenEndPointAuthMethod: 'client_secret_basic', revocationEndPointAuthMethod: 'none' });
    expect(mixed).toMatchObject({ introspectionEndPointAuthMethod: 'client_secret_basic', revocationEndPointAuthMethod: 'none' });
    expect(createOidcClient({ appId: 'a', appHost: 'https://x.authing.cn' })).toMatchObject({ introspectionEndPointAuthMethod: 'client_secret_post' });
  });

  it('timeout and lang: same field and message as core', () => {
    for (const options of [{ timeout: 0 }, { timeout: -1 }, { timeout: Number.NaN }, { lang: 'fr-FR' as never }, { timeout: 5, lang: 'ja-JP' as const }]) {
      const ours = outcome(() => String(createOidcClient({ appId: 'a', appHost: 'example.authing.cn', ...options }).timeout));
      const core = outcome(() => String(createClient({ host: 'example.authing.cn', ...options }).timeout));
      expect(ours).toEqual(core);
    }
  });

  it('option errors read as core\'s `option` message', () => {
    const error = outcome(() => createOidcClient({ appId: '', appHost: 'example.authing.cn' }).appId);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'appId', message: format(enUS, 'option', { field: 'appId', reason: 'a non-empty string' }) });
  });
});

describe('transport errors read as core\'s messages', () => {
  it('network, timeout, aborted', async () => {
    const down = createOidcClient({ appId: 'a', appHost: 'idp.example.test', redirectUri: 'https://app.example.test/cb', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const network = await buildLogoutUrl(down).catch((e: unknown) => e);
    expect(network).toBeInstanceOf(NetworkError);
    expect((network as Error).message).toBe(format(enUS, 'network', { operation: 'discovery', host: 'idp.example.test' }));

    const stalled: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const slow = createOidcClient({ appId: 'a', appHost: 'idp.example.test', redirectUri: 'https://app.example.test/cb', timeout: 50, fetch: stalled });
    const timeout = await buildLogoutUrl(slow).catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect((timeout as Error).message).toBe(format(enUS, 'timeout', { operation: 'discovery', timeout: 50 }));

    const controller = new AbortController();
    controller.abort();
    const waiting = createOidcClient({ appId: 'a', appHost: 'idp.example.test', redirectUri: 'https://app.example.test/cb', fetch: stalled });
    const aborted = await buildLogoutUrl(waiting, {}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(AbortError);
    expect((aborted as Error).message).toBe(format(enUS, 'aborted', { operation: 'discovery' }));
  });
});

describe('discovery', () => {
  const issuer = 'https://idp.example.test/tenant-1';
  const document = {
    issuer,
    authorization_endpoint: 'https://login.example.test/authorize',
    token_endpoint: 'https://login.example.test/token',
    jwks_uri: 'https://login.example.test/keys',
  };
  const base = { appId: 'a', appHost: 'https://example.authing.cn', redirectUri: 'https://app.example.test/cb' };

  it('Authing\'s layout: the authorize URL needs no request', async () => {
    const { fetch, seen } = scripted({});
    const { url } = await buildAuthorizeUrl(createOidcClient({ ...base, fetch }));
    expect(url.startsWith('https://example.authing.cn/oidc/auth?')).toBe(true);
    expect(seen).toEqual([]);
  });

  it('a custom issuer without discovery: ValidationError naming discoverOidcClient, and no request', async () => {
    const { fetch, seen } = scripted({});
    const error = await buildAuthorizeUrl(createOidcClient({ ...base, issuer, fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'issuer' });
    expect((error as Error).message).toContain('discoverOidcClient');
    expect(seen).toEqual([]);
  });

  it('a custom issuer: the authorize URL comes from its discovery document', async () => {
    const { fetch, seen } = scripted({ [`${issuer}/.well-known/openid-configuration`]: () => Response.json(document) });
    const client = await discoverOidcClient({ ...base, issuer, fetch });
    const { url, state, nonce } = await buildAuthorizeUrl(client);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://login.example.test/authorize');
    expect(parsed.searchParams.get('state')).toBe(state);
    expect(parsed.searchParams.get('nonce')).toBe(nonce);
    expect(parsed.searchParams.get('client_id')).toBe('a');
    await buildAuthorizeUrl(client);
    expect(seen).toEqual([`${issuer}/.well-known/openid-configuration`]);
  });

  it('a custom issuer with a trailing slash: one slash before .well-known', async () => {
    const slashed = `${issuer}/`;
    const { fetch, seen } = scripted({ [`${issuer}/.well-known/openid-configuration`]: () => Response.json({ ...document, issuer: slashed }) });
    await discoverOidcClient({ ...base, issuer: slashed, fetch });
    expect(seen).toEqual([`${issuer}/.well-known/openid-configuration`]);
  });

  it('the document\'s issuer must be identical, not merely equivalent', async () => {
    for (const other of [`${issuer}/`, 'https://IDP.example.test/tenant-1', 'https://idp.example.test:443/tenant-1']) {
      const { fetch } = scripted({ [`${issuer}/.well-known/openid-configuration`]: () => Response.json({ ...document, issuer: other }) });
      const error = await discoverOidcClient({ ...base, issuer, fetch }).catch((e: unknown) => e);
      expect(error, other).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'invalid_response' });
    }
  });

  it('a missing document is an http_error with its status; a body that is not a JSON object, an invalid response', async () => {
    const missing = await discoverOidcClient({ ...base, issuer, fetch: scripted({}).fetch }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HttpError);
    expect(missing).toMatchObject({ code: 'http_error', status: 404 });
    for (const body of ['<html>', '[1]', 'null']) {
      const { fetch } = scripted({ [`${issuer}/.well-known/openid-configuration`]: () => new Response(body, { status: 200 }) });
      await expect(discoverOidcClient({ ...base, issuer, fetch })).rejects.toMatchObject({ code: 'invalid_response' });
    }
  });

  it('a document without a usable authorization_endpoint is an invalid response, not a TypeError', async () => {
    const { authorization_endpoint: _, ...partial } = document;
    for (const doc of [partial, { ...document, authorization_endpoint: 'not a url' }, { ...document, authorization_endpoint: 'javascript:alert(1)' }]) {
      const { fetch } = scripted({ [`${issuer}/.well-known/openid-configuration`]: () => Response.json(doc) });
      await expect(discoverOidcClient({ ...base, issuer, fetch })).rejects.toMatchObject({ code: 'invalid_response' });
    }
  });

  it('protocol oauth uses Authing\'s fixed endpoints, without a request', async () => {
    const { fetch, seen } = scripted({});
    const { url, nonce } = await buildAuthorizeUrl(createOidcClient({ ...base, protocol: 'oauth', fetch }));
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://example.authing.cn/oauth/auth');
    expect(parsed.searchParams.get('nonce')).toBeNull();
    expect(parsed.searchParams.get('scope')).toBe('user');
    expect(nonce).toMatch(/^[\w-]{43}$/);
    expect(seen).toEqual([]);
  });
});

describe('safeEqual', () => {
  it('compares UTF-16 code units, so different lone surrogates differ (UTF-8 encoding would make both U+FFFD)', () => {
    expect(safeEqual('\uD800', '\uD801')).toBe(false);
    expect(safeEqual('nonce-1', 'nonce-1')).toBe(true);
    expect(safeEqual('nonce-1', 'nonce-12')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('x', '')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
