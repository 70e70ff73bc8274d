// End to end in headless Chromium: the Express app on 127.0.0.1, the Authing emulator as the
// OpenID provider with its hosted login page, and a real browser clicking through.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@authing/emulator';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, sessionCookieName } from '../src/app.ts';

const alice = { email: 'alice@example.com', password: 'alice-pw' };
let server: Server;
let origin: string;
let emulator: RunningEmulator;
let browser: BrowserContext;
let userDataDir: string;
let page: Page;

beforeAll(async () => {
  // Listen first: the emulator's seed needs the app's redirect URI, with its free port.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  server = createServer((req, res) => handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator = await startEmulator({
    lang: 'en-US',
    seed: {
      apps: [{ appId: 'express-app', appSecret: 'express-app-secret', name: 'Express example', redirectUris: [`${origin}/callback`] }],
      users: [{ userId: 'alice-id', email: alice.email, password: alice.password, username: 'alice', name: 'Alice' }],
    },
  });
  handler = createApp({
    appHost: emulator.url,
    appId: 'express-app',
    appSecret: 'express-app-secret',
    redirectUri: `${origin}/callback`,
    cookieSecret: 'a test cookie secret of at least 32 characters',
  });
  userDataDir = await mkdtemp(join(tmpdir(), 'express-oidc-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await browser.clearCookies();
  page = await browser.newPage();
});
afterEach(() => page?.close());

/** From the app's home page to the emulator's hosted login form, then submits it. */
async function signIn(password: string): Promise<void> {
  await page.goto(`${origin}/`);
  await expect.poll(() => page.textContent('#status')).toBe('You are signed out.');
  await page.click('#login');
  await page.waitForURL(`${emulator.url}/oidc/interaction/**`);
  await page.fill('#account', alice.email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

describe('express-oidc', () => {
  it('signs in through the hosted login page, keeps the claims in a signed HttpOnly cookie, and signs out', async () => {
    await signIn(alice.password);
    await page.waitForURL(`${origin}/`);
    expect(await page.textContent('#status')).toBe(`Signed in as ${alice.email}`);
    expect(await page.textContent('#sub')).toBe('alice-id');

    const cookies = await browser.cookies(origin);
    const session = cookies.find((cookie) => cookie.name === sessionCookieName);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    // The transaction cookie was consumed.
    expect(cookies.find((cookie) => cookie.name === 'authing_oidc_tx')).toBeUndefined();
    // Page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain(sessionCookieName);

    // A tampered session cookie is ignored.
    const [body = '', mac = ''] = session!.value.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), claims: { sub: 'mallory', email: 'mallory@example.com' } })).toString('base64url');
    const tampered = await fetch(`${origin}/`, { headers: { cookie: `${sessionCookieName}=${forged}.${mac}` } });
    expect(await tampered.text()).toContain('You are signed out.');

    // Sign out: the app clears its cookie and sends the browser to the provider's logout page.
    await page.click('#logout');
    await page.waitForURL(`${emulator.url}/oidc/session/end**`);
    await page.click('button[name=logout][value=yes]');
    await page.waitForURL(`${origin}/**`);
    expect(await page.textContent('#status')).toBe('You are signed out.');
    expect((await browser.cookies(origin)).find((cookie) => cookie.name === sessionCookieName)).toBeUndefined();

    // Signed out at the provider too: signing in again asks for the password.
    await page.click('#login');
    await page.waitForURL(`${emulator.url}/oidc/interaction/**`);
    expect(await page.isVisible('#password')).toBe(true);
  });

  it('shows the login form again with an error on a wrong password', async () => {
    await signIn('not-the-password');
    await page.waitForSelector('.error[role=alert]');
    expect(await page.textContent('.error[role=alert]')).toMatch(/wrong|password/i);
    expect(page.url()).toContain(`${emulator.url}/oidc/interaction/`);
    expect(await page.inputValue('#account')).toBe(alice.email);
    // Still signed out of the app.
    await page.goto(`${origin}/`);
    expect(await page.textContent('#status')).toBe('You are signed out.');
  });

  it('refuses a callback without its transaction cookie', async () => {
    const response = await fetch(`${origin}/callback?code=x&state=y&iss=${encodeURIComponent(`${emulator.url}/oidc`)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('no_transaction');
  });
});
