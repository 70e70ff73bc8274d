import { describe, expect, it } from 'vitest';
import type { AuthenticationClient, V2User } from '../src/index.ts';
import { rejection, sortedKeys } from './assertions.ts';
import { emulatorAuthentication, emulatorManagement, emulatorPublicKeys, emulatorV3Management, newUser, seed, unique, useEmulator, warningsCollector } from './servers.ts';

const emulator = useEmulator();

/** The fields of v2's GraphQL `User` that v2's AuthenticationClient returned. */
const v2UserKeys = [
  'address', 'arn', 'birthdate', 'blocked', 'browser', 'city', 'company', 'country', 'createdAt', 'customData', 'device', 'email',
  'emailVerified', 'externalId', 'familyName', 'formatted', 'gender', 'givenName', 'id', 'identities', 'isDeleted', 'lastIP', 'lastLogin',
  'locale', 'locality', 'loginsCount', 'middleName', 'name', 'nickname', 'oauth', 'openid', 'password', 'phone', 'phoneVerified', 'photo',
  'postalCode', 'preferredUsername', 'profile', 'province', 'region', 'registerSource', 'signedUp', 'status', 'streetAddress', 'token',
  'tokenExpiredAt', 'unionid', 'updatedAt', 'userPoolId', 'username', 'website', 'zoneinfo',
].sort();

function phoneNumber(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** A user created through the v2 ManagementClient, and a client signed in as that user. */
async function signedIn(extra: { email?: string; phone?: string } = {}): Promise<{ auth: AuthenticationClient; user: V2User; username: string; password: string }> {
  const { username, password } = await newUser(emulatorManagement(emulator()), extra);
  const auth = emulatorAuthentication(emulator());
  const user = await auth.loginByUsername(username, password);
  return { auth, user, username, password };
}

describe('sign-in (emulator)', () => {
  it('loginByUsername resolves the v2 user with its token, kept by the client', async () => {
    const { auth, user, username } = await signedIn();
    expect(sortedKeys(user)).toEqual(v2UserKeys);
    expect(user).toMatchObject({ username, userPoolId: seed.userPoolId, password: null, token: expect.stringMatching(/^ey/) });
    expect(Date.parse(user.tokenExpiredAt!)).toBeGreaterThan(Date.now());
    expect((await auth.getCurrentUser())?.token).toBe(user.token);
  });

  it('loginByEmail and loginByPhonePassword sign in the same user', async () => {
    const email = `${unique('mail')}@example.com`;
    const phone = phoneNumber();
    const { user, password } = await signedIn({ email, phone });
    const byEmail = await emulatorAuthentication(emulator()).loginByEmail(email, password, { clientIp: '203.0.113.7' });
    const byPhone = await emulatorAuthentication(emulator()).loginByPhonePassword(phone, password);
    expect([byEmail.id, byPhone.id]).toEqual([user.id, user.id]);
    // The profile is read after each sign-in: the third one has been counted.
    expect([byEmail.loginsCount, byPhone.loginsCount]).toEqual([2, 3]);
    expect(byEmail).toMatchObject({ email, phone });
  });

  it('loginBySubAccount signs in with an account name and password', async () => {
    const { user, username, password } = await signedIn();
    expect((await emulatorAuthentication(emulator()).loginBySubAccount(username, password)).id).toBe(user.id);
  });

  it('a wrong password is v2 code 2333, after onError', async () => {
    const { username } = await signedIn();
    const seen: unknown[] = [];
    const auth = emulatorAuthentication(emulator(), { onError: (code) => seen.push(code) });
    const error = await rejection(auth.loginByUsername(username, 'wrong-password'));
    expect(error).toMatchObject({ code: 2333, apiCode: 2333 });
    expect(seen).toEqual([2333]);
  });

  it('sendSmsCode then loginByPhoneCode signs in with the code from the outbox', async () => {
    const phone = phoneNumber();
    const { user } = await signedIn({ phone });
    const auth = emulatorAuthentication(emulator());
    expect(await auth.sendSmsCode(phone)).toEqual({ code: 200, message: 'sent' });
    expect(emulator().outbox.latest(phone)).toMatchObject({ kind: 'sms', channel: 'CHANNEL_LOGIN' });
    const byCode = await auth.loginByPhoneCode(phone, emulator().outbox.latest(phone)!.code);
    expect(byCode).toMatchObject({ id: user.id, phone, token: expect.any(String) });
  });

  it('sendEmail maps v2 scenes to v3 channels, and refuses unknown ones before sending', async () => {
    const auth = emulatorAuthentication(emulator());
    const email = `${unique('scene')}@example.com`;
    expect(await auth.sendEmail(email, 'VERIFY_EMAIL')).toEqual({ code: 200, message: 'sent' });
    expect(emulator().outbox.latest(email)?.channel).toBe('CHANNEL_VERIFY_EMAIL_LINK');
    await auth.sendEmail(email, 'RESET_PASSWORD');
    expect(emulator().outbox.latest(email)?.channel).toBe('CHANNEL_RESET_PASSWORD');
    await auth.sendEmail(email, 'CHANNEL_LOGIN');
    expect(emulator().outbox.latest(email)?.channel).toBe('CHANNEL_LOGIN');
    const sent = emulator().outbox.messages.length;
    expect(await rejection(auth.sendEmail(email, 'NO_SUCH_SCENE' as 'VERIFY_EMAIL'))).toMatchObject({ code: 'validation_error' });
    expect(emulator().outbox.messages.length).toBe(sent);
  });
});

describe('sign-up (emulator)', () => {
  it('registerByEmail resolves the new user without a token, and signs it in with generateToken', async () => {
    const auth = emulatorAuthentication(emulator());
    const email = `${unique('reg')}@example.com`;
    const user = await auth.registerByEmail(email, 'passw0rd!', { nickname: 'Nick', gender: 'F' });
    expect(sortedKeys(user)).toEqual(v2UserKeys);
    expect(user).toMatchObject({ email, nickname: 'Nick', gender: 'F', token: null });
    expect(await auth.getCurrentUser()).toBeNull();
    const other = `${unique('reg')}@example.com`;
    const signedUp = await auth.registerByEmail(other, 'passw0rd!', {}, { generateToken: true, customData: { tier: 'gold' } });
    expect(signedUp).toMatchObject({ email: other, token: expect.stringMatching(/^ey/) });
    expect(await auth.getUdfValue()).toEqual({ tier: 'gold' });
  });

  it('registerByUsername with forceLogin signs in; a taken username is 2026', async () => {
    const auth = emulatorAuthentication(emulator());
    const username = unique('reg');
    const user = await auth.registerByUsername(username, 'passw0rd!', undefined, { forceLogin: true });
    expect(user).toMatchObject({ username, token: expect.any(String) });
    expect((await auth.getCurrentUser())?.id).toBe(user.id);
    expect(await rejection(auth.registerByUsername(username, 'passw0rd!'))).toMatchObject({ code: 2026 });
  });

  it('registerByPhoneCode signs up with the code from sendSmsCode({ channel: CHANNEL_REGISTER })', async () => {
    const auth = emulatorAuthentication(emulator());
    const phone = phoneNumber();
    await auth.sendSmsCode(phone, { channel: 'CHANNEL_REGISTER' });
    expect(emulator().outbox.latest(phone)?.channel).toBe('CHANNEL_REGISTER');
    const user = await auth.registerByPhoneCode(phone, emulator().outbox.latest(phone)!.code, undefined, { nickname: 'By phone' });
    expect(user).toMatchObject({ phone, phoneVerified: true, nickname: 'By phone', token: null });
  });

  it('registerByPhoneCode refuses what v3 cannot do (a password, a token) before sending', async () => {
    const auth = emulatorAuthentication(emulator());
    const phone = phoneNumber();
    expect(await rejection(auth.registerByPhoneCode(phone, '123456', 'passw0rd!'))).toMatchObject({ code: 'validation_error', message: expect.stringContaining('updatePassword') });
    expect(await rejection(auth.registerByPhoneCode(phone, '123456', undefined, {}, { generateToken: true }))).toMatchObject({ code: 'validation_error' });
    expect(await rejection(auth.registerByEmail(`${unique('x')}@example.com`, 'passw0rd!', { city: 'Paris' }))).toMatchObject({
      code: 'validation_error',
      message: expect.stringContaining('`city`'),
    });
  });
});

describe('the signed-in user (emulator)', () => {
  it('getCurrentUser is null when signed out, and after logout', async () => {
    expect(await emulatorAuthentication(emulator()).getCurrentUser()).toBeNull();
    const { auth } = await signedIn();
    expect(await auth.getCurrentUser()).not.toBeNull();
    await auth.logout();
    expect(await auth.getCurrentUser()).toBeNull();
  });

  it('logout revokes the token: the server refuses it afterwards (2020), and getCurrentUser with it is null', async () => {
    const { auth, user } = await signedIn();
    await auth.logout();
    const again = emulatorAuthentication(emulator(), { token: user.token! });
    expect(await again.getCurrentUser()).toBeNull();
    expect(await rejection(again.updateProfile({ nickname: 'late' }))).toMatchObject({ code: 2020 });
  });

  it('checkLoginStatus: v2 JwtTokenStatus for a live token, a revoked one and none', async () => {
    const { auth, user } = await signedIn();
    const live = await auth.checkLoginStatus();
    expect(sortedKeys(live)).toEqual(['code', 'data', 'exp', 'iat', 'message', 'status']);
    expect(live).toMatchObject({ code: 200, status: true, data: { id: user.id, userPoolId: seed.userPoolId, arn: user.arn } });
    expect(live.exp! - live.iat!).toBeGreaterThan(0);
    await auth.logout();
    expect(await auth.checkLoginStatus(user.token!)).toEqual({ code: 2207, message: expect.any(String), status: false, exp: null, iat: null, data: null });
    expect(await auth.checkLoginStatus()).toMatchObject({ code: 2020, status: false, data: null });
  });

  it('updateProfile updates and returns the v2 user; v2 fields v3 does not let a user change are refused', async () => {
    const { auth, user } = await signedIn();
    const updated = await auth.updateProfile({ nickname: 'Nick', company: 'Authing', city: 'Beijing', password: 'ignored' });
    expect(updated).toMatchObject({ id: user.id, nickname: 'Nick', company: 'Authing', city: 'Beijing', token: user.token });
    expect(await rejection(auth.updateProfile({ website: 'https://example.com' }))).toMatchObject({
      code: 'validation_error',
      message: expect.stringContaining('ManagementClient.updateUser'),
    });
  });

  it('updatePassword checks the old password (2006), then the new one signs in', async () => {
    const { auth, user, username, password } = await signedIn();
    expect(await rejection(auth.updatePassword('new-passw0rd', 'not-the-old-one'))).toMatchObject({ code: 2006 });
    const after = await auth.updatePassword('new-passw0rd', password);
    expect(after).toMatchObject({ id: user.id, username });
    expect((await emulatorAuthentication(emulator()).loginByUsername(username, 'new-passw0rd')).id).toBe(user.id);
  });

  it('custom data: setUdv / listUdv / removeUdv and setUdfValue / getUdfValue / removeUdfValue', async () => {
    const { auth } = await signedIn();
    expect(await auth.listUdv()).toEqual([]);
    expect(await auth.setUdv('school', 'Tsinghua')).toEqual([{ key: 'school', dataType: 'STRING', value: 'Tsinghua', label: null }]);
    await auth.setUdfValue({ age: 20, member: true });
    expect(await auth.getUdfValue()).toEqual({ school: 'Tsinghua', age: 20, member: true });
    expect(await auth.removeUdv('school')).toEqual([
      { key: 'age', dataType: 'NUMBER', value: 20, label: null },
      { key: 'member', dataType: 'BOOLEAN', value: true, label: null },
    ]);
    await auth.removeUdfValue('age');
    expect(await auth.listUdv()).toEqual([{ key: 'member', dataType: 'BOOLEAN', value: true, label: null }]);
    expect(await rejection(auth.setUdfValue({}))).toMatchObject({ code: 'validation_error' });
  });

  it('listRoles and hasRole read the roles of the signed-in user', async () => {
    const { auth, user } = await signedIn();
    const code = unique('role');
    const v3 = emulatorV3Management(emulator());
    await v3.createRole({ code, namespace: 'default', name: 'Editors', description: 'can edit' });
    await v3.assignRole({ code, namespace: 'default', targets: [{ targetType: 'USER', targetIdentifier: user.id }] });
    const roles = await auth.listRoles();
    expect(roles.totalCount).toBe(1);
    expect(sortedKeys(roles.list[0]!)).toEqual(['arn', 'code', 'createdAt', 'description', 'id', 'isSystem', 'namespace', 'parent', 'updatedAt']);
    expect(roles.list[0]).toMatchObject({ code, namespace: 'default', description: 'can edit', arn: `arn:cn:authing:${seed.userPoolId}:role:${roles.list[0]!.id}` });
    expect(await auth.hasRole(code)).toBe(true);
    expect(await auth.hasRole(code, 'other-namespace')).toBe(false);
    expect(await auth.hasRole('no-such-role')).toBe(false);
  });

  it('checkLoggedIn, setCurrentUser and setToken keep the user locally, without a request', async () => {
    const { auth, user } = await signedIn();
    expect(auth.checkLoggedIn()).toBe(user.id);
    const fresh = emulatorAuthentication(emulator());
    expect(() => fresh.checkLoggedIn()).toThrow(expect.objectContaining({ code: 2020 }));
    fresh.setToken(user.token!);
    expect(fresh.checkLoggedIn()).toBe(user.id);
    expect((await fresh.getCurrentUser())?.id).toBe(user.id);
    const other = emulatorAuthentication(emulator());
    other.setCurrentUser(user);
    expect(other.checkLoggedIn()).toBe(user.id);
    expect((await other.updateProfile({ nickname: 'via setCurrentUser' })).nickname).toBe('via setCurrentUser');
  });

  it('warns once per method, naming the v3 replacement', async () => {
    const { username, password } = await newUser(emulatorManagement(emulator()));
    const { warnings, deprecationWarnings } = warningsCollector();
    const auth = emulatorAuthentication(emulator(), { deprecationWarnings });
    await auth.loginByUsername(username, password);
    await auth.getCurrentUser();
    await auth.getCurrentUser();
    expect(warnings.map(({ method, replacement }) => [method, replacement])).toEqual([
      ['loginByUsername', 'AuthenticationClient.signInByUsernamePassword() from @authing/authentication'],
      ['getCurrentUser', 'AuthenticationClient.getProfile() from @authing/authentication'],
    ]);
  });
});

describe('encrypted passwords (emulator)', () => {
  it('publicKey (RSA, v2 name) and encPublicKey (SM2) encrypt sign-in, sign-up and password changes', async () => {
    const keys = await emulatorPublicKeys(emulator());
    const bodies: Array<Record<string, unknown>> = [];
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const text = request.method === 'POST' ? await request.clone().text() : '';
      if (text.startsWith('{')) bodies.push(JSON.parse(text) as Record<string, unknown>);
      return fetch(request);
    };
    const rsa = emulatorAuthentication(emulator(), { publicKey: keys.rsa, fetch: recording });
    const email = `${unique('rsa')}@example.com`;
    const registered = await rsa.registerByEmail(email, 'passw0rd!', undefined, { generateToken: true });
    expect(registered).toMatchObject({ email, token: expect.any(String) });
    expect((await rsa.updatePassword('changed-passw0rd', 'passw0rd!')).id).toBe(registered.id);
    // Sign-up, sign-in and the password change carried ciphertexts, never the passwords.
    expect(JSON.stringify(bodies)).not.toMatch(/passw0rd/);
    expect(bodies.map((body) => (body.options as { passwordEncryptType?: string } | undefined)?.passwordEncryptType ?? body.passwordEncryptType)).toEqual(['rsa', 'rsa', 'rsa']);
    const sm2 = emulatorAuthentication(emulator(), { encPublicKey: `sm2:${keys.sm2}` });
    expect((await sm2.loginByEmail(email, 'changed-passw0rd')).id).toBe(registered.id);
  });
});

describe('local helpers', () => {
  it('computedPasswordSecurityLevel estimates 1, 2 or 3 as v2 did', () => {
    const auth = emulatorAuthentication(emulator());
    expect(auth.computedPasswordSecurityLevel('weak')).toBe(1);
    expect(auth.computedPasswordSecurityLevel('passw0rd')).toBe(2);
    expect(auth.computedPasswordSecurityLevel('Passw0rdPassw0rd')).toBe(3);
    expect(() => auth.computedPasswordSecurityLevel(undefined as unknown as string)).toThrow(expect.objectContaining({ code: 'validation_error' }));
  });

  it('setLang rebuilds the client: the server answers in the new language', async () => {
    const { auth, username } = await signedIn();
    auth.setLang('en-US');
    const english = await rejection(auth.loginByUsername(username, 'wrong'));
    auth.setLang('zh-CN');
    const chinese = await rejection(auth.loginByUsername(username, 'wrong'));
    expect(english.code).toBe(2333);
    expect(english.message).toMatch(/[a-z]/i);
    expect(chinese.message).not.toBe(english.message);
  });
});
