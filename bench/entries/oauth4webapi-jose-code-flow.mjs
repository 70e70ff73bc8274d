// The floor: what @authing/protocols/oidc is built on, used directly for the same flow.
// oauth4webapi: discovery, authorize URL with PKCE, callback check, code grant, ID-token claims;
// jose: the ID token's signature against the remote JWKS (createRemoteJWKSet caches it).
import * as oauth from 'oauth4webapi';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const issuer = new URL('https://example.authing.cn/oidc');
const client = { client_id: 'app' };
const redirect_uri = 'https://app.example.com/callback';
let jwks;

export async function run(callbackUrl) {
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc' }));
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({ client_id: client.client_id, response_type: 'code', redirect_uri, scope: 'openid profile', state, nonce, code_challenge_method: 'S256' })) {
    url.searchParams.set(k, v);
  }
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  const params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirect_uri, codeVerifier);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
  jwks ??= createRemoteJWKSet(new URL(as.jwks_uri));
  const { payload } = await jwtVerify(tokens.id_token, jwks, { issuer: as.issuer, audience: client.client_id, algorithms: ['RS256'] });
  return { url: url.href, claims: payload };
}
