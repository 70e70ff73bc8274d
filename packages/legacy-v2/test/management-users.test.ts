import { describe, expect, it } from 'vitest';
import { AuthingV2Error } from '../src/index.ts';
import { emulatorManagement, prismManagement, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

describe('users (emulator)', () => {
  it('list returns { totalCount, list } of v2 users', async () => {
    const management = emulatorManagement(emulator());
    const username = unique('list');
    await management.users.create({ username, password: 'passw0rd!' });
    const { totalCount, list } = await management.users.list(1, 100);
    expect(totalCount).toBeGreaterThanOrEqual(1);
    const found = list.find((user) => user.username === username);
    expect(found).toMatchObject({ userPoolId: 'emulator-pool', blocked: false, password: null });
    expect(found?.arn).toBe(`arn:cn:authing:emulator-pool:user:${found?.id}`);
  });

  it('detail of an unknown user throws AuthingV2Error 2004', async () => {
    const management = emulatorManagement(emulator());
    const error = await management.users.detail('no-such-user').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthingV2Error);
    expect(error).toMatchObject({ code: 2004 });
  });
});

describe('users (Prism)', () => {
  it('sendFirstLoginVerifyEmail has no v3 equivalent and says so', async () => {
    await expect(prismManagement().users.sendFirstLoginVerifyEmail('u', 'a')).rejects.toMatchObject({ code: 501 });
  });
});
