// auth0 7's bundled v4 AuthenticationClient (auth0/legacy), as in perf-anchors: the code grant,
// whose ID token is validated with its RS256 signature (jose remote JWKS). It builds no authorize URL.
import { AuthenticationClient } from 'auth0/legacy';

const auth = new AuthenticationClient({ domain: 'example.auth0.com', clientId: 'app', clientSecret: 'secret' });
export const run = (code) => auth.oauth.authorizationCodeGrant({ code, redirect_uri: 'https://app.example.com/callback' });
