import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildAuthorizeUrl,
  createOidcClient,
  getAccessTokenByCode,
  getNewAccessTokenByRefreshToken,
  getUserInfoByAccessToken,
  introspectToken,
  OAuthError,
  revokeToken,
  type OidcClient,
} from '@authing/protocols/oidc';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator, SeedObject } from '../src/index.ts';
import { authentication, start } from './helpers.ts';
import { browser, drive, type Browser } from './browser.ts';

const redirectUri = 'http://127.0.0.1:5173/callback';
const seed: SeedObject = {
  apps: [{ appId: 'emulator-app', appSecret: 'emulator-app-secret', name: 'Web app', redirectUris: [redirectUri] }],
  users: [{ userId: 'alice-id', email: 'alice@example.com', username: 'alice', password: 'alice-pw', name: 'Alice' }],
};
const alice = { account: 'alice@example.com', password: 'alice-pw' };


/** Signs in through the hosted page (offline_access, so prompt=consent) and returns the code and its request. */
async function authorize(client: OidcClient, jar: Browser, credentials?: typeof alice) {
  const request = await buildAuthorizeUrl(client, { scope: 'openid profile email offline_access' });
  expect(request.url).toContain('prompt=consent');
  const landed = await drive(jar, request.url, redirectUri, credentials);
  if (!('url' in landed)) throw new Error(`the flow stopped on a page (${landed.status}): ${landed.page.slice(0, 300)}`);
  return { code: new URL(landed.url).searchParams.get('code')!, request };
}

async function signIn(client: OidcClient, jar = browser()) {
  const { code, request } = await authorize(client, jar, alice);
  const tokens = await getAccessTokenByCode(client, code, { codeVerifier: request.codeVerifier, nonce: request.nonce });
  expect(tokens).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String) });
  return { tokens, code, request, jar };
}

const running: RunningEmulator[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(options: Parameters<typeof start>[0]): Promise<{ emulator: RunningEmulator; client: OidcClient }> {
  const emulator = await start(options);
  running.push(emulator);
  return { emulator, client: createOidcClient({ appId: 'emulator-app', appSecret: 'emulator-app-secret', appHost: emulator.url, redirectUri }) };
}

async function profileStatus(emulator: RunningEmulator, accessToken: string): Promise<number> {
  const auth = authentication(emulator);
  auth.setAccessToken(accessToken);
  return (await auth.getProfile({})).statusCode;
}

describe('OIDC provider state with a data directory', () => {
  it('keeps sessions, grants, codes and tokens across a clean restart; revocations and consumed codes stay so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-oidc-state-'));
    dirs.push(dataDir);
    const first = await open({ seed, dataDir });
    const port = Number(new URL(first.emulator.url).port);

    // Kept: access + refresh tokens, and the browser session that issued them.
    const kept = await signIn(first.client);
    // Revoked before the restart (revoking an access token revokes its grant, refresh token included).
    const revoked = await signIn(first.client);
    await expect(revokeToken(first.client, revoked.tokens.access_token)).resolves.toBe(true);
    expect(await introspectToken(first.client, revoked.tokens.access_token)).toEqual({ active: false });
    // Consumed before the restart: its code was exchanged once.
    const used = await signIn(first.client);
    // Issued but not yet exchanged: the code must survive the restart.
    const pending = await authorize(first.client, kept.jar);
    expect(await profileStatus(first.emulator, kept.tokens.access_token)).toBe(200);
    await first.emulator.stop();
    running.splice(running.indexOf(first.emulator), 1);

    const state = JSON.parse(readFileSync(join(dataDir, 'emulator-state.json'), 'utf8')) as { oidc?: Record<string, unknown> };
    const models = new Set(Object.keys(state.oidc ?? {}).map((key) => key.split(':')[0]));
    expect([...models]).toEqual(expect.arrayContaining(['Session', 'Grant', 'AuthorizationCode', 'AccessToken', 'RefreshToken']));

    const second = await open({ dataDir, port });
    const { emulator, client } = second;

    // The old access token still works on get-profile (v3) and on userinfo.
    const auth = authentication(emulator);
    auth.setAccessToken(kept.tokens.access_token);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 200, data: { userId: 'alice-id', email: 'alice@example.com' } });
    expect(await getUserInfoByAccessToken(client, kept.tokens.access_token)).toMatchObject({ sub: 'alice-id', email: 'alice@example.com', name: 'Alice' });
    expect(await introspectToken(client, kept.tokens.access_token)).toMatchObject({ active: true, sub: 'alice-id', client_id: 'emulator-app' });

    // The refresh token still yields new tokens, which work too.
    const refreshed = await getNewAccessTokenByRefreshToken(client, kept.tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(kept.tokens.access_token);
    expect(refreshed.claims).toMatchObject({ sub: 'alice-id', aud: 'emulator-app' });
    expect(await profileStatus(emulator, refreshed.access_token)).toBe(200);

    // The code issued before the restart is exchanged after it.
    const late = await getAccessTokenByCode(client, pending.code, { codeVerifier: pending.request.codeVerifier, nonce: pending.request.nonce });
    expect(await profileStatus(emulator, late.access_token)).toBe(200);

    // The session survived: the same browser is signed in without a password.
    const again = await drive(kept.jar, (await buildAuthorizeUrl(client)).url, redirectUri);
    expect(again).toHaveProperty('url', expect.stringContaining('code='));

    // The revoked token stays revoked, and so does its grant's refresh token.
    expect(await introspectToken(client, revoked.tokens.access_token)).toEqual({ active: false });
    expect(await profileStatus(emulator, revoked.tokens.access_token)).toBe(401);
    await expect(getUserInfoByAccessToken(client, revoked.tokens.access_token)).rejects.toThrow();
    await expect(getNewAccessTokenByRefreshToken(client, revoked.tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });

    // The consumed code is refused. The provider knows it as consumed (not merely unknown): it treats
    // the reuse as an attack and revokes the tokens that code issued, which were live until then.
    expect(await profileStatus(emulator, used.tokens.access_token)).toBe(200);
    const reuse = getAccessTokenByCode(client, used.code, { codeVerifier: used.request.codeVerifier, nonce: used.request.nonce });
    await expect(reuse).rejects.toBeInstanceOf(OAuthError);
    await expect(reuse).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await profileStatus(emulator, used.tokens.access_token)).toBe(401);
    await expect(getNewAccessTokenByRefreshToken(client, used.tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    // The other grant is untouched.
    expect(await profileStatus(emulator, refreshed.access_token)).toBe(200);
  });

  it('without a data directory keeps the provider state in memory: a new emulator knows none of it', async () => {
    const first = await open({ seed });
    const { tokens } = await signIn(first.client);
    expect(await profileStatus(first.emulator, tokens.access_token)).toBe(200);
    const second = await open({ seed });
    expect(await profileStatus(second.emulator, tokens.access_token)).toBe(401);
  });
});
