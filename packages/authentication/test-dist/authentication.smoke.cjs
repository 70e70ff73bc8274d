// The built CommonJS output, loaded by package name and subpaths.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { AuthenticationClient } = require('@authing/authentication');
const { createAuthenticationClient } = require('@authing/authentication/client');
const { getProfile } = require('@authing/authentication/profile');
const node = require('@authing/authentication/node');

test('CJS: AuthenticationClient and the per-resource functions call a local server', async () => {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const data = req.url === '/api/v3/signin' ? { access_token: 'at', token_type: 'Bearer', expire_in: 60 } : { auth: req.headers.authorization };
    res.end(JSON.stringify({ statusCode: 200, message: '', data }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appHost = `http://127.0.0.1:${server.address().port}`;
  try {
    const auth = new AuthenticationClient({ appId: 'app', appSecret: 'secret', appHost });
    const login = await auth.signInByEmailPassword({ email: 'a@example.com', password: 'pw-123456' });
    auth.setAccessToken(login.data.access_token);
    assert.equal((await auth.getProfile()).data.auth, 'Bearer at');
    const client = createAuthenticationClient({ appId: 'app', appSecret: 'secret', appHost, accessToken: 'x', throwOnError: true });
    assert.equal((await getProfile(client)).auth, 'Bearer x');
    assert.equal(typeof new node.AuthenticationClient({ appId: 'a', appSecret: 'b', appHost }).signUp, 'function');
  } finally {
    server.close();
  }
});
