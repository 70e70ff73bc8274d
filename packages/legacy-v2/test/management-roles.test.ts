import { describe, expect, it } from 'vitest';
import type { ManagementClient } from '../src/index.ts';
import { expectUnsupported, rejection, sortedKeys } from './assertions.ts';
import { emulatorManagement, newUser, prismManagement, recordingPrismManagement, unique, useEmulator, warningsCollector } from './servers.ts';

const emulator = useEmulator();

/** The fields of v2's `Role` that v2's role answers had. */
const roleKeys = ['arn', 'code', 'createdAt', 'description', 'id', 'isSystem', 'namespace', 'parent', 'updatedAt'];
/** The example role of the official document, as Prism serves it. */
const prismRole = { id: '60b49eb83fd80adb96f26e68', code: 'role1', namespace: 'default' };

/** A role member: its nickname is searched by `findUsers`, its custom data read by `listUsers`. */
async function newMember(management: ManagementClient, username: string): Promise<string> {
  return (await newUser(management, { username, nickname: `nick-${username}` }, { customData: { tier: 'gold' } })).id;
}

describe('roles (emulator)', () => {
  it('create resolves a v2 role: its id, code, namespace and arn, the fields v3 lacks null', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('role');
    const role = await management.roles.create(code, 'Readers');
    expect(sortedKeys(role)).toEqual(roleKeys);
    expect(role).toMatchObject({ code, description: 'Readers', namespace: 'default', isSystem: null, createdAt: null, updatedAt: null, parent: null });
    expect(role.arn).toBe(`arn:cn:authing:emulator-pool:role:${role.id}`);
    // No description: v2 answered null, not v3's ''.
    expect((await management.roles.create(unique('bare'))).description).toBeNull();
  });

  it('list takes v2 options ({ page, limit, namespace }) and v2\'s older (page, limit)', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('listed');
    const created = await management.roles.create(code);
    const page = await management.roles.list({ page: 1, limit: 50, namespace: 'default' });
    expect(sortedKeys(page)).toEqual(['list', 'totalCount']);
    expect(page.totalCount).toBeGreaterThanOrEqual(1);
    expect(page.list.find((role) => role.code === code)).toEqual(created);
    const older = await management.roles.list(1, 50);
    expect(older.list.map((role) => role.code)).toContain(code);
    const small = await management.roles.list({ limit: 1 });
    expect(small.list).toHaveLength(1);
  });

  it('detail and findByCode find a role by code; an unknown code throws AuthingV2Error 404', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('found');
    const created = await management.roles.create(code, 'Found', 'default');
    expect(await management.roles.detail(code)).toEqual(created);
    expect(await management.roles.findByCode(code, 'default')).toEqual(created);
    const error = await rejection(management.roles.findByCode(unique('missing')));
    expect(error).toMatchObject({ code: 404, statusCode: 404 });
  });

  it('addUsers, listUsers, removeUsers: members as v2 users, custom data as key-value pairs when asked', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('members');
    await management.roles.create(code);
    const username = unique('member');
    const userId = await newMember(management, username);
    expect(await management.roles.addUsers(code, [userId])).toEqual({ code: 200, message: expect.any(String) });

    const { totalCount, list } = await management.roles.listUsers(code);
    expect(totalCount).toBe(1);
    expect(list[0]).toMatchObject({ id: userId, username, userPoolId: 'emulator-pool', arn: `arn:cn:authing:emulator-pool:user:${userId}` });
    // Not asked for: null, as v2's query left it out.
    expect(list[0]?.customData).toBeNull();

    const withData = await management.roles.listUsers(code, { withCustomData: true, page: 1, limit: 10 });
    expect(withData.list[0]?.customData).toEqual({ tier: 'gold' });

    expect(await management.roles.removeUsers(code, [userId], 'default')).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.roles.listUsers(code, { namespace: 'default' })).toEqual({ totalCount: 0, list: [] });
  });

  it('findUsers pages the members, and with search keeps those whose username, nickname, email or phone matches', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('search');
    await management.roles.create(code);
    const alice = unique('alice');
    const bob = unique('bob');
    await management.roles.addUsers(code, [await newMember(management, alice), await newMember(management, bob)]);

    const all = await management.roles.findUsers(code);
    expect(all.totalCount).toBe(2);
    expect(all.list.map((user) => user.username).sort()).toEqual([alice, bob].sort());

    const found = await management.roles.findUsers(code, { search: alice.toUpperCase() });
    expect(found).toMatchObject({ totalCount: 1, list: [{ username: alice }] });
    // The nickname matches too.
    expect((await management.roles.findUsers(code, { search: `nick-${bob}` })).list.map((user) => user.username)).toEqual([bob]);
    expect(await management.roles.findUsers(code, { search: 'nobody-has-this' })).toEqual({ totalCount: 0, list: [] });
    // Pages are cut after the search.
    expect(await management.roles.findUsers(code, { search: alice, page: 2, limit: 1 })).toEqual({ totalCount: 1, list: [] });
  });

  it('bad user ids fail with validation_error before anything is sent', async () => {
    const management = emulatorManagement(emulator());
    await expect(management.roles.addUsers('any', [])).rejects.toMatchObject({ name: 'AuthingV2Error', code: 'validation_error' });
    await expect(management.roles.removeUsers('any', 'u1' as unknown as string[])).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('warns once per method, naming the v3 replacement', async () => {
    const collector = warningsCollector();
    const management = emulatorManagement(emulator(), { deprecationWarnings: collector.deprecationWarnings });
    const code = unique('warned');
    await management.roles.create(code);
    await management.roles.listUsers(code);
    await management.roles.listUsers(code);
    expect(collector.warnings.map(({ method, replacement }) => [method, replacement])).toEqual([
      ['roles.create', 'ManagementClient.createRole() from @authing/management'],
      ['roles.listUsers', 'ManagementClient.listRoleMembers() from @authing/management'],
    ]);
  });
});

describe('roles (Prism)', () => {
  it('update reads the role (v3 needs its name), sends the change, and resolves the changed role', async () => {
    const { management, sent } = recordingPrismManagement();
    const role = await management.roles.update('role1', { description: 'new text', newCode: 'role2' });
    expect(sortedKeys(role)).toEqual(roleKeys);
    expect(role).toMatchObject({ id: prismRole.id, code: 'role2', description: 'new text', namespace: 'default' });
    const update = sent.find((request) => request.path === '/api/v3/update-role');
    expect(update?.body).toEqual({ code: 'role1', newCode: 'role2', name: expect.any(String), namespace: 'default', description: 'new text' });
  });

  it('delete and deleteMany resolve v2\'s { code: 200, message } and send the codes', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.roles.delete('role1', 'ns1')).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.roles.deleteMany(['a', 'b'])).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.filter((request) => request.path === '/api/v3/delete-roles-batch').map((request) => request.body)).toEqual([
      { codeList: ['role1'], namespace: 'ns1' },
      { codeList: ['a', 'b'] },
    ]);
    await expect(management.roles.deleteMany([])).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('listAuthorizedResources resolves { totalCount, list } of v2 { code, type, actions }', async () => {
    const page = await prismManagement().roles.listAuthorizedResources('role1', 'default', { resourceType: 'DATA' });
    expect(sortedKeys(page)).toEqual(['list', 'totalCount']);
    expect(typeof page.totalCount).toBe('number');
    expect(page.list.length).toBeGreaterThan(0);
    for (const resource of page.list) expect(sortedKeys(resource)).toEqual(['actions', 'code', 'type']);
    expect(page.list[0]).toEqual({ code: 'ecs', type: 'DATA', actions: ['ecs:Start', 'ecs:Stop'] });
  });

  it('getUdfValue, getSpecificUdfValue and getUdfValueBatch find the role by id and read its custom data by code', async () => {
    const { management, sent } = recordingPrismManagement({ tenantId: 'tenant1' });
    expect(await management.roles.getUdfValue(prismRole.id)).toEqual({ age: 18, school: 'pku' });
    expect(await management.roles.getSpecificUdfValue(prismRole.id, 'school')).toEqual({ school: 'pku' });
    expect(await management.roles.getSpecificUdfValue(prismRole.id, 'nothing')).toEqual({});
    expect(await management.roles.getUdfValueBatch([prismRole.id])).toEqual({ [prismRole.id]: { age: 18, school: 'pku' } });
    const read = sent.find((request) => request.path === '/api/v3/get-custom-data');
    expect(Object.fromEntries(read?.query ?? [])).toEqual({ targetType: 'ROLE', targetIdentifier: prismRole.code, namespace: 'default', tenantId: 'tenant1' });
  });

  it('setUdfValue and setUdfValueBatch write the values as they are, by role code', async () => {
    const { management, sent } = recordingPrismManagement();
    // String values: the official document (which Prism enforces) types them as strings.
    await expect(management.roles.setUdfValue(prismRole.id, { nickname: 'r', school: 'thu' })).resolves.toBeUndefined();
    await expect(management.roles.setUdfValueBatch([{ roleId: prismRole.id, data: { level: 'gold' } }])).resolves.toBeUndefined();
    expect(sent.filter((request) => request.path === '/api/v3/set-custom-data').map((request) => request.body)).toEqual([
      { targetType: 'ROLE', targetIdentifier: 'role1', namespace: 'default', list: [{ key: 'nickname', value: 'r' }, { key: 'school', value: 'thu' }] },
      { targetType: 'ROLE', targetIdentifier: 'role1', namespace: 'default', list: [{ key: 'level', value: 'gold' }] },
    ]);
  });

  it('removeUdfValue clears the value: v3 cannot delete one, so it is set to null', async () => {
    const { management, sent } = recordingPrismManagement();
    // Prism enforces the document's string values, so it answers 422 to the null; what was sent is the point.
    await management.roles.removeUdfValue(prismRole.id, 'school').catch(() => undefined);
    expect(sent.find((request) => request.path === '/api/v3/set-custom-data')?.body).toEqual({
      targetType: 'ROLE',
      targetIdentifier: 'role1',
      namespace: 'default',
      list: [{ key: 'school', value: null }],
    });
    await expect(management.roles.removeUdfValue(prismRole.id, '')).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('custom data of an unknown role id throws AuthingV2Error 404; empty values fail validation first', async () => {
    const management = prismManagement();
    await expect(management.roles.getUdfValue('no-such-role')).rejects.toMatchObject({ name: 'AuthingV2Error', code: 404, message: expect.stringContaining('no-such-role') });
    await expect(management.roles.setUdfValue(prismRole.id, {})).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.roles.setUdfValueBatch([])).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.roles.getUdfValueBatch([])).rejects.toMatchObject({ code: 'validation_error' });
  });

  it.each([
    ['listPolicies', (m: ReturnType<typeof prismManagement>) => m.roles.listPolicies('role1')],
    ['addPolicies', (m: ReturnType<typeof prismManagement>) => m.roles.addPolicies('role1', ['p'])],
    ['removePolicies', (m: ReturnType<typeof prismManagement>) => m.roles.removePolicies('role1', ['p'])],
  ])('%s has no v3 equivalent and says so', async (method, call) => {
    await expectUnsupported(call(prismManagement()), `roles.${method}`);
  });
});
