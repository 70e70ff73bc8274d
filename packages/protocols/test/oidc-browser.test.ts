// The browser flow in a real Chromium: the page bundles this module with esbuild for the
// browser platform, redirects to a real oidc-provider, logs in, comes back and validates the
// ID token in the page (WebCrypto, fetch, sessionStorage, CORS).
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild-wasm';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type OidcTestServer } from './servers/oidc-provider.ts';

let app: Server;
let appOrigin: string;
let op: OidcTestServer;
let browser: BrowserContext;
let userDataDir: string;
let bundle: string;
let inputs: string[];

beforeAll(async () => {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./browser/oidc-page.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
  inputs = Object.keys(result.metafile.inputs);

  app = createServer((req, res) => {
    if (req.url === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!DOCTYPE html><html><body><pre id="out">loading</pre>
<script>window.oidcTest = ${JSON.stringify({ appHost: op.origin })};</script>
<script type="module" src="/app.js"></script></body></html>`);
  });
  app.listen(0, '127.0.0.1');
  await once(app, 'listening');
  appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  op = await startOidcProvider({ redirectUris: [`${appOrigin}/callback`] });

  userDataDir = await mkdtemp(join(tmpdir(), 'oidc-chromium-'));
  // A fresh profile per run: launchPersistentContext is how playwright takes a user data dir.
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await op?.close();
  await new Promise((resolve) => app?.close(resolve));
  esbuild.stop();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe('browser', () => {
  it('bundles for the browser without XML or SAML code', () => {
    expect(inputs.some((path) => path.includes('src/oidc/'))).toBe(true);
    for (const banned of ['fast-xml-parser', 'node-saml', 'xmldom', 'xml-crypto', 'src/saml', 'src/cas']) {
      expect(inputs.filter((path) => path.includes(banned))).toEqual([]);
    }
    expect(bundle).not.toMatch(/from ?["']node:/);
  });

  it('logs in with a browser transaction and validates the ID token in the page', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${appOrigin}/`);
    await page.waitForURL(`${appOrigin}/callback**`, { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'loading', undefined, { timeout: 30_000 });
    const text = await page.textContent('#out');
    expect(problems).toEqual([]);
    expect(text).toBe('sub=frank nonce-checked=yes');
    // The transaction was consumed: sessionStorage no longer holds it.
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // The code exchange went from the page to the real token endpoint, with PKCE.
    const token = op.requests.find((r) => r.url === '/oidc/token');
    expect(token?.headers.origin).toBe(appOrigin);
    await page.close();
  }, 60_000);
});
