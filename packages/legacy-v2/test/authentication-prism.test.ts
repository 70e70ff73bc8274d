import { describe, expect, it } from 'vitest';
import type { AuthenticationClient } from '../src/index.ts';
import { expectUnsupported, sortedKeys } from './assertions.ts';
import { prismAuthentication, recordingPrismAuthentication, type SentRequest } from './servers.ts';

// The methods whose v3 endpoints the emulator does not emulate, against Prism serving the
// official document's examples. Each request is recorded, so that the tests check what was sent
// as well as how the example answer comes back in v2's shape.

const paths = (sent: SentRequest[]) => sent.map(({ path }) => path);

describe('sign-in by directory (Prism)', () => {
  it('loginByLdap signs in with connection LDAP and resolves the v2 user with the token', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    const user = await auth.loginByLdap('alice', 'ldap-password');
    expect(paths(sent)).toEqual(['/api/v3/signin', '/api/v3/get-profile']);
    expect(sent[0]!.body).toMatchObject({ connection: 'LDAP', ldapPayload: { sAMAccountName: 'alice', password: 'ldap-password' }, client_id: 'app1' });
    expect(sent[1]!.authorization).toBe('Bearer eyJhbGciOiJSxxxxx');
    expect(user).toMatchObject({ id: '6229ffaxxxxxxxxcade3e3d9', username: 'bob', token: 'eyJhbGciOiJSxxxxx', userPoolId: 'pool' });
  });

  it('loginByAd signs in with connection AD', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    const user = await auth.loginByAd('alice', 'ad-password');
    expect(sent[0]!.body).toMatchObject({ connection: 'AD', adPayload: { sAMAccountName: 'alice', password: 'ad-password' } });
    expect(user.token).toBe('eyJhbGciOiJSxxxxx');
  });
});

describe('passwords, phone and email (Prism)', () => {
  it('resetPasswordByPhoneCode verifies the code, then resets with the token', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    expect(await auth.resetPasswordByPhoneCode('13800000000', '123456', 'new-passw0rd')).toEqual({ code: 200, message: 'password reset' });
    expect(paths(sent)).toEqual(['/api/v3/verify-reset-password-request', '/api/v3/reset-password']);
    expect(sent[0]!.body).toEqual({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '13800000000', passCode: '123456' } });
    expect(sent[1]!.body).toEqual({ passwordResetToken: 'string', password: 'new-passw0rd', passwordEncryptType: 'none' });
  });

  it('resetPasswordByEmailCode verifies the email code', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    expect(await auth.resetPasswordByEmailCode('alice@example.com', '654321', 'new-passw0rd')).toEqual({ code: 200, message: 'password reset' });
    expect(sent[0]!.body).toEqual({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: 'alice@example.com', passCode: '654321' } });
    expect(await auth.resetPasswordByEmailCode('alice@example.com', '654321', '').catch((error: unknown) => error)).toMatchObject({ code: 'validation_error' });
  });

  it('updatePhone and updateEmail verify the codes first, then resolve the v2 user', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    const user = await auth.updatePhone('13900000000', '1111', '13800000000', '2222');
    expect(paths(sent)).toEqual(['/api/v3/verify-update-phone-request', '/api/v3/update-phone', '/api/v3/get-profile']);
    expect(sent[0]!.body).toEqual({
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: { newPhoneNumber: '13900000000', newPhonePassCode: '1111', oldPhoneNumber: '13800000000', oldPhonePassCode: '2222' },
    });
    expect(sent[1]!.body).toEqual({ updatePhoneToken: 'string' });
    expect(user).toMatchObject({ id: '6229ffaxxxxxxxxcade3e3d9', token: 'test-token' });
    sent.length = 0;
    await auth.updateEmail('new@example.com', '3333');
    expect(paths(sent)).toEqual(['/api/v3/verify-update-email-request', '/api/v3/update-email', '/api/v3/get-profile']);
    expect(sent[0]!.body).toEqual({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: 'new@example.com', newEmailPassCode: '3333' } });
    expect(sent[1]!.body).toEqual({ updateEmailToken: 'string' });
  });

  it('bindPhone, bindEmail, unbindPhone and unbindEmail resolve the refreshed v2 user', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    expect(await auth.bindPhone('13900000000', '1234')).toMatchObject({ phone: '188xxxx8888' });
    expect(sent[0]).toMatchObject({ path: '/api/v3/bind-phone', body: { phoneNumber: '13900000000', passCode: '1234' } });
    await auth.bindEmail('alice@example.com', '5678');
    await auth.unbindPhone('4321');
    await auth.unbindEmail('8765');
    expect(sent.filter(({ path }) => path !== '/api/v3/get-profile').map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/bind-phone', { phoneNumber: '13900000000', passCode: '1234' }],
      ['/api/v3/bind-email', { email: 'alice@example.com', passCode: '5678' }],
      ['/api/v3/unbind-phone', { passCode: '4321' }],
      ['/api/v3/unbind-email', { passCode: '8765' }],
    ]);
  });

  it('unbindPhone and unbindEmail without the passcode v3 needs are refused before sending', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    for (const call of [() => auth.unbindPhone(), () => auth.unbindEmail()]) {
      expect(await call().catch((error: unknown) => error)).toMatchObject({ code: 'validation_error', message: expect.stringContaining('CHANNEL_UNBIND_') });
    }
    expect(sent).toEqual([]);
  });
});

describe("the user's organisation, apps and permissions (Prism)", () => {
  it('listDepartments resolves v2 { totalCount, list: [{ department, isMainDepartment, joinedAt }] }', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    const { totalCount, list } = await auth.listDepartments();
    expect(sent[0]?.path).toBe('/api/v3/get-my-department-list');
    expect(Object.fromEntries(sent[0]?.query ?? [])).toMatchObject({ page: '1', limit: '50' });
    expect(totalCount).toBe(1);
    expect(sortedKeys(list[0]!)).toEqual(['department', 'isMainDepartment', 'joinedAt']);
    expect(sortedKeys(list[0]!.department)).toEqual(
      ['children', 'code', 'codePath', 'createdAt', 'depth', 'description', 'descriptionI18n', 'id', 'name', 'nameI18n', 'namePath', 'orgId', 'order', 'path', 'root', 'updatedAt'].sort(),
    );
    expect(list[0]).toMatchObject({
      isMainDepartment: true,
      joinedAt: '2022-07-03T02:20:30.000Z',
      department: { id: '60b49eb83fd80adb96f26e68', orgId: 'steamory', name: 'dd8d7stf44', code: '6229c4deb3e4d8a20b6021ff', root: false, path: ['parentId1', 'parentId2'], namePath: ['parentName1', 'parentName2'] },
    });
  });

  it('listOrgs resolves, per department, the organization then the path of v2 org nodes from the root (as users.listOrgs)', async () => {
    const { auth } = recordingPrismAuthentication();
    const orgs = await auth.listOrgs();
    expect(orgs).toHaveLength(1);
    const [org, ...nodes] = orgs[0]!;
    expect(org).toMatchObject({ type: 'org', id: 'steamory', userPoolId: 'pool', rootNodeId: 'parentId1' });
    // The example's departmentIdPath has two ids: the last is taken as the user's department.
    expect(nodes.map(({ id, name, code }) => [id, name, code])).toEqual([
      ['parentId1', 'parentName1', 'parentCode1'],
      ['parentId2', 'parentName2', 'parentCode2'],
    ]);
    expect(sortedKeys(nodes[1]!)).toEqual(['code', 'createdAt', 'description', 'descriptionI18n', 'id', 'name', 'nameI18n', 'order', 'orgId', 'type', 'updatedAt', 'userPoolId']);
    expect(nodes[1]).toMatchObject({ type: 'node', userPoolId: 'pool', orgId: 'steamory', description: 'dd8d7stf44', createdAt: '2022-07-03T02:20:30.000Z' });
  });

  it('listApplications pages the accessible apps as v2 ApplicationPublicDetail', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    const { totalCount, list } = await auth.listApplications();
    expect(sent[0]!.path).toBe('/api/v3/get-my-accessible-apps');
    expect(totalCount).toBe(1);
    expect(list).toEqual([{ id: 'xxx', name: '示例应用', logo: 'https://files.authing.co/authing-console/default-app-logo.png', createdAt: null, updatedAt: null, domain: null, description: null, protocol: null }]);
    expect((await auth.listApplications({ page: 2, limit: 10 })).list).toEqual([]);
  });

  it('listAuthorizedResources resolves v2 { code, type, actions }', async () => {
    const { auth, sent } = recordingPrismAuthentication();
    const { totalCount, list } = await auth.listAuthorizedResources('default', { resourceType: 'API' });
    expect(sent[0]?.path).toBe('/api/v3/get-my-authorized-resources');
    expect(Object.fromEntries(sent[0]?.query ?? [])).toMatchObject({ namespace: 'default', resourceType: 'API' });
    expect(totalCount).toBe(1);
    expect(list).toEqual([{ code: 'ecs:1', type: null, actions: ['ecs:Start', 'ecs:Stop'] }]);
  });

  it('getSecurityLevel resolves v2 { email, mfa, password, phone, passwordSecurityLevel, score }', async () => {
    const { auth } = recordingPrismAuthentication();
    expect(await auth.getSecurityLevel()).toEqual({ email: true, mfa: true, password: true, phone: true, passwordSecurityLevel: null, score: 0 });
  });

  it("unLinkAccount finds the main account's identities of that provider and unlinks them with its token", async () => {
    const { auth, sent } = recordingPrismAuthentication();
    expect(await auth.unLinkAccount({ primaryUserToken: 'main-user-token', provider: 'oidc' })).toEqual({ code: 200, message: 'unlinked' });
    expect(sent.map(({ path, body, authorization }) => [path, body, authorization])).toEqual([
      ['/api/v3/get-identities', undefined, 'Bearer main-user-token'],
      ['/api/v3/unlink-extidp', { extIdpId: '6076bacxxxxxxxxd80d993b5' }, 'Bearer main-user-token'],
    ]);
    const none = await auth.unLinkAccount({ primaryUserToken: 'main-user-token', provider: 'github' }).catch((error: unknown) => error);
    expect(none).toMatchObject({ code: 2216, message: expect.stringContaining('github') });
  });
});

describe('methods without a v3 equivalent', () => {
  const calls: Array<[string, (auth: AuthenticationClient) => Promise<unknown>]> = [
    ['checkPasswordStrength', (auth) => auth.checkPasswordStrength('weak')],
    ['resetPasswordByFirstLoginToken', (auth) => auth.resetPasswordByFirstLoginToken({ token: 't', password: 'p' })],
    ['resetPasswordByForceResetToken', (auth) => auth.resetPasswordByForceResetToken({ token: 't', newPassword: 'n', oldPassword: 'o' })],
    ['linkAccount', (auth) => auth.linkAccount({ primaryUserToken: 'a', secondaryUserToken: 'b' })],
    ['updateAvatar', (auth) => auth.updateAvatar()],
    ['uploadAvatar', (auth) => auth.uploadAvatar({ accept: '.png' })],
    ['isUserExists', (auth) => auth.isUserExists({ username: 'alice' })],
    ['trackSession', (auth) => auth.trackSession()],
    ['decryptTokenLocally', (auth) => auth.decryptTokenLocally('token')],
  ];

  it.each(calls)('%s throws AuthingV2Error 501 naming it, after onError, sending nothing', async (method, call) => {
    const seen: unknown[] = [];
    const { auth, sent } = recordingPrismAuthentication();
    const withHook = prismAuthentication({ onError: (code, message) => seen.push([code, message]) });
    const error = await expectUnsupported(call(auth), method);
    await call(withHook).catch(() => {});
    expect(seen).toEqual([[501, error.message]]);
    expect(sent).toEqual([]);
  });
});
