// A single-page app signing in with OpenID Connect, authorization code + PKCE, as a public
// client: no secret in the browser. The login transaction (state, nonce, verifier) waits in
// sessionStorage while the browser is on the hosted login page; the code is exchanged and
// the ID token validated (signature against the JWKS, iss, aud, nonce, exp) in the page.
import { buildLogoutUrl, completeBrowserTransaction, createBrowserTransaction, createOidcClient, type IdTokenClaims } from '@authing/protocols/oidc';
import { readConfig } from './config.ts';

interface Session {
  claims: IdTokenClaims;
  idToken: string;
}

const sessionKey = 'example.session';
const $ = (id: string) => document.getElementById(id)!;

function show(session: Session | undefined): void {
  $('status').textContent = session ? `Signed in as ${String(session.claims.email ?? session.claims.sub)}` : 'You are signed out.';
  $('sub').textContent = session?.claims.sub ?? '';
  $('email').textContent = typeof session?.claims.email === 'string' ? session.claims.email : '';
  $('profile').hidden = !session;
  $('sign-in').hidden = !!session;
  $('sign-out').hidden = !session;
}

function fail(error: unknown): void {
  const { code, reason, check } = error as { code?: string; reason?: string; check?: string };
  $('error').textContent = `${code ?? 'error'}${reason || check ? ` (${reason ?? check})` : ''}: ${error instanceof Error ? error.message : String(error)}`;
  $('error').hidden = false;
}

function readSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null') as Session | null;
    return session && session.claims.exp * 1000 > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const client = createOidcClient({
    appId: config.appId,
    appHost: config.appHost,
    redirectUri: config.redirectUri,
    logoutRedirectUri: `${location.origin}/`,
    tokenEndPointAuthMethod: 'none',
    scope: 'openid profile email',
  });

  $('sign-in').addEventListener('click', () => {
    createBrowserTransaction(client).then((url) => location.assign(url), fail);
  });
  $('sign-out').addEventListener('click', () => {
    const session = readSession();
    sessionStorage.removeItem(sessionKey);
    show(undefined);
    // RP-initiated logout at the provider, which sends the browser back to this page.
    if (session) buildLogoutUrl(client, { idToken: session.idToken }).then((url) => location.assign(url), fail);
  });

  if (location.pathname === new URL(config.redirectUri).pathname) {
    // Back from the login page: check state and iss, exchange the code with the verifier, validate the ID token.
    const callback = location.href;
    history.replaceState(null, '', '/');
    try {
      const tokens = await completeBrowserTransaction(client, callback);
      sessionStorage.setItem(sessionKey, JSON.stringify({ claims: tokens.claims!, idToken: tokens.id_token! } satisfies Session));
    } catch (error) {
      fail(error);
    }
  }
  show(readSession());
}

main().catch(fail);
