// Browser/edge sign-in redirect: only the OIDC client factory and the authorize URL builder.
import { buildAuthorizeUrl, createOidcClient } from '@authing/protocols/oidc';

const client = createOidcClient({ appId: 'app', appHost: 'https://example.authing.cn', redirectUri: 'https://app.example.com/callback' });
export const run = () => buildAuthorizeUrl(client);
