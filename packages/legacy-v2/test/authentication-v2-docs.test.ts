import { ManagementClient as V3ManagementClient } from '@authing/management';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthenticationClient } from '../src/index.ts';
import { emulatorManagement, seed, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

/**
 * The AuthenticationClient snippets of Authing's v2 docs, translated to TypeScript and run
 * unchanged against the emulator. The docs build the client with `{ appId, appHost }` only (a
 * browser app, no secret): that is a public app, created here as an SPA.
 */
let appId = '';
let appHost = '';

beforeAll(async () => {
  const v3 = new V3ManagementClient({ accessKeyId: seed.userPoolId, accessKeySecret: seed.secret, host: emulator().url, throwOnError: true, retries: 0 });
  appId = (await v3.createApplication({ appName: 'v2 docs app', appType: 'spa' })).appId;
  appHost = emulator().url;
});

describe('v2 docs snippets: AuthenticationClient', () => {
  it('new AuthenticationClient({ appId, appHost }), loginByUsername(username, password), updateProfile({ nickname })', async () => {
    const username = unique('bob');
    const password = 'passw0rd';
    await emulatorManagement(emulator()).users.create({ username, password });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const authenticationClient = new AuthenticationClient({
        appId,
        appHost,
      });
      const user = await authenticationClient.loginByUsername(username, password);
      expect(user).toMatchObject({ username, token: expect.stringMatching(/^ey/) });
      const updated = await authenticationClient.updateProfile({
        nickname: 'Nick',
      });
      expect(updated).toMatchObject({ id: user.id, username, nickname: 'Nick', token: user.token });
      // The default is one printed warning per method, naming the v3 replacement.
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining('loginByUsername() is deprecated; use AuthenticationClient.signInByUsernamePassword() from @authing/authentication'),
        expect.stringContaining('updateProfile() is deprecated; use AuthenticationClient.updateProfile() from @authing/authentication'),
      ]);
      await authenticationClient.updateProfile({ nickname: 'Nick again' });
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('the v2 error path: code 2004 "user does not exist", onError called first with (code, message, data)', async () => {
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const seen: unknown[][] = [];
    let thrown = false;
    const authenticationClient = new AuthenticationClient({
      appId,
      appHost,
      onError: (code, message, data) => {
        // Called before the error reaches the caller.
        expect(thrown).toBe(false);
        seen.push([code, message, data]);
      },
      deprecationWarnings: false,
    });
    await authenticationClient.sendSmsCode(phone);
    const code = emulator().outbox.latest(phone)!.code;
    const error = await authenticationClient.loginByPhoneCode(phone, code).catch((caught: unknown) => {
      thrown = true;
      return caught;
    });
    expect(error).toMatchObject({ name: 'AuthingV2Error', code: 2004, apiCode: 2004, statusCode: 404 });
    expect((error as { code: number }).code === 2004).toBe(true);
    expect(seen).toEqual([[2004, (error as Error).message, (error as { data: unknown }).data]]);
    expect((error as { requestId?: string }).requestId).toEqual(expect.any(String));
  });

  it("the docs' quick start: loginByEmail(email, password), then updateProfile({ nickname: 'Bob' })", async () => {
    const email = `${unique('test')}@example.com`;
    await emulatorManagement(emulator()).users.create({ email, password: 'passw0rd' });
    const authing = new AuthenticationClient({ appId, appHost, deprecationWarnings: false });
    const user = await authing.loginByEmail(email, 'passw0rd');
    expect(user).toMatchObject({ email, token: expect.any(String) });
    expect(await authing.updateProfile({ nickname: 'Bob' })).toMatchObject({ email, nickname: 'Bob' });
  });

  it("the docs' error handling: loginByEmail of an unknown user, caught as error.code 2004 and error.message", async () => {
    const authing = new AuthenticationClient({ appId, appHost, deprecationWarnings: false });
    const logged: unknown[] = [];
    try {
      await authing.loginByEmail(`${unique('test')}@example.com`, 'passw0rd');
      expect.unreachable('an unknown user cannot sign in');
    } catch (error) {
      logged.push((error as { code: unknown }).code, (error as Error).message);
    }
    expect(logged).toEqual([2004, '用户不存在']);
  });
});
