// The scenario both smoke tests run, once with the modules loaded by require()
// and once by import, so that both builds are exercised by the same checks.
const assert = require('node:assert/strict');
const http = require('node:http');

exports.title = 'AuthenticationClient and the per-resource functions call a local server';

exports.run = async ({ root, clientEntry, profile, nodeEntry }) => {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const data = req.url === '/api/v3/signin' ? { access_token: 'at', token_type: 'Bearer', expire_in: 60 } : { auth: req.headers.authorization };
    res.end(JSON.stringify({ statusCode: 200, message: '', data }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appHost = `http://127.0.0.1:${server.address().port}`;
  try {
    const auth = new root.AuthenticationClient({ appId: 'app', appSecret: 'secret', appHost });
    const login = await auth.signInByEmailPassword({ email: 'a@example.com', password: 'pw-123456' });
    auth.setAccessToken(login.data.access_token);
    assert.equal((await auth.getProfile()).data.auth, 'Bearer at');
    const client = clientEntry.createAuthenticationClient({ appId: 'app', appSecret: 'secret', appHost, accessToken: 'x', throwOnError: true });
    assert.equal((await profile.getProfile(client)).auth, 'Bearer x');
    assert.equal(typeof new nodeEntry.AuthenticationClient({ appId: 'a', appSecret: 'b', appHost }).signUp, 'function');
  } finally {
    server.close();
  }
};
