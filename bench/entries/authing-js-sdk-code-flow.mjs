// Today's Authing browser SDK, as in perf-anchors: authorize URL + code exchange (no ID-token validation).
import { AuthenticationClient } from 'authing-js-sdk';

const client = new AuthenticationClient({
  appId: 'app',
  appHost: 'https://example.authing.cn',
  redirectUri: 'https://app.example.com/callback',
  tokenEndPointAuthMethod: 'none',
});
export const authorize = (state, nonce) => client.buildAuthorizeUrl({ scope: 'openid profile', state, nonce });
export const callback = (code, codeVerifier) => client.getAccessTokenByCode(code, { codeVerifier });
