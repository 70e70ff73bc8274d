// The scenario both smoke tests run, once with the modules loaded by require()
// and once by import, so that both builds are exercised by the same checks.
const assert = require('node:assert/strict');
const http = require('node:http');

exports.title = 'a call through ky to a local server, and the subpath entries';

exports.run = async ({ core, nodeEntry, zh }) => {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statusCode: 200, message: 'ok', data: { url: req.url, lang: req.headers['x-authing-lang'] } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = core.createClient({ host: `http://127.0.0.1:${server.address().port}`, lang: 'zh-CN', messages: zh.zhCN, fetch: nodeEntry.createNodeFetch() });
    const getUser = core.defineOperation({ name: 'getUser', method: 'GET', path: '/api/v3/get-user', required: ['userId'], safe: true });
    assert.deepEqual((await getUser(client, { userId: 'u 1' })).data, { url: '/api/v3/get-user?userId=u+1', lang: 'zh-CN' });
    await assert.rejects(getUser(client, {}), (error) => core.isAuthingError(error) && error.code === 'validation_error' && /缺少/.test(error.message));
  } finally {
    server.close();
  }
  assert.match(core.sdkVersion, /^\d+\.\d+\.\d+/);
};
