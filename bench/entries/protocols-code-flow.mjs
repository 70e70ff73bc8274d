// Browser/edge authorization-code flow: authorize URL, code exchange (which validates the
// ID token: signature with the JWKS, iss/aud/exp/nonce/at_hash…), and a standalone ID-token check.
import { buildAuthorizeUrl, createOidcClient, getAccessTokenByCode, verifyIdToken } from '@authing/protocols/oidc';

const client = createOidcClient({
  appId: 'app',
  appHost: 'https://example.authing.cn',
  redirectUri: 'https://app.example.com/callback',
  tokenEndPointAuthMethod: 'none',
});
export const authorize = () => buildAuthorizeUrl(client);
export const callback = (code, { codeVerifier, nonce }) => getAccessTokenByCode(client, code, { codeVerifier, nonce });
export const verify = (idToken, nonce) => verifyIdToken(client, idToken, { nonce });
