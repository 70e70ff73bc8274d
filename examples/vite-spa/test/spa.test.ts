// End to end in headless Chromium: `vite build` of the app (config baked in at build time), served
// from a small static server on 127.0.0.1, the Authing emulator as the OpenID provider, and a
// real browser running the code exchange and the ID-token validation in the page.
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { startEmulator, type RunningEmulator } from '@authing/emulator';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const alice = { email: 'alice@example.com', password: 'alice-pw' };
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
let tmp: string;
let outDir: string;
let server: Server;
let origin: string;
let emulator: RunningEmulator;
let browser: BrowserContext;
let page: Page;
let problems: string[];
const tokenRequests: Request[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vite-spa-test-'));
  outDir = join(tmp, 'dist');
  // The static server listens first: the emulator's seed needs the SPA's redirect URI, with its free port.
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = path.startsWith('/assets/') ? join(outDir, path) : join(outDir, 'index.html'); // SPA fallback: /, /callback
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  emulator = await startEmulator({
    lang: 'en-US',
    seed: {
      apps: [{ appId: 'spa', name: 'Vite SPA example', tokenEndPointAuthMethod: 'none', redirectUris: [`${origin}/callback`] }],
      users: [{ userId: 'alice-id', email: alice.email, password: alice.password, username: 'alice', name: 'Alice' }],
    },
  });

  // What `pnpm build` does, with the test's emulator and origin baked in instead of .env's values.
  await build({
    root: join(import.meta.dirname, '..'),
    configFile: false,
    envDir: tmp, // no .env files there: only `define` below
    logLevel: 'warn',
    define: {
      'import.meta.env.VITE_AUTHING_APP_HOST': JSON.stringify(emulator.url),
      'import.meta.env.VITE_AUTHING_APP_ID': JSON.stringify('spa'),
      'import.meta.env.VITE_AUTHING_REDIRECT_URI': JSON.stringify(`${origin}/callback`),
    },
    build: { outDir, emptyOutDir: true },
  });

  browser = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  browser.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${emulator.url}/oidc/token`) tokenRequests.push(request);
  });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await browser.clearCookies();
  page = await browser.newPage();
  problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
});
afterEach(() => page?.close());

async function signIn(password: string): Promise<void> {
  await page.goto(`${origin}/`);
  await expect.poll(() => page.textContent('#status')).toBe('You are signed out.');
  await page.click('#sign-in');
  await page.waitForURL(`${emulator.url}/oidc/interaction/**`);
  await page.fill('#account', alice.email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

describe('vite-spa', () => {
  it('builds a bundle with the config baked in and no secret', async () => {
    const assets = await readdir(join(outDir, 'assets'));
    const js = (await Promise.all(assets.filter((name) => name.endsWith('.js')).map((name) => readFile(join(outDir, 'assets', name), 'utf8')))).join('\n');
    expect(js).toContain(emulator.url);
    expect(js).not.toMatch(/from ?["']node:/);
    expect(js).not.toContain('import.meta.env');
  });

  it('signs in with PKCE through the hosted login page, shows the validated claims, and signs out', async () => {
    await signIn(alice.password);
    await page.waitForURL(`${origin}/`); // the callback URL is replaced once used
    await expect.poll(() => page.textContent('#status')).toBe(`Signed in as ${alice.email}`);
    expect(await page.textContent('#email')).toBe(alice.email);
    expect(await page.textContent('#sub')).toBe('alice-id');
    expect(await page.isVisible('#error')).toBe(false);
    expect(problems).toEqual([]);
    // The transaction was consumed; the code went from the page to the token endpoint, with no client secret.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['example.session']);
    expect(tokenRequests).toHaveLength(1);
    const headers = await tokenRequests[0]!.allHeaders();
    expect(headers.origin).toBe(origin);
    expect(headers.authorization).toBeUndefined();
    const body = new URLSearchParams(tokenRequests[0]!.postData() ?? '');
    expect(body.get('code_verifier')).toMatch(/^[\w-]{43}$/);
    expect(body.get('client_secret')).toBeNull();
    // A reload keeps the session (sessionStorage).
    await page.reload();
    await expect.poll(() => page.textContent('#status')).toBe(`Signed in as ${alice.email}`);

    // Sign out: the provider's logout page, then back to the app, signed out.
    await page.click('#sign-out');
    await page.waitForURL(`${emulator.url}/oidc/session/end**`);
    await page.click('button[name=logout][value=yes]');
    await page.waitForURL(`${origin}/**`);
    await expect.poll(() => page.textContent('#status')).toBe('You are signed out.');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // Signed out at the provider too: signing in again asks for the password.
    await page.click('#sign-in');
    await page.waitForURL(`${emulator.url}/oidc/interaction/**`);
    expect(await page.isVisible('#password')).toBe(true);
  });

  it('shows the login form again with an error on a wrong password', async () => {
    await signIn('not-the-password');
    await page.waitForSelector('.error[role=alert]');
    expect(await page.textContent('.error[role=alert]')).toMatch(/wrong|password/i);
    expect(page.url()).toContain(`${emulator.url}/oidc/interaction/`);
    await page.goto(`${origin}/`);
    await expect.poll(() => page.textContent('#status')).toBe('You are signed out.');
  });

  it('refuses a callback it did not start', async () => {
    await page.goto(`${origin}/callback?code=forged&state=forged&iss=${encodeURIComponent(`${emulator.url}/oidc`)}`);
    await expect.poll(() => page.textContent('#error')).toContain('no_transaction');
    expect(await page.textContent('#status')).toBe('You are signed out.');
  });
});
