// The built ES module output, loaded by package name and subpaths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { AuthenticationClient } from '@authing/authentication';
import { createAuthenticationClient } from '@authing/authentication/client';
import { getProfile } from '@authing/authentication/profile';
import * as node from '@authing/authentication/node';

test('ESM: AuthenticationClient and the per-resource functions call a local server', async () => {
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
