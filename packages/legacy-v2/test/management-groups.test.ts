import { describe, expect, it } from 'vitest';
import { rejection, sortedKeys } from './assertions.ts';
import { emulatorManagement, newUser, prismManagement, recordingPrismManagement, unique, useEmulator, warningsCollector } from './servers.ts';

const emulator = useEmulator();

/** The fields of v2's `Group` that v2's group answers had. */
const groupKeys = ['code', 'createdAt', 'description', 'name', 'updatedAt'];

describe('groups (emulator)', () => {
  it('create resolves a v2 group; no description reads null, as v2 answered', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('group');
    const group = await management.groups.create(code, 'Staff', 'All staff');
    expect(sortedKeys(group)).toEqual(groupKeys);
    expect(group).toEqual({ code, name: 'Staff', description: 'All staff', createdAt: null, updatedAt: null });
    expect(await management.groups.create(unique('bare'), 'Bare')).toMatchObject({ name: 'Bare', description: null });
  });

  it('list resolves { totalCount, list } of v2 groups, paged', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('listed');
    const created = await management.groups.create(code, 'Listed');
    const page = await management.groups.list(1, 50);
    expect(sortedKeys(page)).toEqual(['list', 'totalCount']);
    expect(page.list.find((group) => group.code === code)).toEqual(created);
    expect((await management.groups.list(1, 1)).list).toHaveLength(1);
    expect((await management.groups.list()).list.length).toBeLessThanOrEqual(10);
  });

  it('addUsers then listUsers: members as v2 users; withCustomData gives custom data as key-value pairs', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('members');
    await management.groups.create(code, 'Members');
    const user = await newUser(management, {}, { customData: { tier: 'gold' } });
    expect(await management.groups.addUsers(code, [user.id])).toEqual({ code: 200, message: expect.any(String) });

    const { totalCount, list } = await management.groups.listUsers(code);
    expect(totalCount).toBe(1);
    expect(list[0]).toMatchObject({ id: user.id, username: user.username, userPoolId: 'emulator-pool', arn: `arn:cn:authing:emulator-pool:user:${user.id}`, password: null, customData: null });

    const withData = await management.groups.listUsers(code, { withCustomData: true, page: 1, limit: 5 });
    expect(withData.list[0]?.customData).toEqual({ tier: 'gold' });
    expect(await management.groups.listUsers(code, { page: 2, limit: 1 })).toEqual({ totalCount: 1, list: [] });
  });

  it('an unknown group throws AuthingV2Error with the server\'s code; bad user ids fail validation first', async () => {
    const management = emulatorManagement(emulator());
    const error = await rejection(management.groups.listUsers(unique('missing')));
    expect(error).toMatchObject({ code: 404 });
    await expect(management.groups.addUsers('any', [''])).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('warns once per method, naming the v3 replacement', async () => {
    const collector = warningsCollector();
    const management = emulatorManagement(emulator(), { deprecationWarnings: collector.deprecationWarnings });
    await management.groups.list();
    await management.groups.list();
    expect(collector.warnings.map(({ method, replacement }) => [method, replacement])).toEqual([['groups.list', 'ManagementClient.listGroups() from @authing/management']]);
  });
});

describe('groups (Prism)', () => {
  it('detail resolves one v2 group', async () => {
    const group = await prismManagement().groups.detail('developer');
    expect(sortedKeys(group)).toEqual(groupKeys);
    expect(group).toMatchObject({ code: 'developer', name: expect.any(String), createdAt: null, updatedAt: null });
  });

  it('update sends the changes, reading the current description first when none is given (v3 needs it)', async () => {
    const { management, sent } = recordingPrismManagement();
    const group = await management.groups.update('developer', { name: 'Devs', newCode: 'devs' });
    expect(sortedKeys(group)).toEqual(groupKeys);
    expect(sent.map((request) => request.path)).toEqual(['/api/v3/get-group', '/api/v3/update-group']);
    expect(sent.at(-1)?.body).toEqual({ code: 'developer', description: '描述内容', name: 'Devs', newCode: 'devs' });

    sent.length = 0;
    await management.groups.update('developer', { description: 'given' });
    expect(sent.map((request) => request.path)).toEqual(['/api/v3/update-group']);
    expect(sent[0]?.body).toEqual({ code: 'developer', description: 'given' });
  });

  it('delete, deleteMany and removeUsers resolve v2\'s { code: 200, message }', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.groups.delete('a')).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.groups.deleteMany(['b', 'c'])).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.groups.removeUsers('a', ['u1', 'u2'])).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.map((request) => [request.path, request.body])).toEqual([
      ['/api/v3/delete-groups-batch', { codeList: ['a'] }],
      ['/api/v3/delete-groups-batch', { codeList: ['b', 'c'] }],
      ['/api/v3/remove-group-members', { code: 'a', userIds: ['u1', 'u2'] }],
    ]);
    await expect(management.groups.deleteMany([])).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('listAuthorizedResources resolves { totalCount, list } of v2 { code, type, actions }', async () => {
    const page = await prismManagement().groups.listAuthorizedResources('developer', 'default', { resourceType: 'DATA' });
    expect(sortedKeys(page)).toEqual(['list', 'totalCount']);
    expect(page.totalCount).toBe(page.list.length);
    expect(page.list.length).toBeGreaterThan(0);
    for (const resource of page.list) expect(sortedKeys(resource)).toEqual(['actions', 'code', 'type']);
    expect(page.list[0]).toMatchObject({ code: 'ecs:1', actions: ['ecs:Start', 'ecs:Stop'] });
  });
});
