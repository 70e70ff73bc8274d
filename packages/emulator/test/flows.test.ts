import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { authentication, management, raw, spec, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  await emulator.stop();
});

describe('the README flow through the SDK', () => {
  it('creates a user, lists, assigns a role, signs in, updates and reads the profile', async () => {
    const mgmt = management(emulator);
    const created = await mgmt.createUser({ email: 'Alice@Example.com', password: 'p4ssw0rd!', nickname: 'al', customData: { school: 'PKU' } });
    expect(created).toMatchObject({ statusCode: 200, data: { email: 'alice@example.com', nickname: 'al', userSourceType: 'adminCreated' } });
    if (created.statusCode !== 200) throw new Error('unreachable');
    expect(created.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(created)).not.toMatch(/p4ssw0rd|scrypt|passwordHash/);
    const userId = created.data.userId;

    const users = await mgmt.listUsers({ options: { pagination: { page: 1, limit: 10 } } });
    expect(users).toMatchObject({ statusCode: 200, data: { totalCount: 1, list: [{ userId }] } });

    expect(await mgmt.createRole({ code: 'admin', description: 'Administrators' })).toMatchObject({ statusCode: 200, data: { code: 'admin', namespace: 'default' } });
    expect(await mgmt.assignRole({ code: 'admin', targets: [{ targetType: 'USER', targetIdentifier: userId }] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.getUserRoles({ userId })).toMatchObject({ statusCode: 200, data: { totalCount: 1, list: [{ code: 'admin' }] } });
    expect(await mgmt.listRoleMembers({ code: 'admin' })).toMatchObject({ data: { totalCount: 1, list: [{ userId }] } });

    const auth = authentication(emulator);
    const login = await auth.signInByEmailPassword({ email: 'alice@example.com', password: 'p4ssw0rd!' });
    expect(login).toMatchObject({ statusCode: 200, data: { token_type: 'Bearer', expire_in: expect.any(Number) } });
    if (login.statusCode !== 200) throw new Error('unreachable');
    auth.setAccessToken(login.data.access_token);

    expect(await auth.updateProfile({ nickname: 'Alice' })).toMatchObject({ statusCode: 200, data: { nickname: 'Alice' } });
    expect(await auth.getProfile({ withCustomData: true })).toMatchObject({
      statusCode: 200,
      data: { userId, email: 'alice@example.com', nickname: 'Alice', loginsCount: 1, customData: { school: 'PKU' } },
    });
    expect(await auth.getRoleList({})).toMatchObject({ statusCode: 200, data: [{ code: 'admin' }] });
    if (spec.enabled) expect(spec.checked).toBeGreaterThan(8);
  });

  it('gets a user by every userIdType, batches, checks existence, updates and deletes', async () => {
    const mgmt = management(emulator);
    const batch = await mgmt.createUsersBatch({
      list: [
        { email: 'b@example.com', username: 'bob', phone: '13800000001', externalId: 'ext-b' },
        { username: 'carol' },
      ],
    });
    expect(batch).toMatchObject({ statusCode: 200, data: [{ username: 'bob' }, { username: 'carol' }] });
    if (batch.statusCode !== 200) throw new Error('unreachable');
    const [bob, carol] = batch.data as unknown as [{ userId: string }, { userId: string }];
    for (const [userIdType, value] of [['user_id', bob.userId], ['email', 'b@example.com'], ['phone', '13800000001'], ['username', 'bob'], ['external_id', 'ext-b']] as const) {
      expect(await mgmt.getUser({ userId: value, userIdType }), userIdType).toMatchObject({ statusCode: 200, data: { userId: bob.userId } });
    }
    expect(await mgmt.getUser({ userId: 'nobody', userIdType: 'username' })).toMatchObject({ statusCode: 404, apiCode: 2004 });
    expect(await mgmt.getUserBatch({ userIds: [bob.userId, carol.userId] })).toMatchObject({ data: [{ userId: bob.userId }, { userId: carol.userId }] });
    expect(await mgmt.isUserExists({ username: 'carol' })).toMatchObject({ data: { exists: true } });
    expect(await mgmt.isUserExists({ email: 'nobody@example.com' })).toMatchObject({ data: { exists: false } });

    const keyword = await mgmt.listUsers({ keywords: 'car', options: { pagination: { page: 1, limit: 10 } } });
    expect(keyword).toMatchObject({ data: { totalCount: 1, list: [{ username: 'carol' }] } });
    const page2 = await mgmt.listUsers({ options: { pagination: { page: 2, limit: 1 } } });
    expect(page2).toMatchObject({ data: { totalCount: 2, list: [{ username: 'bob' }] } });

    expect(await mgmt.updateUser({ userId: carol.userId, nickname: 'C', customData: { team: 'x' } })).toMatchObject({ data: { nickname: 'C', customData: { team: 'x' } } });
    expect(await mgmt.updateUser({ userId: carol.userId, username: 'bob' })).toMatchObject({ statusCode: 400, apiCode: 2026 });
    expect(await mgmt.getUser({ userId: carol.userId, withCustomData: true })).toMatchObject({ data: { customData: { team: 'x' } } });

    expect(await mgmt.deleteUsersBatch({ userIds: [carol.userId] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.getUser({ userId: carol.userId })).toMatchObject({ statusCode: 404, apiCode: 2004 });
    expect(await mgmt.createUsersBatch({ list: [{ username: 'dave' }, { username: 'dave' }] })).toMatchObject({ apiCode: 2026 });
    expect(await mgmt.isUserExists({ username: 'dave' })).toMatchObject({ data: { exists: false } });
  });

  it('manages roles and groups, and a user sees theirs', async () => {
    const mgmt = management(emulator);
    const user = await mgmt.createUser({ username: 'gina', password: 'secret-1' });
    if (user.statusCode !== 200) throw new Error(user.message);
    const { userId } = user.data;
    await mgmt.createRole({ code: 'editor', name: 'Editor' });
    expect(await mgmt.createRole({ code: 'editor' })).toMatchObject({ statusCode: 400 });
    expect(await mgmt.getRole({ code: 'editor' })).toMatchObject({ data: { code: 'editor', name: 'Editor' } });
    expect(await mgmt.getRole({ code: 'ghost' })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.listRoles({ page: 1, limit: 10 })).toMatchObject({ data: { totalCount: 1 } });
    await mgmt.assignRole({ code: 'editor', targets: [{ targetType: 'USER', targetIdentifier: userId }] });
    expect(await mgmt.revokeRole({ code: 'editor', targets: [{ targetType: 'USER', targetIdentifier: userId }] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.getUserRoles({ userId })).toMatchObject({ data: { totalCount: 0 } });

    expect(await mgmt.createGroup({ code: 'eng', name: 'Engineering', description: '', type: 'static' })).toMatchObject({ data: { code: 'eng', members: [] } });
    expect(await mgmt.addGroupMembers({ code: 'eng', userIds: [userId] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.listGroupMembers({ code: 'eng' })).toMatchObject({ data: { totalCount: 1, list: [{ userId }] } });
    expect(await mgmt.listGroups({ keywords: 'eng' })).toMatchObject({ data: { totalCount: 1, list: [{ code: 'eng' }] } });
    expect(await mgmt.addGroupMembers({ code: 'eng', userIds: ['nobody'] })).toMatchObject({ apiCode: 2004 });

    const auth = authentication(emulator);
    const login = await auth.signInByUsernamePassword({ username: 'gina', password: 'secret-1' });
    if (login.statusCode !== 200) throw new Error(login.message);
    auth.setAccessToken(login.data.access_token);
    expect(await auth.getGroupList({})).toMatchObject({ statusCode: 200, data: [{ code: 'eng' }] });
  });

  it('updates the password, and logout revokes the token', async () => {
    const auth = authentication(emulator);
    expect(await auth.signUpByEmailPassword({ email: 'p@example.com', password: 'old-pass', profile: { nickname: 'P' } })).toMatchObject({
      statusCode: 200,
      data: { email: 'p@example.com', nickname: 'P', userSourceType: 'register' },
    });
    const login = await auth.signInByAccountPassword({ account: 'p@example.com', password: 'old-pass' });
    if (login.statusCode !== 200) throw new Error(login.message);
    auth.setAccessToken(login.data.access_token);
    expect(await auth.updatePassword({ newPassword: 'new-pass', oldPassword: 'wrong' })).toMatchObject({ statusCode: 400, apiCode: 2006 });
    expect(await auth.updatePassword({ newPassword: 'new-pass', oldPassword: 'old-pass' })).toMatchObject({ statusCode: 200 });
    expect(await auth.signInByEmailPassword({ email: 'p@example.com', password: 'old-pass' })).toMatchObject({ apiCode: 2333 });
    expect(await auth.signInByEmailPassword({ email: 'p@example.com', password: 'new-pass' })).toMatchObject({ statusCode: 200 });

    // Logout: RFC 7009 revocation, through the SDK's OAuth endpoint helper.
    const oauth = authentication(emulator, { protocol: 'oauth' });
    await expect(oauth.revokeToken(login.data.access_token!)).resolves.toBe(true);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 401, apiCode: 2020 });
    const wrongClient = await raw(emulator, 'POST', '/oidc/token/revocation', {
      body: `token=x&client_id=emulator-app&client_secret=nope`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongClient).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('checks client authentication on sign-in: post, basic, and wrong secrets', async () => {
    await management(emulator).createUser({ email: 'c@example.com', password: 'pw-123456' });
    const basic = authentication(emulator, { tokenEndPointAuthMethod: 'client_secret_basic' });
    expect(await basic.signInByEmailPassword({ email: 'c@example.com', password: 'pw-123456' })).toMatchObject({ statusCode: 200 });
    const wrong = authentication(emulator, { appSecret: 'not-the-secret' });
    expect(await wrong.signInByEmailPassword({ email: 'c@example.com', password: 'pw-123456' })).toMatchObject({ statusCode: 401 });
    const unknownApp = authentication(emulator, { appId: 'no-such-app' });
    expect(await unknownApp.signInByEmailPassword({ email: 'c@example.com', password: 'pw-123456' })).toMatchObject({ statusCode: 404, apiCode: 2011 });
  });
});
