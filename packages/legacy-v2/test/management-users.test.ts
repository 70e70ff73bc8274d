import { describe, expect, it } from 'vitest';
import { AuthingV2Error, type ManagementClient } from '../src/index.ts';
import { toV2User } from '../src/shapes/user.ts';
import { expectUnsupported, rejection } from './assertions.ts';
import { emulatorAuthentication, emulatorManagement, emulatorV3Management, newUser, prismUserActionLog, recordingPrismManagement, unique, useEmulator, warningsCollector } from './servers.ts';

const emulator = useEmulator();

/** The v2 User fields, in order (checked against v2's documented type in shapes-user.test.ts). */
const v2UserFields = Object.keys(toV2User({ userId: 'x' }, 'pool'));

describe('users (emulator)', () => {
  it('create returns a v2 user with exactly the v2 fields; blocked becomes a suspended status', async () => {
    const management = emulatorManagement(emulator());
    const username = unique('create');
    const user = await management.users.create({ username, nickname: 'Nick', gender: 'F', city: 'Hangzhou', blocked: true });
    expect(Object.keys(user)).toEqual(v2UserFields);
    expect(user).toMatchObject({
      username,
      nickname: 'Nick',
      gender: 'F',
      city: 'Hangzhou',
      status: 'Suspended',
      blocked: true,
      userPoolId: 'emulator-pool',
      password: null,
      customData: null,
    });
    expect(user.arn).toBe(`arn:cn:authing:emulator-pool:user:${user.id}`);
  });

  it('create and update send the password encrypted with encPublicKey, and it signs in', async () => {
    const system = (await (await fetch(`${emulator().url}/api/v3/system`)).json()) as { rsa: { publicKey: string } };
    const management = emulatorManagement(emulator(), { encPublicKey: system.rsa.publicKey });
    const username = unique('enc');
    const created = await management.users.create({ username, password: 'first-passw0rd' });
    const auth = emulatorAuthentication(emulator());
    expect((await auth.loginByUsername(username, 'first-passw0rd')).id).toBe(created.id);

    await management.users.update(created.id, { password: 'second-passw0rd' });
    expect((await auth.loginByUsername(username, 'second-passw0rd')).id).toBe(created.id);
    await expect(auth.loginByUsername(username, 'first-passw0rd')).rejects.toBeInstanceOf(AuthingV2Error);
  });

  it('create and update reject v2 fields v3 cannot store, before sending anything', async () => {
    const management = emulatorManagement(emulator());
    const username = unique('reject');
    const error = await rejection(management.users.create({ username, loginsCount: 2 }));
    expect(error).toMatchObject({ code: 'validation_error' });
    expect(error.message).toContain('userInfo.loginsCount');
    expect(await management.users.exists({ username })).toBe(false);

    expect(await rejection(management.users.create({ username, gender: 'W' }))).toMatchObject({ code: 'validation_error' });
    const { id } = await newUser(management);
    expect((await rejection(management.users.update(id, { tokenExpiredAt: '2020-01-01T00:00:00Z' }))).message).toContain('kickUsers');
  });

  it('update changes the profile and the blocked state', async () => {
    const management = emulatorManagement(emulator());
    const { id } = await newUser(management, { blocked: true });
    const updated = await management.users.update(id, { nickname: 'Renamed', blocked: false, company: 'Acme' });
    expect(Object.keys(updated)).toEqual(v2UserFields);
    expect(updated).toMatchObject({ id, nickname: 'Renamed', company: 'Acme', blocked: false, status: 'Activated' });
    expect(await management.users.detail(id)).toMatchObject({ nickname: 'Renamed', blocked: false });
  });

  it('detail gives customData as { key: value } only with withCustomData', async () => {
    const management = emulatorManagement(emulator());
    const { id } = await newUser(management);
    await management.users.setUdfValue(id, { school: 'PKU', age: 20 });
    const plain = await management.users.detail(id);
    expect(Object.keys(plain)).toEqual(v2UserFields);
    expect(plain.customData).toBeNull();
    expect((await management.users.detail(id, { withCustomData: true })).customData).toEqual({ school: 'PKU', age: 20 });
  });

  it('detail of an unknown user throws AuthingV2Error 2004', async () => {
    const management = emulatorManagement(emulator());
    expect(await rejection(management.users.detail('no-such-user'))).toMatchObject({ code: 2004 });
  });

  it('list(page, limit) returns { totalCount, list } of v2 users, newest first', async () => {
    const management = emulatorManagement(emulator());
    const first = await newUser(management);
    const second = await newUser(management);
    const page = await management.users.list(1, 100);
    expect(Object.keys(page)).toEqual(['totalCount', 'list']);
    expect(page.totalCount).toBeGreaterThanOrEqual(2);
    const ids = page.list.map((user) => user.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(Object.keys(page.list[0]!)).toEqual(v2UserFields);

    const one = await management.users.list(1, 1);
    expect(one.list).toHaveLength(1);
    expect(one.totalCount).toBe(page.totalCount);
    expect((await management.users.list(1, 100, { withCustomData: true })).list.every((user) => user.customData !== null)).toBe(true);
    expect(await rejection(management.users.list(1, 10, { excludeUsersInOrg: true }))).toMatchObject({ code: 'validation_error' });
  });

  it('batch reads users by id or by another field, leaving out the ones not found', async () => {
    const management = emulatorManagement(emulator());
    const a = await newUser(management);
    const b = await newUser(management);
    const byId = await management.users.batch([a.id, b.id, 'missing-id']);
    expect(byId.map((user) => user.id).sort()).toEqual([a.id, b.id].sort());
    expect(Object.keys(byId[0]!)).toEqual(v2UserFields);
    const byName = await management.users.batch([b.username], { queryField: 'username', withCustomData: true });
    expect(byName).toHaveLength(1);
    expect(byName[0]).toMatchObject({ id: b.id, customData: {} });
    expect(await rejection(management.users.batch([]))).toMatchObject({ code: 'validation_error' });
  });

  it('search finds users by keyword, a page at a time', async () => {
    const management = emulatorManagement(emulator());
    const marker = unique('needle');
    const user = await management.users.create({ username: `${marker}-a`, nickname: 'Searched' });
    await management.users.create({ username: `${marker}-b` });
    const found = await management.users.search(marker, { fields: ['username'], limit: 10 });
    expect(found.totalCount).toBe(2);
    expect(found.list.map((item) => item.username).sort()).toEqual([`${marker}-a`, `${marker}-b`]);
    expect(Object.keys(found.list[0]!)).toEqual(v2UserFields);
    const firstPage = await management.users.search(marker, { page: 1, limit: 1 });
    expect(firstPage).toMatchObject({ totalCount: 2, list: [{ id: expect.any(String) }] });
    expect((await management.users.search(`${marker}-a`)).list.map((item) => item.id)).toEqual([user.id]);

    expect(await rejection(management.users.search(marker, { groupOpts: [{ code: 'g' }] }))).toMatchObject({ code: 'validation_error' });
    expect(await rejection(management.users.search(marker, { fields: ['password'] }))).toMatchObject({ code: 'validation_error' });
  });

  it('find looks a user up by exactly one field and resolves null when there is none', async () => {
    const management = emulatorManagement(emulator());
    const username = unique('find');
    const email = `${username}@example.com`;
    const externalId = unique('ext');
    const created = await management.users.create({ username, email, externalId });
    expect(await management.users.find({ username })).toMatchObject({ id: created.id, email });
    expect((await management.users.find({ email }))?.id).toBe(created.id);
    expect((await management.users.find({ externalId }))?.id).toBe(created.id);
    const found = await management.users.find({ username, withCustomData: true });
    expect(Object.keys(found!)).toEqual(v2UserFields);
    expect(found!.customData).toEqual({});
    expect(await management.users.find({ username: unique('nobody') })).toBeNull();
    expect(await rejection(management.users.find({ username, email }))).toMatchObject({ code: 'validation_error' });
  });

  it('exists checks username, email and phone', async () => {
    const management = emulatorManagement(emulator());
    const username = unique('exists');
    await management.users.create({ username, phone: '13912345678' });
    expect(await management.users.exists({ username })).toBe(true);
    expect(await management.users.exists({ phone: '13912345678' })).toBe(true);
    expect(await management.users.exists({ email: `${unique('none')}@example.com` })).toBe(false);
    expect(await rejection(management.users.exists({}))).toMatchObject({ code: 'validation_error' });
  });

  it('delete and deleteMany resolve { code: 200, message } and the users are gone', async () => {
    const management = emulatorManagement(emulator());
    const one = await newUser(management);
    const two = await newUser(management);
    const three = await newUser(management);
    expect(await management.users.delete(one.id)).toEqual({ code: 200, message: expect.any(String) });
    expect(await rejection(management.users.detail(one.id))).toMatchObject({ code: 2004 });
    expect(await management.users.deleteMany([two.id, three.id])).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.users.batch([two.id, three.id])).toEqual([]);
    expect(await rejection(management.users.deleteMany([]))).toMatchObject({ code: 'validation_error' });
  });

  it('addRoles, listRoles, hasRole and removeRoles', async () => {
    const management = emulatorManagement(emulator());
    const v3 = emulatorV3Management(emulator());
    const { id } = await newUser(management);
    const [editor, viewer] = [unique('editor'), unique('viewer')];
    await v3.createRole({ code: editor, name: 'Editor', description: 'edits' });
    await v3.createRole({ code: viewer, name: 'Viewer' });

    expect(await management.users.addRoles(id, [editor, viewer])).toEqual({ code: 200, message: expect.any(String) });
    const roles = await management.users.listRoles(id);
    expect(roles.totalCount).toBe(2);
    expect(roles.list.map((role) => role.code).sort()).toEqual([editor, viewer].sort());
    expect(Object.keys(roles.list[0]!)).toEqual(['id', 'namespace', 'code', 'arn', 'description', 'isSystem', 'createdAt', 'updatedAt', 'parent']);
    expect(roles.list.find((role) => role.code === editor)).toMatchObject({ namespace: 'default', description: 'edits', arn: expect.stringMatching(/^arn:cn:authing:emulator-pool:role:/) });
    expect(await management.users.hasRole(id, editor)).toBe(true);

    expect(await management.users.removeRoles(id, [editor])).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.users.hasRole(id, editor)).toBe(false);
    expect((await management.users.listRoles(id)).list.map((role) => role.code)).toEqual([viewer]);
    expect(await rejection(management.users.addRoles(id, []))).toMatchObject({ code: 'validation_error' });
  });

  it('addGroup adds the user to the group', async () => {
    const management = emulatorManagement(emulator());
    const v3 = emulatorV3Management(emulator());
    const { id } = await newUser(management);
    const code = unique('group');
    await v3.createGroup({ code, name: 'Group', description: '', type: 'static' });
    expect(await management.users.addGroup(id, code)).toEqual({ code: 200, message: expect.any(String) });
    const members = await v3.listGroupMembers({ code });
    expect(members.list.map((member) => member.userId)).toEqual([id]);
  });

  it('listDepartment and listOrgs give the user\'s departments and their paths', async () => {
    const management = emulatorManagement(emulator());
    const v3 = emulatorV3Management(emulator());
    const { id } = await newUser(management);
    const organizationCode = unique('org');
    const org = await v3.createOrganization({ organizationCode, organizationName: 'Acme', metadata: {} });
    const team = await v3.createDepartment({ organizationCode, parentDepartmentId: org.departmentId, name: 'Platform', code: 'platform', metadata: {} });
    await v3.addDepartmentMembers({ organizationCode, departmentId: team.departmentId, userIds: [id] });

    const departments = await management.users.listDepartment(id);
    expect(departments.totalCount).toBe(1);
    expect(departments.list[0]).toMatchObject({
      isMainDepartment: true,
      joinedAt: expect.any(String),
      department: { id: team.departmentId, orgId: organizationCode, name: 'Platform', code: 'platform', root: false, depth: 1, path: [org.departmentId, team.departmentId], namePath: ['Acme', 'Platform'] },
    });

    const orgs = await management.users.listOrgs(id);
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.map((step) => [step.type, step.id])).toEqual([
      ['org', organizationCode],
      ['node', org.departmentId],
      ['node', team.departmentId],
    ]);
    expect(orgs[0]![0]).toMatchObject({ rootNodeId: org.departmentId, userPoolId: 'emulator-pool' });
    expect(orgs[0]![2]).toMatchObject({ name: 'Platform', code: 'platform', orgId: organizationCode });
  });

  it('listAuthorizedResources lists the resources granted to the user', async () => {
    const management = emulatorManagement(emulator());
    const v3 = emulatorV3Management(emulator());
    const { id } = await newUser(management);
    const code = unique('books');
    await v3.createResource({ code, type: 'DATA', actions: [{ name: 'read', description: 'read' }, { name: 'write', description: 'write' }] });
    await v3.authorizeResources({ list: [{ targetType: 'USER', targetIdentifiers: [id], resources: [{ code, actions: ['read'], resourceType: 'DATA' }] }] });

    const resources = await management.users.listAuthorizedResources(id, 'default');
    expect(resources.totalCount).toBe(1);
    expect(resources.list).toEqual([{ code, type: 'DATA', actions: ['read'] }]);
    expect((await management.users.listAuthorizedResources(id, 'default', { resourceType: 'MENU' })).list).toEqual([]);
  });

  it('custom data: setUdfValue, getUdfValue, setUdfValueBatch, getUdfValueBatch, removeUdfValue', async () => {
    const management = emulatorManagement(emulator());
    const a = await newUser(management);
    const b = await newUser(management);
    expect(await management.users.setUdfValue(a.id, { school: 'PKU', age: 20 })).toBeUndefined();
    expect(await management.users.getUdfValue(a.id)).toEqual({ school: 'PKU', age: 20 });

    await management.users.setUdfValueBatch([
      { userId: a.id, data: { age: 21 } },
      { userId: b.id, data: { school: 'THU', admitted: true } },
    ]);
    expect(await management.users.getUdfValueBatch([a.id, b.id])).toEqual({
      [a.id]: { school: 'PKU', age: 21 },
      [b.id]: { school: 'THU', admitted: true },
    });

    await management.users.removeUdfValue(a.id, 'school');
    expect((await management.users.getUdfValue(a.id)).school ?? null).toBeNull();

    expect(await rejection(management.users.setUdfValue(a.id, {}))).toMatchObject({ code: 'validation_error' });
    expect(await rejection(management.users.getUdfValueBatch([]))).toMatchObject({ code: 'validation_error' });
    // Bad input anywhere in a batch sets nothing.
    expect(await rejection(management.users.setUdfValueBatch([{ userId: a.id, data: { age: 99 } }, { userId: '', data: { age: 1 } }]))).toMatchObject({ code: 'validation_error' });
    expect((await management.users.getUdfValue(a.id)).age).toBe(21);
  });

  it('each method warns once, naming its v3 replacement', async () => {
    const { warnings, deprecationWarnings } = warningsCollector();
    const management = emulatorManagement(emulator(), { deprecationWarnings });
    const { id } = await newUser(management);
    await management.users.getUdfValue(id);
    const named = Object.fromEntries(warnings.map((warning) => [warning.method, warning.replacement]));
    expect(named['users.create']).toBe('ManagementClient.createUser() from @authing/management');
    expect(named['users.getUdfValue']).toBe('ManagementClient.getUser() from @authing/management');
  });
});

describe('users (Prism)', () => {
  it('listGroups returns { totalCount, list } of v2 groups', async () => {
    const { management, sent } = recordingPrismManagement();
    const groups = await management.users.listGroups('user-1');
    expect(sent.map((request) => [request.path, request.query.get('userId')])).toEqual([['/api/v3/get-user-groups', 'user-1']]);
    expect(Object.keys(groups)).toEqual(['totalCount', 'list']);
    expect(groups.list[0]).toEqual({ code: 'developer', name: '开发者', description: '描述内容', createdAt: null, updatedAt: null });
  });

  it('removeGroup removes the user from the group by code', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.users.removeGroup('user-1', 'developer')).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.map(({ path, body }) => [path, body])).toEqual([['/api/v3/remove-group-members', { code: 'developer', userIds: ['user-1'] }]]);
  });

  it('listArchivedUsers lists archived ids, then reads them as v2 users', async () => {
    const { management, sent } = recordingPrismManagement();
    const archived = await management.users.listArchivedUsers(2, 5);
    expect(sent.map((request) => request.path)).toEqual(['/api/v3/list-archived-users', '/api/v3/get-user-batch']);
    expect([sent[0]!.query.get('page'), sent[0]!.query.get('limit')]).toEqual(['2', '5']);
    expect(sent[1]!.query.getAll('userIds').length).toBeGreaterThan(0);
    expect(Object.keys(archived)).toEqual(['totalCount', 'list']);
    expect(Object.keys(archived.list[0]!)).toEqual(v2UserFields);
    expect(archived.list[0]).toMatchObject({ username: 'bob', lastIP: '127.0.0.1', blocked: true, customData: null });
  });

  it('kick signs each user out of the apps it is signed in to', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.users.kick(['user-1', 'user-2'])).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.map((request) => request.path)).toEqual([
      '/api/v3/get-user-loggedin-apps',
      '/api/v3/kick-users',
      '/api/v3/get-user-loggedin-apps',
      '/api/v3/kick-users',
    ]);
    expect(sent[1]!.body).toMatchObject({ userId: 'user-1', appIds: [expect.any(String)] });
    expect(sent[3]!.body).toMatchObject({ userId: 'user-2' });
    expect(await rejection(management.users.kick([]))).toMatchObject({ code: 'validation_error' });
  });

  it('logout signs the user out of one app, or of all of them', async () => {
    const { management, sent } = recordingPrismManagement();
    await management.users.logout({ userId: 'user-1', appId: 'app-1' });
    expect(sent.map(({ path, body }) => [path, body])).toEqual([['/api/v3/kick-users', { userId: 'user-1', appIds: ['app-1'] }]]);
    sent.length = 0;
    expect(await management.users.logout({ userId: 'user-1' })).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.map((request) => request.path)).toEqual(['/api/v3/get-user-loggedin-apps', '/api/v3/kick-users']);
    expect(await rejection(management.users.logout({ userId: '' }))).toMatchObject({ code: 'validation_error' });
  });

  it('checkLoginStatus checks one app, or any app', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.users.checkLoginStatus('user-1', 'app-1')).toEqual({ isLogin: true });
    expect(sent.map(({ path, body }) => [path, body])).toEqual([['/api/v3/check-session-status', { userId: 'user-1', appId: 'app-1' }]]);
    sent.length = 0;
    expect(await management.users.checkLoginStatus('user-1')).toEqual({ isLogin: true });
    expect(sent.map((request) => request.path)).toEqual(['/api/v3/get-user-loggedin-apps']);
    expect(await rejection(management.users.checkLoginStatus('user-1', 'app-1', 'device-1'))).toMatchObject({ code: 'validation_error' });
  });

  it('listUserActions sends v2\'s filters as v3\'s and lists the logs in v2\'s fields', async () => {
    const { management, sent } = recordingPrismManagement();
    const actions = await management.users.listUserActions({ userIds: ['user-1'], operationNames: ['login'], appIds: ['app-1'], clientIp: '10.0.0.1', page: 2, limit: 5, start: 1, end: 2 });
    expect(sent[0]!.body).toEqual({ userId: 'user-1', eventType: 'login', appId: 'app-1', clientIp: '10.0.0.1', start: 1, end: 2, pagination: { page: 2, limit: 5 } });
    // v2's action names are v3's event types, as in statistics.listUserActions.
    await management.users.listUserActions({ operationNames: ['updatePassword'] });
    expect(sent[1]!.body).toMatchObject({ eventType: 'updateUserPassword' });
    expect(actions.list[0]).toEqual(prismUserActionLog);
    expect(await rejection(management.users.listUserActions({ userIds: ['a', 'b'] }))).toMatchObject({ code: 'validation_error' });
  });

  it('linkIdentity and unlinkIdentity', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.users.linkIdentity({ userId: 'user-1', userIdInIdp: 'wx-1', extIdpId: 'idp-1', type: 'openid', isSocial: true })).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.users.unlinkIdentity({ userId: 'user-1', extIdpId: 'idp-1' })).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/link-identity', { userId: 'user-1', userIdInIdp: 'wx-1', extIdpId: 'idp-1', type: 'openid', isSocial: true }],
      ['/api/v3/unlink-identity', { userId: 'user-1', extIdpId: 'idp-1' }],
    ]);
    // v2's docs showed `identifier` alone; v3 needs the identity source's id.
    const missing = await rejection(management.users.linkIdentity({ userId: 'user-1', userIdInIdp: 'wx-1', identifier: 'wechat' } as never));
    expect(missing).toMatchObject({ code: 'validation_error' });
  });

  it.each([
    ['refreshToken', (m: ManagementClient) => m.users.refreshToken('user-1')],
    ['filter', (m: ManagementClient) => m.users.filter({ filter: [] })],
    ['getUserTenants', (m: ManagementClient) => m.users.getUserTenants('user-1')],
    ['sendFirstLoginVerifyEmail', (m: ManagementClient) => m.users.sendFirstLoginVerifyEmail({ userId: 'user-1', appId: 'app-1' })],
    ['getApplicationLoginUserNum', (m: ManagementClient) => m.users.getApplicationLoginUserNum({ appId: 'app-1' })],
    ['getUdfFieldUserNum', (m: ManagementClient) => m.users.getUdfFieldUserNum({ definedFieldKey: 'school' })],
  ])('%s has no v3 equivalent and says so, sending nothing', async (name, call) => {
    const { management, sent } = recordingPrismManagement();
    await expectUnsupported(call(management), `users.${name}`);
    expect(sent).toEqual([]);
  });
});
