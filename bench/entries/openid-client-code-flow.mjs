// openid-client 6, as in perf-anchors: discovery + authorize URL (PKCE, nonce) + code grant.
// The ID token's claims are validated, its signature is not (enableNonRepudiationChecks is off by default).
import * as client from 'openid-client';

const redirect_uri = 'https://app.example.com/callback';
export async function run(callbackUrl) {
  const config = await client.discovery(new URL('https://example.authing.cn/oidc'), 'app', undefined, client.None());
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const code_challenge = await client.calculatePKCECodeChallenge(pkceCodeVerifier);
  const expectedNonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, { redirect_uri, scope: 'openid profile', code_challenge, code_challenge_method: 'S256', nonce: expectedNonce });
  const tokens = await client.authorizationCodeGrant(config, new URL(callbackUrl), { pkceCodeVerifier, expectedNonce });
  return { url, claims: tokens.claims() };
}
