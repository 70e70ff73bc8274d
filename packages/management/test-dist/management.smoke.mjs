// The built ES module output, loaded by package name and subpaths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { ManagementClient, isAuthingError } from '@authing/management';
import { createManagementClient } from '@authing/management/client';
import { listUsers } from '@authing/management/users';
import * as node from '@authing/management/node';

test('ESM: ManagementClient and the per-resource functions call a local server', async () => {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const data = req.url === '/api/v3/get-management-token' ? { access_token: 'cjs-token', expires_in: 60 } : { totalCount: 1, list: [{ userId: 'u1' }] };
    res.end(JSON.stringify({ statusCode: 200, message: '', data }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${server.address().port}`;
  try {
    const management = new ManagementClient({ accessKeyId: 'cjs', accessKeySecret: 'secret', host });
    assert.equal((await management.listUsers({})).data.totalCount, 1);
    const client = createManagementClient({ accessKeyId: 'cjs', accessKeySecret: 'secret', host, throwOnError: true });
    assert.deepEqual((await listUsers(client, {})).list, [{ userId: 'u1' }]);
    assert.equal(typeof new node.ManagementClient({ accessKeyId: 'a', accessKeySecret: 'b', host }).listUsers, 'function');
    await assert.rejects(listUsers(client, 'bad'), (error) => isAuthingError(error) && error.code === 'validation_error');
  } finally {
    server.close();
  }
});
