import { describe, expect, it } from 'vitest';
import { AclManagementClient } from '../src/index.ts';
import { expectUnsupported, rejection, sortedKeys } from './assertions.ts';
import { emulatorManagement, emulatorV3Management, newUser, prismManagement, recordingPrismManagement, seed, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

async function newUserId(): Promise<string> {
  return (await newUser(emulatorManagement(emulator()))).id;
}

/** v2's fields of a resource (`Resource`) and of a created/updated one (`IResourceResponse`). */
const resourceKeys = ['actions', 'apiIdentifier', 'code', 'createdAt', 'description', 'id', 'namespace', 'namespaceId', 'type', 'updatedAt', 'userPoolId'];
const resourceResponseKeys = resourceKeys.filter((key) => key !== 'namespace');
const namespaceKeys = ['appId', 'appName', 'code', 'description', 'id', 'name', 'status'];

describe('acl resources (emulator)', () => {
  it('createResource resolves v2 IResourceResponse; getResourceByCode, listResources and getResources find it', async () => {
    const { acl } = emulatorManagement(emulator());
    const code = unique('books');
    const actions = [{ name: 'books:read', description: 'read' }, { name: 'books:edit', description: 'edit' }];
    const created = await acl.createResource({ code, type: 'DATA', description: 'Books', actions, namespace: 'default' });
    expect(sortedKeys(created)).toEqual(resourceResponseKeys);
    expect(created).toMatchObject({ code, type: 'DATA', description: 'Books', actions, userPoolId: seed.userPoolId, id: null, namespaceId: null });

    const found = await acl.getResourceByCode({ namespace: 'default', code });
    expect(sortedKeys(found ?? {})).toEqual(resourceKeys);
    expect(found).toMatchObject({ code, namespace: 'default', actions });

    const page = await acl.listResources({ namespace: 'default', type: 'DATA', limit: 50 });
    expect(page.totalCount).toBeGreaterThanOrEqual(1);
    expect(page.list.find((resource) => resource.code === code)).toEqual(found);
    // The deprecated alias answers the same.
    expect((await acl.getResources({ namespaceCode: 'default', limit: 50 })).list.map((resource) => resource.code)).toContain(code);
  });

  it('getResourceByCode resolves null for an unknown code, as v2', async () => {
    const { acl } = emulatorManagement(emulator());
    expect(await acl.getResourceByCode({ namespace: 'default', code: unique('missing') })).toBeNull();
  });

  it('createResource without actions is refused before anything is created', async () => {
    const { acl } = emulatorManagement(emulator());
    const code = unique('empty');
    const error = await rejection(acl.createResource({ code, type: 'API', actions: [], namespace: 'default' }));
    expect(error.code).toBe('validation_error');
    expect(await acl.getResourceByCode({ namespace: 'default', code })).toBeNull();
  });
});

describe('acl grants (emulator)', () => {
  it('allow grants one action on `code:id`; isAllowed sees it and nothing more', async () => {
    const { acl } = emulatorManagement(emulator());
    const userId = await newUserId();
    const code = unique('books');
    await acl.createResource({ code, type: 'API', actions: [{ name: 'read', description: '' }, { name: 'edit', description: '' }], namespace: 'default' });
    expect(await acl.isAllowed(userId, `${code}:123`, 'read')).toBe(false);
    expect(await acl.allow(userId, `${code}:123`, 'read')).toEqual({ code: 200, message: expect.any(String) });
    expect(await acl.isAllowed(userId, `${code}:123`, 'read')).toBe(true);
    expect(await acl.isAllowed(userId, `${code}:123`, 'edit')).toBe(false);
    expect(await acl.isAllowed(userId, `${code}:124`, 'read', { namespace: 'default' })).toBe(false);
    // The grant carries the resource's own type, read from the resource.
    const { list } = await emulatorV3Management(emulator()).getUserAuthorizedResources({ userId });
    expect(list).toContainEqual(expect.objectContaining({ resourceCode: `${code}:123`, resourceType: 'API', actions: ['read'] }));
  });

  it('allow on `*` or on an unknown resource fails with a typed error', async () => {
    const { acl } = emulatorManagement(emulator());
    const userId = await newUserId();
    expect((await rejection(acl.allow(userId, '*', 'read'))).code).toBe('validation_error');
    const unknown = await rejection(acl.allow(userId, unique('nothing'), 'read'));
    expect(unknown.statusCode).toBe(404);
  });

  it('authorizeResource grants per target: GROUP, USER and ORG (a department) each get their actions', async () => {
    const { acl } = emulatorManagement(emulator());
    const client = emulatorV3Management(emulator());
    const [member, direct, staff, outsider] = await Promise.all([newUserId(), newUserId(), newUserId(), newUserId()]);
    const group = unique('team');
    await client.createGroup({ code: group, name: group, description: '', type: 'static' });
    await client.addGroupMembers({ code: group, userIds: [member] });
    const organizationCode = unique('org');
    const organization = await client.createOrganization({ organizationCode, organizationName: organizationCode, metadata: {} });
    await client.addDepartmentMembers({ organizationCode, departmentId: organization.departmentId, userIds: [staff] });
    const code = unique('docs');
    await acl.createResource({ code, type: 'MENU', actions: [{ name: 'read', description: '' }, { name: 'write', description: '' }], namespace: 'default' });

    const result = await acl.authorizeResource({
      namespace: 'default',
      resource: code,
      opts: [
        { targetType: 'GROUP', targetIdentifier: group, actions: ['read'] },
        { targetType: 'USER', targetIdentifier: direct, actions: ['read', 'write'] },
        { targetType: 'ORG', targetIdentifier: organization.departmentId, actions: ['write'] },
      ],
    });
    expect(result).toEqual({ code: 200, message: expect.any(String) });
    const allowed = async (userId: string, action: string) => acl.isAllowed(userId, code, action, { namespace: 'default' });
    expect([await allowed(member, 'read'), await allowed(member, 'write')]).toEqual([true, false]);
    expect([await allowed(direct, 'read'), await allowed(direct, 'write')]).toEqual([true, true]);
    expect([await allowed(staff, 'read'), await allowed(staff, 'write')]).toEqual([false, true]);
    expect([await allowed(outsider, 'read'), await allowed(outsider, 'write')]).toEqual([false, false]);
  });

  it('authorizeResource to AK_SK (no v3 target) is refused before anything is granted', async () => {
    const { acl } = emulatorManagement(emulator());
    const userId = await newUserId();
    const code = unique('keys');
    await acl.createResource({ code, type: 'DATA', actions: [{ name: 'read', description: '' }], namespace: 'default' });
    const error = await rejection(
      acl.authorizeResource({ namespace: 'default', resource: code, opts: [{ targetType: 'USER', targetIdentifier: userId, actions: ['read'] }, { targetType: 'AK_SK', targetIdentifier: 'ak', actions: ['read'] }] }),
    );
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('opts[1].targetType');
    expect(await acl.isAllowed(userId, code, 'read')).toBe(false);
  });
});

describe('acl (Prism)', () => {
  it('listAuthorizedResources maps ORG to DEPARTMENT and answers { code, type, actions }', async () => {
    const { management, sent } = recordingPrismManagement();
    const page = await management.acl.listAuthorizedResources('ORG', 'dep1', 'default', { resourceType: 'DATA' });
    expect(page).toEqual({ totalCount: 0, list: [{ code: 'ecs:1', type: null, actions: ['ecs:Start', 'ecs:Stop'] }] });
    const query = sent.find((request) => request.path === '/api/v3/get-authorized-resources')?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({ targetType: 'DEPARTMENT', targetIdentifier: 'dep1', namespace: 'default', resourceType: 'DATA' });
    expect((await rejection(management.acl.listAuthorizedResources('AK_SK', 'x', 'default'))).code).toBe('validation_error');
  });

  it('getAuthorizedTargets lists v2 assignments and applies the AND/OR actions filter', async () => {
    const { management, sent } = recordingPrismManagement();
    const options = { namespace: 'default', resource: 'ecs', resourceType: 'DATA' as const, targetType: 'ORG' as const };
    const all = await management.acl.getAuthorizedTargets(options);
    expect(all).toEqual({ totalCount: 1, list: [{ targetType: 'USER', targetIdentifier: 'code', actions: ['ecs:Start', 'ecs:Stop'] }] });
    expect(sent.find((request) => request.path === '/api/v3/get-resource-authorized-targets')?.body).toEqual({ namespace: 'default', resource: 'ecs', targetType: 'DEPARTMENT', page: 1, limit: 50 });
    expect((await management.acl.getAuthorizedTargets({ ...options, actions: { op: 'AND', list: ['ecs:Start', 'ecs:Delete'] } })).list).toEqual([]);
    expect((await management.acl.getAuthorizedTargets({ ...options, actions: { op: 'OR', list: ['ecs:Start', 'ecs:Delete'] } })).totalCount).toBe(1);
    const missing = await rejection(management.acl.getAuthorizedTargets({ namespace: 'default', resource: 'ecs' } as Parameters<AclManagementClient['getAuthorizedTargets']>[0]));
    expect(missing.message).toContain('resourceType');
  });

  it('updateResource resolves IResourceResponse; deleteResource resolves true and needs the namespace', async () => {
    const { acl } = prismManagement();
    const updated = await acl.updateResource('ecs', { namespace: 'default', description: '服务器' });
    expect(sortedKeys(updated)).toEqual(resourceResponseKeys);
    expect(updated).toMatchObject({ code: 'ecs', type: 'DATA', userPoolId: 'pool', apiIdentifier: 'https://my-awesome-api.com/api' });
    expect(await acl.deleteResource('ecs', 'default')).toBe(true);
    expect((await rejection(acl.deleteResource('ecs', ''))).code).toBe('validation_error');
  });

  it('getApplicationAccessPolicies lists the rules with the effect where v2 had it', async () => {
    const { acl } = prismManagement();
    const { totalCount, list } = await acl.getApplicationAccessPolicies({ appId: 'app1' });
    expect(totalCount).toBe(10);
    expect(sortedKeys(list[0] ?? {})).toEqual(['assignedAt', 'code', 'enabled', 'inheritByChildren', 'namespace', 'policy', 'policyId', 'target', 'targetIdentifier', 'targetType']);
    expect(list[0]).toMatchObject({ targetType: 'USER', targetIdentifier: '6229ffaxxxxxxxxcade3e3d9', enabled: true, policy: { userPoolId: 'pool', statements: [{ effect: 'ALLOW' }] } });
  });

  it('allowAccessApplication and denyAccessApplication send ALLOW and DENY rules', async () => {
    const { management, sent } = recordingPrismManagement();
    const options = { appId: 'app1', targetType: 'ROLE' as const, targetIdentifiers: ['admin'], namespace: 'default' };
    expect(await management.acl.allowAccessApplication(options)).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.acl.denyAccessApplication({ ...options, targetType: 'ORG', targetIdentifiers: ['dep1'], inheritByChildren: true })).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.filter((request) => request.path === '/api/v3/authorize-application-access').map((request) => request.body)).toEqual([
      { appId: 'app1', list: [{ targetType: 'ROLE', targetIdentifier: ['admin'], namespaceCode: 'default', effect: 'ALLOW' }] },
      { appId: 'app1', list: [{ targetType: 'ORG', targetIdentifier: ['dep1'], namespaceCode: 'default', inheritByChildren: true, effect: 'DENY' }] },
    ]);
    expect((await rejection(management.acl.allowAccessApplication({ appId: 'app1', targetType: 'USER', targetIdentifiers: [] }))).code).toBe('validation_error');
  });

  it('deleteApplicationAccessPolicy removes the rules', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.acl.deleteApplicationAccessPolicy({ appId: 'app1', targetType: 'USER', targetIdentifiers: ['u1', 'u2'] })).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.find((request) => request.path === '/api/v3/revoke-application-access')?.body).toEqual({ appId: 'app1', list: [{ targetType: 'USER', targetIdentifier: ['u1', 'u2'] }] });
  });

  it('enable/disableApplicationAccessPolicy switch the matching rules by id, and refuse targets without one', async () => {
    const { management, sent } = recordingPrismManagement();
    const rule = { appId: 'app1', targetType: 'USER' as const, targetIdentifiers: ['6229ffaxxxxxxxxcade3e3d9'] };
    expect(await management.acl.enableApplicationAccessPolicy(rule)).toEqual({ code: 200, message: expect.any(String) });
    expect(await management.acl.disableApplicationAccessPolicy(rule)).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.filter((request) => request.path === '/api/v3/update-auth-enabled').map((request) => request.body)).toEqual([
      { id: '6229ffaxxxxxxxxcade3e3d9', enabled: true },
      { id: '6229ffaxxxxxxxxcade3e3d9', enabled: false },
    ]);
    const error = await rejection(management.acl.enableApplicationAccessPolicy({ ...rule, targetIdentifiers: ['someone-else'] }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('someone-else');
    expect(sent.filter((request) => request.path === '/api/v3/update-auth-enabled')).toHaveLength(2);
  });

  it('updateDefaultApplicationAccessPolicy sets the strategy and resolves the app in v2 IApplication fields', async () => {
    const { management, sent } = recordingPrismManagement();
    const app = await management.acl.updateDefaultApplicationAccessPolicy({ appId: 'app1', defaultStrategy: 'DENY_ALL' });
    // v2's IApplication fields, exactly.
    expect(sortedKeys(app)).toEqual(
      [
        'qrcodeScanning', 'id', 'createdAt', 'updatedAt', 'userPoolId', 'protocol', 'isOfficial', 'isDeleted', 'isDefault', 'name', 'description', 'identifier',
        'jwks', 'ssoPageCustomizationSettings', 'logo', 'redirectUris', 'logoutRedirectUris', 'oidcProviderEnabled', 'oauthProviderEnabled', 'samlProviderEnabled',
        'casProviderEnabled', 'registerDisabled', 'loginTabs', 'defaultLoginTab', 'registerTabs', 'defaultRegisterTab', 'ldapConnections', 'adConnections',
        'disabledSocialConnections', 'disabledOidcConnections', 'disabledSamlConnections', 'disabledOauth2Connections', 'disabledCasConnections',
        'disabledAzureAdConnections', 'extendsFieldsEnabled', 'extendsFields', 'ext', 'css', 'oidcConfig', 'samlConfig', 'oauthConfig', 'casConfig',
        'showAuthorizationPage', 'enableSubAccount', 'loginRequireEmailVerified', 'agreementEnabled', 'skipMfa', 'permissionStrategy',
      ].sort(),
    );
    expect(app).toMatchObject({
      id: '62eaa95fe0xxxx9a5295bf7c',
      name: '示例应用',
      identifier: 'example',
      protocol: 'oidc',
      userPoolId: 'pool',
      redirectUris: ['https://example.com/callback'],
      permissionStrategy: { enabled: true, defaultStrategy: 'DENY_ALL', allowPolicyId: null, denyPolicyId: null },
      jwks: null,
    });
    expect(sent.find((request) => request.path === '/api/v3/update-application-permission-strategy')?.body).toEqual({ appId: 'app1', permissionStrategy: 'DENY_ALL' });
    expect((await rejection(management.acl.updateDefaultApplicationAccessPolicy({ appId: 'app1', defaultStrategy: 'SOME' as 'ALLOW_ALL' }))).code).toBe('validation_error');
  });

  it('namespaces: list as { total, list }, create, update (code renames), delete', async () => {
    const { management, sent } = recordingPrismManagement();
    const { acl } = management;
    const page = await acl.listNamespaces(2, 20);
    expect(page).toEqual({ total: 0, list: [{ id: null, name: '系统权限组', code: 'system', description: '示例权限分组描述', status: 1, appId: null, appName: null }] });
    expect(Object.fromEntries(sent.find((request) => request.path === '/api/v3/list-namespaces')?.query ?? [])).toEqual({ page: '2', limit: '20' });
    const created = await acl.createNamespace('my-namespace', '我的权限分组', '我的权限分组描述');
    expect(sortedKeys(created)).toEqual(namespaceKeys);
    expect(created).toMatchObject({ code: 'my-namespace', name: '我的权限分组', status: null });
    const updated = await acl.updateNamespace('my-namespace', { code: 'my-new-namespace' });
    expect(updated.code).toBe('my-new-namespace');
    expect(sent.find((request) => request.path === '/api/v3/update-namespace')?.body).toEqual({ code: 'my-namespace', newCode: 'my-new-namespace' });
    expect(await acl.deleteNamespace('my-namespace')).toBe(true);
  });

  it.each([
    ['revokeResource', (acl: AclManagementClient) => acl.revokeResource({ namespace: 'default', resource: 'ecs', opts: [] })],
    ['getResourceById', (acl: AclManagementClient) => acl.getResourceById('id')],
    ['programmaticAccessAccountList', (acl: AclManagementClient) => acl.programmaticAccessAccountList('app1')],
    ['createProgrammaticAccessAccount', (acl: AclManagementClient) => acl.createProgrammaticAccessAccount('app1')],
    ['deleteProgrammaticAccessAccount', (acl: AclManagementClient) => acl.deleteProgrammaticAccessAccount('id')],
    ['refreshProgrammaticAccessAccountSecret', (acl: AclManagementClient) => acl.refreshProgrammaticAccessAccountSecret('id')],
    ['enableProgrammaticAccessAccount', (acl: AclManagementClient) => acl.enableProgrammaticAccessAccount('id')],
    ['disableProgrammaticAccessAccount', (acl: AclManagementClient) => acl.disableProgrammaticAccessAccount('id')],
  ])('%s has no v3 equivalent and says so', async (method, call) => {
    await expectUnsupported(call(prismManagement().acl), `acl.${method}`);
  });

  it('randomString is local: the requested length, from v2 alphabet', () => {
    expect(AclManagementClient.randomString()).toMatch(/^[abcdefhijkmnprstwxyz2345678]{32}$/);
    expect(AclManagementClient.randomString(100)).toMatch(/^[abcdefhijkmnprstwxyz2345678]{100}$/);
    expect(AclManagementClient.randomString(8)).not.toBe(AclManagementClient.randomString(8));
  });
});
