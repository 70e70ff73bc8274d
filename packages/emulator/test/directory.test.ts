import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { authentication, management, managementToken, raw, spec, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  await emulator.stop();
});

function ok<T extends { statusCode: number; message?: string }>(answer: T): Extract<T, { statusCode: 200 }> {
  if (answer.statusCode !== 200) throw new Error(`${answer.statusCode}: ${answer.message}`);
  return answer as Extract<T, { statusCode: 200 }>;
}

async function users(mgmt: ReturnType<typeof management>, ...names: string[]): Promise<string[]> {
  const created = ok(await mgmt.createUsersBatch({ list: names.map((username) => ({ username, password: `${username}-pw` })) }));
  return (created.data as unknown as Array<{ userId: string }>).map((user) => user.userId);
}

describe('organisations and departments', () => {
  it('builds a tree under the root department, moves and deletes branches, and tracks members', async () => {
    const mgmt = management(emulator);
    const [ann, ben] = await users(mgmt, 'ann', 'ben');
    const org = ok(await mgmt.createOrganization({ organizationCode: 'acme', organizationName: 'ACME', description: 'the org', metadata: {} }));
    expect(org.data).toMatchObject({ organizationCode: 'acme', organizationName: 'ACME', hasChildren: false, membersCount: 0, isVirtualNode: false });
    const root = org.data.departmentId;
    expect(await mgmt.createOrganization({ organizationCode: 'acme', organizationName: 'again', metadata: {} })).toMatchObject({ statusCode: 400, message: '组织 acme 已存在' });

    const eng = ok(await mgmt.createDepartment({ organizationCode: 'acme', parentDepartmentId: root, name: 'Engineering', code: 'eng', customData: { floor: 3 }, metadata: {} }));
    expect(eng.data).toMatchObject({ parentDepartmentId: root, parentDepartmentCode: 'acme', code: 'eng', hasChildren: false, membersCount: 0, customData: { floor: 3 } });
    const web = ok(await mgmt.createDepartment({ organizationCode: 'acme', parentDepartmentId: 'eng', departmentIdType: 'code', name: 'Web', code: 'web', metadata: {} }));
    expect(web.data).toMatchObject({ parentDepartmentId: eng.data.departmentId, parentDepartmentCode: 'eng' });
    const sales = ok(await mgmt.createDepartment({ organizationCode: 'acme', parentDepartmentId: root, name: 'Sales', metadata: {} }));
    expect(await mgmt.createDepartment({ organizationCode: 'acme', parentDepartmentId: root, name: 'Dup', code: 'eng', metadata: {} })).toMatchObject({ statusCode: 400 });
    expect(await mgmt.createDepartment({ organizationCode: 'acme', parentDepartmentId: 'nope', name: 'X', metadata: {} })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.createDepartment({ organizationCode: 'ghost', parentDepartmentId: root, name: 'X', metadata: {} })).toMatchObject({ statusCode: 404, message: '组织 ghost 不存在' });

    const children = ok(await mgmt.listChildrenDepartments({ organizationCode: 'acme', departmentId: root }));
    expect(children.data.list.map((department) => department.name)).toEqual(['Engineering', 'Sales']);
    expect(children.data.list[0]).toMatchObject({ hasChildren: true });
    expect(ok(await mgmt.listChildrenDepartments({ organizationCode: 'acme', departmentId: web.data.departmentId })).data).toEqual({ totalCount: false, list: [] });

    expect(await mgmt.addDepartmentMembers({ organizationCode: 'acme', departmentId: eng.data.departmentId, userIds: [ann!] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.addDepartmentMembers({ organizationCode: 'acme', departmentId: 'web', departmentIdType: 'code', userIds: [ann!, ben!] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.addDepartmentMembers({ organizationCode: 'acme', departmentId: 'web', departmentIdType: 'code', userIds: ['nobody'] })).toMatchObject({ apiCode: 2004 });
    expect(await mgmt.listDepartmentMembers({ organizationCode: 'acme', departmentId: eng.data.departmentId })).toMatchObject({ data: { totalCount: 1, list: [{ userId: ann }] } });
    const deep = ok(await mgmt.listDepartmentMembers({ organizationCode: 'acme', departmentId: root, includeChildrenDepartments: true, withDepartmentIds: true, page: 2, limit: 1 }));
    expect(deep.data).toMatchObject({ totalCount: 2, list: [{ userId: ben, departmentIds: [web.data.departmentId] }] });
    expect(await mgmt.getOrganization({ organizationCode: 'acme' })).toMatchObject({ data: { hasChildren: true, membersCount: 2 } });

    const annDepartments = ok(await mgmt.getUserDepartments({ userId: ann!, withDepartmentPaths: true }));
    expect(annDepartments.data).toMatchObject({
      totalCount: 2,
      list: [
        { departmentId: eng.data.departmentId, isMainDepartment: true, isRoot: false, code: 'eng', departmentNamePath: ['ACME', 'Engineering'] },
        { departmentId: web.data.departmentId, isMainDepartment: false, departmentCodePath: ['acme', 'eng', 'web'] },
      ],
    });

    // Move Web under Sales; moving Engineering under its own child is refused.
    const moved = ok(await mgmt.updateDepartment({ organizationCode: 'acme', departmentId: web.data.departmentId, parentDepartmentId: sales.data.departmentId, name: 'Web team', leaderUserIds: [ben!], metadata: {} }));
    expect(moved.data).toMatchObject({ name: 'Web team', parentDepartmentId: sales.data.departmentId, leaderUserIds: [ben] });
    expect(await mgmt.updateDepartment({ organizationCode: 'acme', departmentId: sales.data.departmentId, parentDepartmentId: web.data.departmentId, metadata: {} })).toMatchObject({ statusCode: 400 });
    expect(await mgmt.getDepartment({ organizationCode: 'acme', departmentCode: 'web' })).toMatchObject({ data: { name: 'Web team', membersCount: 2 } });
    expect(await mgmt.getUserDepartments({ userId: 'ben', userIdType: 'username' })).toMatchObject({ data: { list: [{ isLeader: true, name: 'Web team' }] } });

    expect(await mgmt.removeDepartmentMembers({ organizationCode: 'acme', departmentId: web.data.departmentId, userIds: [ben!] })).toMatchObject({ data: { success: true } });
    expect(await mgmt.getUserDepartments({ userId: ben! })).toMatchObject({ data: { totalCount: 0, list: [] } });
    expect(await mgmt.getDepartment({ organizationCode: 'acme', departmentId: web.data.departmentId })).toMatchObject({ data: { membersCount: 1, leaderUserIds: [] } });

    // Deleting Sales takes Web with it; the root cannot be deleted.
    expect(await mgmt.deleteDepartment({ organizationCode: 'acme', departmentId: root })).toMatchObject({ statusCode: 400 });
    expect(await mgmt.deleteDepartment({ organizationCode: 'acme', departmentId: sales.data.departmentId })).toMatchObject({ data: { success: true } });
    expect(await mgmt.getDepartment({ organizationCode: 'acme', departmentId: web.data.departmentId })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.getUserDepartments({ userId: ann! })).toMatchObject({ data: { totalCount: 1 } });

    ok(await mgmt.createOrganization({ organizationCode: 'other', organizationName: 'Other', metadata: {} }));
    expect(await mgmt.listOrganizations({ page: 1, limit: 1 })).toMatchObject({ data: { totalCount: 2, list: [{ organizationCode: 'acme' }] } });
    expect(await mgmt.deleteOrganization({ organizationCode: 'acme' })).toMatchObject({ data: { success: true } });
    expect(await mgmt.getOrganization({ organizationCode: 'acme' })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.getUserDepartments({ userId: ann! })).toMatchObject({ data: { totalCount: 0 } });
    expect(await mgmt.listOrganizations({})).toMatchObject({ data: { totalCount: 1, list: [{ organizationCode: 'other' }] } });
  });
});

describe('applications', () => {
  it('creates an app that signs users in with its secret, and a refreshed secret replaces the old one', async () => {
    const mgmt = management(emulator);
    await users(mgmt, 'sam');
    const created = ok(await mgmt.createApplication({ appName: 'Portal', appIdentifier: 'portal', appType: 'web', redirectUris: ['http://localhost:3000/cb'] }));
    const { appId } = created.data;
    expect(created.data).toMatchObject({ appName: 'Portal', appIdentifier: 'portal', appType: 'web', userPoolId: 'emulator-pool', redirectUris: ['http://localhost:3000/cb'], isIntegrateApp: false });
    expect(await mgmt.createApplication({ appName: 'Again', appIdentifier: 'portal' })).toMatchObject({ statusCode: 400 });
    expect(await mgmt.getApplication({ appId })).toMatchObject({ data: { appId, appName: 'Portal' } });
    expect(await mgmt.getApplication({ appId: 'no-such-app' })).toMatchObject({ statusCode: 404, apiCode: 2011 });
    expect(await mgmt.listApplications({ page: 1, limit: 10 })).toMatchObject({ data: { totalCount: 2, list: [{ appId: 'emulator-app' }, { appId }] } });
    expect(await mgmt.listApplications({ keywords: 'port' })).toMatchObject({ data: { totalCount: 1, list: [{ appId }] } });

    const secret = ok(await mgmt.getApplicationSecret({ appId })).data.secret;
    const signIn = (appSecret: string) => authentication(emulator, { appId, appSecret }).signInByUsernamePassword({ username: 'sam', password: 'sam-pw' });
    expect(await signIn(secret)).toMatchObject({ statusCode: 200 });

    const refreshed = ok(await mgmt.refreshApplicationSecret({ appId })).data.secret;
    expect(refreshed).not.toBe(secret);
    expect(await mgmt.getApplicationSecret({ appId })).toMatchObject({ data: { secret: refreshed } });
    expect(await signIn(secret)).toMatchObject({ statusCode: 401 });
    expect(await signIn(refreshed)).toMatchObject({ statusCode: 200 });
    // The seeded app is untouched.
    expect(await authentication(emulator).signInByUsernamePassword({ username: 'sam', password: 'sam-pw' })).toMatchObject({ statusCode: 200 });
  });
});

describe('resources and permissions', () => {
  it('authorises through a role, a group and directly; isActionAllowed follows membership', async () => {
    const mgmt = management(emulator);
    const [reader, outsider] = await users(mgmt, 'reader', 'outsider');
    expect(await mgmt.createResource({ code: 'book', type: 'DATA', actions: [{ name: 'read', description: 'Read' }, { name: 'write', description: 'Write' }], description: 'Books' })).toMatchObject({
      statusCode: 200,
      data: { code: 'book', type: 'DATA', namespace: 'default', actions: [{ name: 'read' }, { name: 'write' }] },
    });
    ok(await mgmt.createResource({ code: 'orders-api', type: 'API', apiIdentifier: 'https://api.example.com/orders' }));
    expect(await mgmt.createResource({ code: 'book', type: 'DATA' })).toMatchObject({ statusCode: 400 });
    expect(await mgmt.getResource({ code: 'book' })).toMatchObject({ data: { code: 'book', description: 'Books' } });
    expect(await mgmt.getResource({ code: 'ghost' })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.listResources({ type: 'API' })).toMatchObject({ data: { totalCount: 1, list: [{ code: 'orders-api' }] } });
    expect(await mgmt.listResources({ page: 1, limit: 1 })).toMatchObject({ data: { totalCount: 2, list: [{ code: 'book' }] } });

    ok(await mgmt.createRole({ code: 'librarian' }));
    ok(await mgmt.assignRole({ code: 'librarian', targets: [{ targetType: 'USER', targetIdentifier: reader! }] }));
    expect(await mgmt.authorizeResources({ list: [{ targetType: 'ROLE', targetIdentifiers: ['librarian'], resources: [{ code: 'book', actions: ['read'], resourceType: 'DATA' }] }] })).toMatchObject({ data: { success: true } });
    const allowed = (userId: string, action: string, resource: string) => mgmt.isActionAllowed({ userId, action, resource });
    expect(await allowed(reader!, 'read', 'book')).toMatchObject({ statusCode: 200, data: { allowed: true } });
    expect(await allowed(reader!, 'write', 'book')).toMatchObject({ data: { allowed: false } });
    expect(await allowed(outsider!, 'read', 'book')).toMatchObject({ data: { allowed: false } });
    expect(await allowed('nobody', 'read', 'book')).toMatchObject({ apiCode: 2004 });

    // Through a group, and directly; revoking the role takes its grant away.
    ok(await mgmt.createGroup({ code: 'writers', name: 'Writers', description: '', type: 'static' }));
    ok(await mgmt.addGroupMembers({ code: 'writers', userIds: [outsider!] }));
    ok(await mgmt.authorizeResources({ list: [
      { targetType: 'GROUP', targetIdentifiers: ['writers'], resources: [{ code: 'book', actions: ['write'], resourceType: 'DATA' }] },
      { targetType: 'USER', targetIdentifiers: [reader!], resources: [{ code: 'orders-api', actions: ['*'], resourceType: 'API' }] },
    ] }));
    expect(await allowed(outsider!, 'write', 'book')).toMatchObject({ data: { allowed: true } });
    expect(await allowed(outsider!, 'read', 'book')).toMatchObject({ data: { allowed: false } });
    expect(await allowed(reader!, 'delete', 'orders-api')).toMatchObject({ data: { allowed: true } });
    expect(await mgmt.getUserAuthorizedResources({ userId: reader! })).toMatchObject({
      data: { totalCount: 2, list: [{ resourceCode: 'book', actions: ['read'], resourceType: 'DATA', effect: 'ALLOW' }, { resourceCode: 'orders-api', apiIdentifier: 'https://api.example.com/orders' }] },
    });
    expect(await mgmt.getUserAuthorizedResources({ userId: reader!, resourceType: 'API' })).toMatchObject({ data: { totalCount: 1 } });
    ok(await mgmt.revokeRole({ code: 'librarian', targets: [{ targetType: 'USER', targetIdentifier: reader! }] }));
    expect(await allowed(reader!, 'read', 'book')).toMatchObject({ data: { allowed: false } });

    // Unknown targets and resources store nothing.
    expect(await mgmt.authorizeResources({ list: [{ targetType: 'ROLE', targetIdentifiers: ['ghost'], resources: [{ code: 'book', actions: ['read'], resourceType: 'DATA' }] }] })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.authorizeResources({ list: [{ targetType: 'USER', targetIdentifiers: [outsider!], resources: [{ code: 'ghost', actions: ['read'], resourceType: 'DATA' }] }] })).toMatchObject({ statusCode: 404 });
    expect(await mgmt.getUserAuthorizedResources({ userId: outsider! })).toMatchObject({ data: { totalCount: 1, list: [{ resourceCode: 'book', actions: ['write'] }] } });
  });
});

describe('validation', () => {
  it('answers 400 naming the wrong-typed or missing field, in the language asked for', async () => {
    const headers = { ...(await managementToken(emulator)), 'x-authing-lang': 'en-US' };
    const post = (path: string, body: object) => raw(emulator, 'POST', path, { body, headers });
    expect(await post('/api/v3/create-organization', { organizationCode: 7, organizationName: 'x' })).toMatchObject({ status: 400, body: { statusCode: 400, message: 'Parameter organizationCode must be string' } });
    expect(await post('/api/v3/create-department', { organizationCode: 'o', parentDepartmentId: 'p' })).toMatchObject({ status: 400, body: { message: 'Missing parameter name' } });
    expect(await post('/api/v3/add-department-members', { organizationCode: 'o', departmentId: 'd', userIds: ['a', 2] })).toMatchObject({ status: 400, body: { message: 'Parameter userIds[1] must be string' } });
    expect(await post('/api/v3/create-department', { organizationCode: 'o', parentDepartmentId: 'p', name: 'n', departmentIdType: 'sync_relation' })).toMatchObject({ status: 400, body: { message: 'Parameter departmentIdType has an invalid value' } });
    expect(await post('/api/v3/create-application', { appName: 'a', redirectUris: 'http://x' })).toMatchObject({ status: 400, body: { message: 'Parameter redirectUris must be string[]' } });
    expect(await post('/api/v3/create-application', { appName: 'a', appType: 'desktop' })).toMatchObject({ status: 400, body: { message: 'Parameter appType has an invalid value' } });
    expect(await post('/api/v3/refresh-application-secret', {})).toMatchObject({ status: 400, body: { message: 'Missing parameter appId' } });
    expect(await post('/api/v3/create-resource', { code: 'r', type: 'DATA', actions: [{ name: 1 }] })).toMatchObject({ status: 400, body: { message: 'Parameter actions[0].name must be string' } });
    expect(await post('/api/v3/create-resource', { code: 'r' })).toMatchObject({ status: 400, body: { message: 'Missing parameter type' } });
    expect(await post('/api/v3/authorize-resources', { list: [{ targetType: 'USER', targetIdentifiers: ['u'], resources: [{ code: 'r', actions: 'read', resourceType: 'DATA' }] }] })).toMatchObject({
      status: 400,
      body: { message: 'Parameter list[0].resources[0].actions must be array' },
    });
    expect(await post('/api/v3/authorize-resources', { list: [{ targetType: 'TEAM', targetIdentifiers: [], resources: [] }] })).toMatchObject({ status: 400, body: { message: 'Parameter list[0].targetType has an invalid value' } });
    expect(await post('/api/v3/is-action-allowed', { userId: 'u', action: ['read'], resource: 'r' })).toMatchObject({ status: 400, body: { message: 'Parameter action must be string' } });
    expect(await raw(emulator, 'GET', '/api/v3/list-organizations?page=one', { headers })).toMatchObject({ status: 400, body: { message: 'Parameter page must be integer' } });
    const japanese = await raw(emulator, 'GET', '/api/v3/get-resource?code=ghost', { headers: { ...headers, 'x-authing-lang': 'ja-JP' } });
    expect(japanese.body).toMatchObject({ statusCode: 404, message: 'リソース ghost が存在しません' });
    // Nothing was stored by the rejected calls.
    const mgmt = management(emulator);
    expect(await mgmt.listOrganizations({})).toMatchObject({ data: { totalCount: 0 } });
    expect(await mgmt.listResources({})).toMatchObject({ data: { totalCount: 0 } });
    expect(await mgmt.listApplications({})).toMatchObject({ data: { totalCount: 1 } });
  });
});

describe('persistence of the new collections', () => {
  it('keeps organisations, departments, members, apps, secrets, resources and grants across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'authing-emulator-'));
    try {
      const first = await start({ dataDir });
      let appId: string;
      let secret: string;
      let userId: string;
      let departmentId: string;
      try {
        const mgmt = management(first);
        [userId] = (await users(mgmt, 'pat')) as [string];
        const org = ok(await mgmt.createOrganization({ organizationCode: 'keep', organizationName: 'Keep', metadata: {} }));
        departmentId = ok(await mgmt.createDepartment({ organizationCode: 'keep', parentDepartmentId: org.data.departmentId, name: 'Ops', code: 'ops', metadata: {} })).data.departmentId;
        ok(await mgmt.addDepartmentMembers({ organizationCode: 'keep', departmentId, userIds: [userId] }));
        appId = ok(await mgmt.createApplication({ appName: 'Kept' })).data.appId;
        secret = ok(await mgmt.refreshApplicationSecret({ appId })).data.secret;
        ok(await mgmt.createResource({ code: 'doc', type: 'DATA', actions: [{ name: 'read', description: '' }] }));
        ok(await mgmt.authorizeResources({ list: [{ targetType: 'DEPARTMENT', targetIdentifiers: [departmentId], resources: [{ code: 'doc', actions: ['read'], resourceType: 'DATA' }] }] }));
      } finally {
        await first.stop();
      }

      const second = await start({ dataDir });
      try {
        const mgmt = management(second);
        expect(await mgmt.getOrganization({ organizationCode: 'keep' })).toMatchObject({ data: { hasChildren: true, membersCount: 1 } });
        expect(await mgmt.listDepartmentMembers({ organizationCode: 'keep', departmentId: 'ops', departmentIdType: 'code' })).toMatchObject({ data: { totalCount: 1, list: [{ userId }] } });
        expect(await mgmt.getApplication({ appId })).toMatchObject({ data: { appName: 'Kept' } });
        expect(await mgmt.getApplicationSecret({ appId })).toMatchObject({ data: { secret } });
        expect(await authentication(second, { appId, appSecret: secret }).signInByUsernamePassword({ username: 'pat', password: 'pat-pw' })).toMatchObject({ statusCode: 200 });
        expect(await mgmt.getResource({ code: 'doc' })).toMatchObject({ data: { actions: [{ name: 'read' }] } });
        expect(await mgmt.isActionAllowed({ userId, action: 'read', resource: 'doc' })).toMatchObject({ data: { allowed: true } });
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('serves a state saved before these collections existed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'authing-emulator-'));
    try {
      const first = await start({ dataDir });
      await first.stop();
      const { readFileSync, writeFileSync } = await import('node:fs');
      const file = join(dataDir, 'emulator-state.json');
      const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      for (const key of ['organizations', 'departments', 'applications', 'resources', 'policies']) delete old[key];
      writeFileSync(file, JSON.stringify(old));
      const second = await start({ dataDir });
      try {
        const mgmt = management(second);
        expect(await mgmt.listOrganizations({})).toMatchObject({ data: { totalCount: 0 } });
        expect(await mgmt.createResource({ code: 'r', type: 'UI' })).toMatchObject({ statusCode: 200 });
        expect(await mgmt.listApplications({})).toMatchObject({ data: { totalCount: 1, list: [{ appId: 'emulator-app' }] } });
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the spec check', () => {
  it('covers every new operation with a 200 answer', async () => {
    if (!spec.enabled) throw new Error('the official spec is needed for this check (AUTHING_OPENAPI_DIR)');
    const mgmt = management(emulator);
    const before = spec.checked;
    const [userId] = (await users(mgmt, 'spec')) as [string];
    const org = ok(await mgmt.createOrganization({ organizationCode: 's', organizationName: 'S', metadata: {} }));
    const root = org.data.departmentId;
    const child = ok(await mgmt.createDepartment({ organizationCode: 's', parentDepartmentId: root, name: 'C', customData: { a: 1 }, metadata: {} })).data.departmentId;
    ok(await mgmt.addDepartmentMembers({ organizationCode: 's', departmentId: child, userIds: [userId] }));
    ok(await mgmt.updateDepartment({ organizationCode: 's', departmentId: child, description: 'd', metadata: {} }));
    ok(await mgmt.getDepartment({ organizationCode: 's', departmentId: child, withCustomData: true }));
    ok(await mgmt.listChildrenDepartments({ organizationCode: 's', departmentId: root, withCustomData: true }));
    ok(await mgmt.listDepartmentMembers({ organizationCode: 's', departmentId: child, withCustomData: true, withDepartmentIds: true }));
    ok(await mgmt.getUserDepartments({ userId, withCustomData: true, withDepartmentPaths: true }));
    ok(await mgmt.listOrganizations({}));
    ok(await mgmt.getOrganization({ organizationCode: 's' }));
    ok(await mgmt.removeDepartmentMembers({ organizationCode: 's', departmentId: child, userIds: [userId] }));
    ok(await mgmt.deleteDepartment({ organizationCode: 's', departmentId: child }));
    ok(await mgmt.deleteOrganization({ organizationCode: 's' }));
    const appId = ok(await mgmt.createApplication({ appName: 'Spec', appType: 'spa' })).data.appId;
    ok(await mgmt.listApplications({}));
    ok(await mgmt.getApplication({ appId }));
    ok(await mgmt.getApplicationSecret({ appId }));
    ok(await mgmt.refreshApplicationSecret({ appId }));
    ok(await mgmt.createResource({ code: 'res', type: 'API', apiIdentifier: 'https://x', actions: [{ name: 'get', description: 'GET' }] }));
    ok(await mgmt.getResource({ code: 'res' }));
    ok(await mgmt.listResources({}));
    ok(await mgmt.authorizeResources({ list: [{ targetType: 'USER', targetIdentifiers: [userId], resources: [{ code: 'res', actions: ['get'], resourceType: 'API' }] }] }));
    ok(await mgmt.isActionAllowed({ userId, action: 'get', resource: 'res' }));
    ok(await mgmt.getUserAuthorizedResources({ userId }));
    // The management token, the user batch and the 24 new operations; mismatches fail this test in afterEach.
    expect(spec.checked - before).toBe(26);
  });
});
