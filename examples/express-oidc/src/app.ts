// An Express 5 app with server-side OIDC login: the login transaction (state, nonce, PKCE
// verifier) travels in @authing/protocols' signed cookie, and the validated ID-token claims
// are kept in this app's own signed session cookie. No server-side session store.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  buildLogoutUrl,
  clearTransactionCookie,
  completeTransactionCookie,
  createOidcClient,
  createTransactionCookie,
  type IdTokenClaims,
} from '@authing/protocols/oidc';
import express, { type Express, type Response } from 'express';

export interface AppOptions {
  /** The Authing app's domain, e.g. `https://my-app.authing.cn`, or the emulator's URL. */
  appHost: string;
  appId: string;
  appSecret: string;
  /** This app's `/callback`, registered in the Authing app's login callback URLs. */
  redirectUri: string;
  /** At least 32 characters; signs the transaction and session cookies (HMAC-SHA256). */
  cookieSecret: string;
  /** Default `openid profile email`. */
  scope?: string;
}

/** What the session cookie holds: the validated claims, and the ID token for the logout hint. */
interface Session {
  claims: IdTokenClaims;
  idToken: string;
  /** Milliseconds since the epoch. */
  exp: number;
}

export const sessionCookieName = 'example_session';
const sessionLifetime = 8 * 3600;

function isLoopback(uri: string): boolean {
  const { hostname } = new URL(uri);
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Express + Authing OIDC</title></head><body><main>${body}</main></body></html>`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function createApp(options: AppOptions): Express {
  const { cookieSecret, redirectUri } = options;
  if (typeof cookieSecret !== 'string' || cookieSecret.length < 32) throw new Error('cookieSecret must be at least 32 characters');
  const home = new URL('/', redirectUri).href;
  const client = createOidcClient({
    appId: options.appId,
    appSecret: options.appSecret,
    appHost: options.appHost,
    redirectUri,
    logoutRedirectUri: home,
    scope: options.scope ?? 'openid profile email',
  });
  const secure = !isLoopback(redirectUri);
  const sessionAttributes = `HttpOnly; SameSite=Lax; Path=/${secure ? '; Secure' : ''}`;

  const sign = (body: string) => createHmac('sha256', cookieSecret).update(body).digest('base64url');

  function sessionCookie(session: Session): string {
    const body = Buffer.from(JSON.stringify(session)).toString('base64url');
    return `${sessionCookieName}=${body}.${sign(body)}; ${sessionAttributes}; Max-Age=${sessionLifetime}`;
  }
  const clearSessionCookie = `${sessionCookieName}=; ${sessionAttributes}; Max-Age=0`;

  function readSession(cookieHeader: string | undefined): Session | undefined {
    const [body, mac, extra] = (readCookie(cookieHeader, sessionCookieName) ?? '').split('.');
    if (!body || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(sign(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const session = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Session;
      return typeof session.exp === 'number' && session.exp > Date.now() && typeof session.claims?.sub === 'string' ? session : undefined;
    } catch {
      return undefined;
    }
  }

  const noStore = (res: Response) => res.set('cache-control', 'no-store');

  const app = express();
  app.disable('x-powered-by');

  app.get('/', (req, res) => {
    noStore(res);
    const session = readSession(req.headers.cookie);
    if (!session) {
      res.send(page('<h1>Express + Authing</h1><p id="status">You are signed out.</p><p><a id="login" href="/login">Sign in</a></p>'));
      return;
    }
    const { sub, email, name } = session.claims;
    const who = typeof email === 'string' ? email : sub;
    res.send(
      page(
        `<h1>Express + Authing</h1><p id="status">Signed in as <strong id="user">${escapeHtml(who)}</strong></p>` +
          `<dl><dt>sub</dt><dd id="sub">${escapeHtml(sub)}</dd>${typeof name === 'string' ? `<dt>name</dt><dd>${escapeHtml(name)}</dd>` : ''}</dl>` +
          // POST, so that a link on another site cannot sign the user out.
          '<form method="post" action="/logout"><button id="logout" type="submit">Sign out</button></form>',
      ),
    );
  });

  app.get('/login', async (_req, res) => {
    const { url, setCookie } = await createTransactionCookie(client, { secret: cookieSecret });
    noStore(res);
    res.set('Set-Cookie', setCookie);
    res.redirect(302, url);
  });

  app.get('/callback', async (req, res) => {
    noStore(res);
    try {
      const tokens = await completeTransactionCookie(client, { secret: cookieSecret, cookieHeader: req.headers.cookie, callbackUrl: req.originalUrl });
      res.set('Set-Cookie', [tokens.clearCookie, sessionCookie({ claims: tokens.claims!, idToken: tokens.id_token!, exp: Date.now() + sessionLifetime * 1000 })]);
      res.redirect(303, '/');
    } catch (error) {
      res.set('Set-Cookie', clearTransactionCookie(client));
      const code = (error as { code?: string }).code ?? 'error';
      const reason = (error as { reason?: string; error?: string }).reason ?? (error as { error?: string }).error ?? '';
      res
        .status(400)
        .send(page(`<h1>Sign-in failed</h1><p id="error">${escapeHtml(code)}${reason ? ` (${escapeHtml(reason)})` : ''}</p><p><a href="/login">Try again</a></p>`));
    }
  });

  app.post('/logout', async (req, res) => {
    const session = readSession(req.headers.cookie);
    noStore(res);
    res.set('Set-Cookie', clearSessionCookie);
    // Sign out at the provider too (RP-initiated logout), which comes back to `/`.
    res.redirect(303, session ? await buildLogoutUrl(client, { idToken: session.idToken }) : '/');
  });

  return app;
}
