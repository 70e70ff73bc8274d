import { AuthenticationClient } from '@authing/authentication';
import { ManagementClient } from '@authing/management';
import { beforeAll, describe, expect, it } from 'vitest';
import { seed, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

/**
 * The "v3" halves of docs/migrating-from-v2.md's before-and-after snippets, run against the
 * emulator (Prism for security settings), so that the code the guide tells apps to migrate to works.
 */
let management: ManagementClient<true>;
let appId = '';

beforeAll(async () => {
  management = new ManagementClient({ accessKeyId: seed.userPoolId, accessKeySecret: seed.secret, host: emulator().url, throwOnError: true, retries: 0 });
  // The docs' browser app: public, so no secret and tokenEndPointAuthMethod 'none'.
  appId = (await management.createApplication({ appName: 'migration guide app', appType: 'spa' })).appId;
});

describe('migration guide, v3 snippets', () => {
  it('sign in, then update the profile', async () => {
    const email = `${unique('guide')}@example.com`;
    await management.createUser({ email, password: 'passw0rd' });
    const authing = new AuthenticationClient({ appId, appHost: emulator().url, tokenEndPointAuthMethod: 'none', retries: 0 });
    const tokens = await authing.signInByEmailPassword({ email, password: 'passw0rd' });
    expect(tokens.statusCode).toBe(200);
    if (tokens.statusCode === 200) {
      authing.setAccessToken(tokens.data.access_token);
      const updated = await authing.updateProfile({ nickname: 'Bob' });
      expect(updated).toMatchObject({ statusCode: 200, data: { email, nickname: 'Bob' } });
    }
  });

  it('list users and create a role', async () => {
    const username = unique('guide');
    await management.createUser({ username, password: 'passw0rd' });
    const { list, totalCount } = await management.listUsers({ options: { pagination: { page: 1, limit: 10 } } });
    expect(totalCount).toBeGreaterThanOrEqual(1);
    expect(list.map((user) => user.username)).toContain(username);
    const code = unique('code');
    const role = await management.createRole({ code, description: '角色名称' });
    expect(role).toMatchObject({ code, description: '角色名称' });
  });

  it('the error path: an unknown email is apiCode 2004 in the envelope, a wrong password 2333', async () => {
    const authing = new AuthenticationClient({ appId, appHost: emulator().url, tokenEndPointAuthMethod: 'none', retries: 0 });
    const unknown = await authing.signInByEmailPassword({ email: `${unique('nobody')}@example.com`, password: 'passw0rd' });
    expect(unknown).toMatchObject({ statusCode: 404, apiCode: 2004, message: '用户不存在' });
    const email = `${unique('guide')}@example.com`;
    await management.createUser({ email, password: 'passw0rd' });
    const wrong = await authing.signInByEmailPassword({ email, password: 'not-the-password' });
    expect(wrong).toMatchObject({ statusCode: 400, apiCode: 2333 });
  });
});
