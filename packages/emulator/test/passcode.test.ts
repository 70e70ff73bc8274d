import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { authentication, management, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  await emulator.stop();
});

describe('passcodes through the outbox', () => {
  it('signs in by email code, once per code', async () => {
    await management(emulator).createUser({ email: 'pc@example.com' });
    const auth = authentication(emulator);
    expect(await auth.sendEmail({ email: 'pc@example.com', channel: 'CHANNEL_LOGIN' })).toMatchObject({ statusCode: 200 });
    const sent = emulator.outbox.latest('pc@example.com');
    expect(sent).toMatchObject({ kind: 'email', channel: 'CHANNEL_LOGIN', code: expect.stringMatching(/^\d{6}$/) });
    expect(await auth.signInByEmailPassCode({ email: 'pc@example.com', passCode: '000000' === sent!.code ? '111111' : '000000' })).toMatchObject({ statusCode: 400 });
    const login = await auth.signInByEmailPassCode({ email: 'pc@example.com', passCode: sent!.code });
    expect(login).toMatchObject({ statusCode: 200, data: { token_type: 'Bearer' } });
    expect(await auth.signInByEmailPassCode({ email: 'pc@example.com', passCode: sent!.code })).toMatchObject({ statusCode: 400 });
  });

  it('signs up and in by SMS code', async () => {
    const auth = authentication(emulator);
    await auth.sendSms({ phoneNumber: '13900000000', channel: 'CHANNEL_REGISTER' });
    const signup = await auth.signUpByPhoneCode({ phone: '13900000000', passCode: emulator.outbox.latest('13900000000')!.code });
    expect(signup).toMatchObject({ statusCode: 200, data: { phone: '13900000000', phoneVerified: true } });
    await auth.sendSms({ phoneNumber: '13900000000', channel: 'CHANNEL_LOGIN' });
    const login = await auth.signInByPhonePassCode({ phone: '13900000000', passCode: emulator.outbox.latest('13900000000')!.code });
    expect(login).toMatchObject({ statusCode: 200 });
    if (login.statusCode !== 200) throw new Error(login.message);
    auth.setAccessToken(login.data.access_token);
    expect(await auth.getProfile({})).toMatchObject({ data: { phone: '13900000000' } });
    expect(emulator.outbox.messages).toHaveLength(2);
  });
});
