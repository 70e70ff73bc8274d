// The scenario both smoke tests run, once with the modules loaded by require()
// and once by import, so that both builds are exercised by the same checks.
const assert = require('node:assert/strict');
const http = require('node:http');

exports.title = 'ManagementClient and the per-resource functions call a local server';

exports.run = async ({ root, clientEntry, users, nodeEntry }) => {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const data = req.url === '/api/v3/get-management-token' ? { access_token: 'cjs-token', expires_in: 60 } : { totalCount: 1, list: [{ userId: 'u1' }] };
    res.end(JSON.stringify({ statusCode: 200, message: '', data }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${server.address().port}`;
  try {
    const management = new root.ManagementClient({ accessKeyId: 'cjs', accessKeySecret: 'secret', host });
    assert.equal((await management.listUsers({})).data.totalCount, 1);
    const client = clientEntry.createManagementClient({ accessKeyId: 'cjs', accessKeySecret: 'secret', host, throwOnError: true });
    assert.deepEqual((await users.listUsers(client, {})).list, [{ userId: 'u1' }]);
    assert.equal(typeof new nodeEntry.ManagementClient({ accessKeyId: 'a', accessKeySecret: 'b', host }).listUsers, 'function');
    await assert.rejects(users.listUsers(client, 'bad'), (error) => root.isAuthingError(error) && error.code === 'validation_error');
  } finally {
    server.close();
  }
};
