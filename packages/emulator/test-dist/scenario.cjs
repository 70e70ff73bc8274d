// Shared by the ESM and CJS smoke tests: start the built emulator, get a
// management token, create and read a user, hit a 501, and stop.
const assert = require('node:assert/strict');

module.exports = {
  title: 'the built emulator starts, serves and stops',
  async run({ startEmulator }) {
    const emulator = await startEmulator({ port: 0 });
    try {
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const post = (path, body, headers = {}) =>
        fetch(emulator.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());
      const token = await post('/api/v3/get-management-token', { accessKeyId: 'emulator-pool', accessKeySecret: 'emulator-secret' });
      assert.equal(token.statusCode, 200);
      const auth = { authorization: `Bearer ${token.data.access_token}`, 'x-authing-userpool-id': 'emulator-pool' };
      const user = await post('/api/v3/create-user', { email: 'smoke@example.com' }, auth);
      assert.equal(user.data.email, 'smoke@example.com');
      const missing = await post('/api/v3/create-tenant', {}, auth);
      assert.equal(missing.statusCode, 501);
    } finally {
      await emulator.stop();
    }
  },
};
