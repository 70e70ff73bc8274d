// The README's quickstart, step by step: each call is one of the official SDK
// docs' snippets, and each result is printed as the SDK returns it.
import { AuthenticationClient } from '@authing/authentication';
import { redact } from '@authing/core';
import { ManagementClient } from '@authing/management';
import { chooseTarget } from './target.ts';

const target = await chooseTarget();
console.log(`Running against the ${target.kind}: ${target.management.host}\n`);

// Against a real pool the answers hold live tokens: print them redacted.
function show(step: string, result: unknown): void {
  const text = redact(JSON.stringify(result, null, 2));
  console.log(`▶ ${step}\n${text.length > 1200 ? `${text.slice(0, 1200)}\n  …` : text}\n`);
}

try {
  const management = new ManagementClient({ ...target.management, lang: 'en-US' });
  const { email, password } = target.user;

  const created = await management.createUser({ email, password, nickname: 'Quickstart' });
  show('management.createUser({ email, password, nickname })', created);
  if (created.statusCode !== 200) throw new Error(`createUser failed: ${created.message}`);

  show('management.listUsers({ keywords: "quickstart", options: { pagination: { page: 1, limit: 10 } } })',
    await management.listUsers({ keywords: 'quickstart', options: { pagination: { page: 1, limit: 10 } } }));

  const code = `quickstart-${Date.now()}`;
  show('management.createRole({ code, description })', await management.createRole({ code, description: 'Created by the SDK quickstart' }));
  show("management.assignRole({ code, targets: [{ targetType: 'USER', targetIdentifier: userId }] })",
    await management.assignRole({ code, targets: [{ targetType: 'USER', targetIdentifier: created.data.userId }] }));

  const auth = new AuthenticationClient({ ...target.app, lang: 'en-US' });
  const login = await auth.signInByEmailPassword({ email, password });
  show('auth.signInByEmailPassword({ email, password })', login);
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.message}`);

  auth.setAccessToken(login.data.access_token);
  show("auth.setAccessToken(access_token); auth.updateProfile({ nickname: 'Alice' })", await auth.updateProfile({ nickname: 'Alice' }));

  // OIDC code flow with PKCE through the hosted login page. A real pool's page needs a
  // person at a browser; against the emulator, fetch and a tiny cookie jar stand in for one.
  const oidcStep = 'auth.buildAuthorizeUrl() → hosted login page → auth.getAccessTokenByCode(code, { codeVerifier, nonce })';
  if (target.kind === 'emulator') {
    // The emulator's default app has no registered redirect URI, so any loopback /callback is allowed.
    const redirectUri = 'http://127.0.0.1:5173/callback';
    const oidc = new AuthenticationClient({ ...target.app, redirectUri, lang: 'en-US' });
    const { url, state, nonce, codeVerifier } = await oidc.buildAuthorizeUrl({ scope: 'openid profile email' });
    const callback = await signInAsBrowser(url, redirectUri, { account: email, password });
    if (callback.searchParams.get('state') !== state) throw new Error('state mismatch on the OIDC callback');
    const tokens = await oidc.getAccessTokenByCode(callback.searchParams.get('code')!, { codeVerifier: codeVerifier!, nonce: nonce!, requireIdToken: true });
    show(oidcStep, { token_type: tokens.token_type, expires_in: tokens.expires_in, scope: tokens.scope, id_token_claims: tokens.claims });
  } else {
    console.log(`▶ ${oidcStep}\nskipped: against a user pool this step needs a person signing in at a browser\n`);
  }

  const wrong = await auth.signInByEmailPassword({ email, password: 'not-the-password' });
  show('auth.signInByEmailPassword({ email, password: wrong }) → apiCode 2333', wrong);
  if (wrong.statusCode === 200 || wrong.apiCode !== 2333) throw new Error('expected apiCode 2333 for a wrong password');
} finally {
  await target.stop();
}

/**
 * A stand-in for the user's browser: follows redirects with a tiny cookie jar and, on the
 * hosted login page, submits the form once. Returns the callback URL with `code` and `state`.
 */
async function signInAsBrowser(start: string, redirectUri: string, credentials: { account: string; password: string }): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  let init: RequestInit | undefined;
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const response = await fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      init = undefined;
      continue;
    }
    const action = /<form method="post" action="([^"]+)"/.exec(await response.text())?.[1];
    if (!action || init) throw new Error(`the hosted login page did not sign in (HTTP ${response.status})`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(credentials).toString() };
  }
  throw new Error('too many redirects on the OIDC flow');
}
