// Runs in Chromium: the whole browser login with the public client, from the module's source.
import { completeBrowserTransaction, createBrowserTransaction, createOidcClient } from '../../src/oidc/index.ts';

declare global {
  interface Window {
    oidcTest: { appHost: string };
  }
}

const output = document.getElementById('out') as HTMLElement;
const client = createOidcClient({
  appId: 'public-client',
  appHost: window.oidcTest.appHost,
  redirectUri: `${location.origin}/callback`,
  tokenEndPointAuthMethod: 'none',
  scope: 'openid profile email',
});

async function main(): Promise<void> {
  if (location.pathname === '/callback') {
    const tokens = await completeBrowserTransaction(client, location.href);
    output.textContent = `sub=${tokens.claims?.sub ?? 'none'} nonce-checked=${tokens.claims?.nonce ? 'yes' : 'no'}`;
    return;
  }
  location.assign(await createBrowserTransaction(client, { loginHint: 'frank' }));
}

main().catch((error: unknown) => {
  const e = error as { name?: string; code?: string; message?: string };
  output.textContent = `error ${e.name ?? ''} ${e.code ?? ''} ${e.message ?? String(error)}`;
});
