// Starts a real CAS server (Debian's django-cas-server, through cas_server.py)
// for the tests, and drives its login form the way a browser would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const casUser = { username: 'casuser', password: 'cas-password' } as const;

export interface CasTestServer {
  /** `http://127.0.0.1:PORT/cas`, the CAS base URL. */
  readonly serverUrl: string;
  /** Last lines of the server's output, to print when a test fails. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

// Debian's interpreter: the pyenv python3 on PATH cannot see dist-packages.
const python = '/usr/bin/python3';
const script = join(import.meta.dirname, 'cas_server.py');

export async function startCasServer(): Promise<CasTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'authing-cas-'));
  const child = spawn(python, [script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-64_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logTail = (lines = 40) => log.split('\n').slice(-lines).join('\n');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const port = await waitForPort(child, () => log, 20_000);
    const serverUrl = `http://127.0.0.1:${port}/cas`;
    await waitUntilAnswering(`${serverUrl}/login`, 10_000);
    return { serverUrl, logTail, stop };
  } catch (error) {
    await stop();
    throw new Error(`django-cas-server did not start: ${(error as Error).message}\n--- server log ---\n${logTail()}`);
  }
}

function waitForPort(child: ChildProcess, log: () => string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no port announced within ${ms} ms`)), ms);
    const check = () => {
      const match = /CAS_SERVER_LISTENING (\d+)/.exec(log());
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null) => finish(new Error(`exited with ${code}`));
    function finish(error?: Error, port?: number) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(port as number);
    }
    // Registered after the log collector, so the chunk is already in the log.
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

async function waitUntilAnswering(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A browser's cookies for one site, just enough for Django's session and CSRF cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }
}

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    const attrs = Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    if (attrs.type === 'hidden' && attrs.name) fields[attrs.name] = (attrs.value ?? '').replaceAll('&amp;', '&');
  }
  return fields;
}

/**
 * Opens `loginUrl` (from buildLoginUrl) like a browser: fills in the form when
 * there is one, follows the SSO shortcut when there is not, and returns the
 * redirect back to the service. Pass the same jar to reuse the SSO session.
 */
export async function loginThroughForm(loginUrl: string, jar: CookieJar = new CookieJar()): Promise<URL> {
  let response = await jar.fetch(loginUrl);
  if (response.status === 200) {
    const html = await response.text();
    const fields = hiddenFields(html);
    if (!fields.csrfmiddlewaretoken || !fields.lt) throw new Error(`no CAS login form at ${loginUrl}:\n${html.slice(0, 500)}`);
    response = await jar.fetch(loginUrl.split('?')[0]!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: loginUrl },
      body: new URLSearchParams({ ...fields, username: casUser.username, password: casUser.password }),
    });
  }
  if (response.status !== 302) throw new Error(`CAS login answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  await response.arrayBuffer();
  return new URL(response.headers.get('location') ?? '');
}

/**
 * A proxy that gives the CAS server Authing's layout, `{appHost}/cas-idp/{appId}/…`, for the
 * clients that build their CAS URLs from `appHost` and `appId` (AuthenticationClient, the v2 shim).
 */
export async function startAuthingCasLayout(cas: CasTestServer, appId: string): Promise<{ appHost: string; stop(): void }> {
  const upstream = new URL(cas.serverUrl);
  const prefix = new RegExp(`^/cas-idp/${appId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|\\?|$)`);
  const proxy = createServer(async (req, res) => {
    const path = (req.url ?? '/').replace(prefix, upstream.pathname);
    const answer = await fetch(`${upstream.origin}${path}`, { method: req.method ?? 'GET', redirect: 'manual' });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { appHost: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, stop: () => proxy.close() };
}
