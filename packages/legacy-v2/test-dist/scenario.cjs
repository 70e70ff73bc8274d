// The scenario both smoke tests run, once with the package loaded by require()
// and once by import, so that both builds are exercised by the same checks.
const assert = require('node:assert/strict');

exports.title = 'the v2 clients load, and reject bad options with AuthingV2Error before sending anything';

exports.run = async ({ ManagementClient, AuthenticationClient, AuthingV2Error }) => {
  const calls = [];
  const fetch = async (request) => {
    calls.push(request);
    throw new Error('nothing may be sent');
  };
  assert.throws(() => new ManagementClient({ userPoolId: '', secret: 's' }), (error) => error instanceof AuthingV2Error && error.code === 'validation_error');
  const management = new ManagementClient({ userPoolId: 'pool', secret: 'secret', fetch, deprecationWarnings: false });
  assert.equal(typeof management.users.list, 'function');
  const auth = new AuthenticationClient({ appId: 'app', appHost: 'https://example.authing.cn', fetch, deprecationWarnings: false });
  assert.equal(typeof auth.loginByUsername, 'function');
  assert.equal(calls.length, 0);
};
