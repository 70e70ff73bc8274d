import { describe, expect, it } from 'vitest';
import { expectUnsupported, sortedKeys } from './assertions.ts';
import { prismManagement, recordingPrismManagement } from './servers.ts';

/** The documented fields of a v2 tenant, and of an identity source and its connections. */
const tenantKeys = [
  'id', 'createdAt', 'updatedAt', 'userPoolId', 'name', 'logo', 'description', 'css', 'ssoPageCustomizationSettings', 'defaultLoginTab', 'defaultRegisterTab',
  'passwordTabConfig', 'loginTabs', 'registerTabs', 'extendsFields',
].sort();
const extIdpKeys = ['id', 'name', 'type', 'tenantId', 'logo', 'connections'].sort();
const connectionKeys = ['id', 'type', 'identifier', 'displayName', 'logo', 'enabled'].sort();

// Tenants are not emulated: every call runs against Prism, which answers with the spec's examples.
describe('tenant (Prism)', () => {
  it('list pages tenants as v2 tenants; limit -1 reads every page', async () => {
    const { management, sent } = recordingPrismManagement();
    const page = await management.tenant.list({ page: 2, limit: 5 });
    expect(page.list).toHaveLength(1);
    expect(sortedKeys(page.list[0]!)).toEqual(tenantKeys);
    expect(page.list[0]).toMatchObject({ id: '60b49eb83fd80adb96f26e68', name: '租户一', description: '我是租户一', css: null });
    expect(sent[0]?.query.get('page')).toBe('2');
    expect(sent[0]?.query.get('limit')).toBe('5');

    const all = await management.tenant.list({ limit: -1 });
    expect(all).toEqual({ totalCount: 1, list: page.list });
    expect(sent[1]?.query.get('limit')).toBe('50');
  });

  it('details resolves the tenant with its applications, secrets included', async () => {
    const tenant = await prismManagement().tenant.details('t1');
    expect(sortedKeys(tenant)).toEqual([...tenantKeys, 'apps'].sort());
    expect(tenant.apps.length).toBeGreaterThan(0);
    expect(tenant.apps[0]).toMatchObject({ id: '62eaa95fe0xxxx9a5295bf7c', secret: expect.any(String), name: '示例应用' });
  });

  it('create splits v2\'s comma-separated appIds and sends the logo as v3\'s list', async () => {
    const { management, sent } = recordingPrismManagement();
    const tenant = await management.tenant.create({ name: 'Search', appIds: 'app1, app2', logo: 'https://example.com/logo.png', description: 'a tenant' });
    expect(sortedKeys(tenant)).toEqual([...tenantKeys, 'apps'].sort());
    expect(sent[0]).toMatchObject({ path: '/api/v3/create-tenant', body: { name: 'Search', appIds: ['app1', 'app2'], logo: ['https://example.com/logo.png'], description: 'a tenant' } });
  });

  it('update resolves v3\'s success flag', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.tenant.update('t1', { name: 'Renamed', appIds: 'app3' })).toBe(true);
    expect(sent[0]).toMatchObject({ path: '/api/v3/update-tenant', body: { tenantId: 't1', name: 'Renamed', appIds: ['app3'] } });
  });

  it('delete resolves v2\'s common message', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.tenant.delete('t1')).toEqual({ code: 200, message: 'deleted' });
    expect(sent[0]).toMatchObject({ path: '/api/v3/delete-tenant', body: { tenantId: 't1' } });
  });

  it('members lists memberships with v2 users', async () => {
    const { management, sent } = recordingPrismManagement();
    const { list } = await management.tenant.members('t1', { page: 3, limit: 20 });
    expect(sortedKeys(list[0]!)).toEqual(['id', 'tenantId', 'user']);
    expect(list[0]?.user).toMatchObject({ username: 'bob', userPoolId: 'pool', password: null });
    expect(sent[0]).toMatchObject({ path: '/api/v3/list-tenant-users', body: { tenantId: 't1', options: { pagination: { page: 3, limit: 20 } } } });
  });

  it('addMembers resolves the tenant with the added users; removeMembers removes one', async () => {
    const { management, sent } = recordingPrismManagement();
    const tenant = await management.tenant.addMembers('t1', ['u1']);
    expect(sortedKeys(tenant)).toEqual([...tenantKeys, 'users'].sort());
    expect(tenant.users[0]).toMatchObject({ id: '6229ffaxxxxxxxxcade3e3d9', arn: 'arn:cn:authing:pool:user:6229ffaxxxxxxxxcade3e3d9' });
    expect(await management.tenant.removeMembers('t1', 'u1')).toEqual({ code: 200, message: 'removed' });
    expect(sent.filter(({ body }) => body !== undefined).map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/add-tenant-users', { tenantId: 't1', linkUserIds: ['u1'] }],
      ['/api/v3/remove-tenant-users', { tenantId: 't1', linkUserIds: ['u1'] }],
    ]);
  });

  it('listExtIdp and extIdpDetail resolve identity sources with their connections', async () => {
    const management = prismManagement();
    const list = await management.tenant.listExtIdp('t1');
    expect(list).toHaveLength(1);
    expect(sortedKeys(list[0]!)).toEqual(extIdpKeys);
    expect(list[0]).toMatchObject({ type: 'wechat', tenantId: '60b49eb83fd80adb96f26e68', connections: [] });
    expect(await management.tenant.extIdpDetail('e1')).toEqual(list[0]);
  });

  it('createExtIdp creates the identity source, then each connection', async () => {
    const { management, sent } = recordingPrismManagement();
    const extIdp = await management.tenant.createExtIdp({
      tenantId: 't1',
      name: 'Lark',
      type: 'lark',
      connections: [{ type: 'lark-internal', identifier: 'lark1', displayName: 'Lark', fields: { appId: 'x' }, userMatchFields: ['email'] }],
    });
    expect(sortedKeys(extIdp)).toEqual(extIdpKeys);
    expect(sent.filter(({ body }) => body !== undefined).map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/create-ext-idp', { name: 'Lark', type: 'lark', tenantId: 't1' }],
      ['/api/v3/create-ext-idp-conn', { extIdpId: '60b49eb83fd80adb96f26e68', type: 'lark-internal', identifier: 'lark1', displayName: 'Lark', fields: { appId: 'x' }, tenantId: 't1' }],
    ]);
  });

  it('updateExtIdp, deleteExtIdp and the connection methods', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(sortedKeys(await management.tenant.updateExtIdp('e1', { name: 'Renamed' }))).toEqual(extIdpKeys);
    expect(await management.tenant.deleteExtIdp('e1')).toEqual({ code: 200, message: 'deleted' });
    const created = await management.tenant.createExtIdpConnection({ extIdpId: 'e1', type: 'oidc', identifier: 'oidc1', displayName: 'OIDC', fields: { issuer: 'https://idp' } });
    expect(sortedKeys(created)).toEqual(connectionKeys);
    expect(created).toMatchObject({ type: 'oidc', displayName: '登录页', enabled: null });
    expect(sortedKeys(await management.tenant.updateExtIdpConnection('c1', { displayName: 'OIDC 2', fields: {} }))).toEqual(connectionKeys);
    expect(await management.tenant.deleteExtIdpConnection('c1')).toEqual({ code: 200, message: 'deleted' });
    expect(sent.map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/update-ext-idp', { id: 'e1', name: 'Renamed' }],
      ['/api/v3/delete-ext-idp', { id: 'e1' }],
      ['/api/v3/create-ext-idp-conn', { extIdpId: 'e1', type: 'oidc', identifier: 'oidc1', displayName: 'OIDC', fields: { issuer: 'https://idp' } }],
      ['/api/v3/update-ext-idp-conn', { id: 'c1', displayName: 'OIDC 2', fields: {} }],
      ['/api/v3/delete-ext-idp-conn', { id: 'c1' }],
    ]);
  });

  it('changeExtIdpConnectionState and batchChangeExtIdpConnectionState switch per app', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.tenant.changeExtIdpConnectionState('c1', { appId: 'app1', tenantId: 't1', enabled: true })).toBe(true);
    expect(sent[0]).toMatchObject({ path: '/api/v3/change-ext-idp-conn-state', body: { id: 'c1', appId: 'app1', enabled: true, tenantId: 't1' } });
    expect(await management.tenant.batchChangeExtIdpConnectionState('e1', { appId: 'app1', enabled: false })).toBe(true);
    expect(sent[1]?.path).toBe('/api/v3/get-ext-idp');
    // v3 switches per app: without one the call is refused before anything is sent.
    await expect(management.tenant.changeExtIdpConnectionState('c1', { tenantId: 't1', enabled: true })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('changeExtIdpConnectionState resolves false when Authing refuses, as v2', async () => {
    const refusing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname === '/api/v3/change-ext-idp-conn-state') {
        return Response.json({ statusCode: 400, message: 'no such connection', apiCode: 1234 });
      }
      if (!request.headers.has('authorization')) request.headers.set('authorization', 'Bearer contract-test-bootstrap');
      return fetch(request);
    };
    expect(await prismManagement({ fetch: refusing }).tenant.changeExtIdpConnectionState('c1', { appId: 'app1', enabled: true })).toBe(false);
  });

  it('bad input is refused before anything is sent', async () => {
    const { management, sent } = recordingPrismManagement();
    await expect(management.tenant.create({ name: 'x', appIds: ' , ' })).rejects.toMatchObject({ name: 'AuthingV2Error', code: 'validation_error' });
    await expect(management.tenant.addMembers('t1', [])).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.tenant.details('')).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.tenant.createExtIdpConnection({ extIdpId: 'e1', type: 'oidc', identifier: '', displayName: 'x', fields: {} })).rejects.toMatchObject({ code: 'validation_error' });
    expect(sent).toEqual([]);
  });

  it.each([
    ['config', (m: ReturnType<typeof prismManagement>) => m.tenant.config('t1', { css: '.a{}' })],
    ['checkExtIdpConnectionIdentifierUnique', (m: ReturnType<typeof prismManagement>) => m.tenant.checkExtIdpConnectionIdentifierUnique('lark1')],
  ])('%s has no v3 equivalent and says so', async (name, call) => {
    await expectUnsupported(call(prismManagement()), `tenant.${name}`);
  });
});
