import type { ApplicationDto } from '@authing/management';
import { describe, expect, it } from 'vitest';
import { toV2Agreements } from '../src/shapes/application.ts';
import { expectUnsupported, rejection, sortedKeys } from './assertions.ts';
import { emulatorManagement, newUser, prismManagement, recordingPrismManagement, unique, useEmulator, warningsCollector } from './servers.ts';

const emulator = useEmulator();

/** The fields of v2's `Application` (the Go and JS SDKs' model). */
const applicationKeys = [
  'qrcodeScanning', 'id', 'createdAt', 'updatedAt', 'userPoolId', 'protocol', 'isOfficial', 'isDeleted', 'isDefault', 'isDemo', 'name', 'description', 'secret',
  'identifier', 'jwks', 'ssoPageCustomizationSettings', 'logo', 'redirectUris', 'logoutRedirectUris', 'initLoginUrl', 'oidcProviderEnabled', 'oauthProviderEnabled',
  'samlProviderEnabled', 'casProviderEnabled', 'registerDisabled', 'loginTabs', 'passwordTabConfig', 'defaultLoginTab', 'registerTabs', 'defaultRegisterTab',
  'ldapConnections', 'adConnections', 'disabledSocialConnections', 'disabledOidcConnections', 'disabledSamlConnections', 'disabledOauth2Connections',
  'disabledCasConnections', 'disabledAzureAdConnections', 'extendsFieldsEnabled', 'extendsFields', 'ext', 'css', 'oidcConfig', 'oidcJWEConfig', 'samlConfig',
  'oauthConfig', 'casConfig', 'showAuthorizationPage', 'enableSubAccount', 'enableDeviceMutualExclusion', 'loginRequireEmailVerified', 'agreementEnabled',
  'isIntegrate', 'ssoEnabled', 'template', 'skipMfa', 'casExpireBaseBrowser', 'permissionStrategy', 'appType',
].sort();
const roleKeys = ['id', 'namespace', 'code', 'arn', 'description', 'isSystem', 'createdAt', 'updatedAt', 'parent'].sort();

async function newApp(management: ReturnType<typeof emulatorManagement>) {
  const identifier = unique('app');
  return management.applications.create({ name: `App ${identifier}`, identifier, redirectUris: ['http://127.0.0.1:5173/callback'] });
}

describe('applications (emulator)', () => {
  it('create, findById and list resolve v2 applications with their secrets', async () => {
    const management = emulatorManagement(emulator());
    const identifier = unique('app');
    const app = await management.applications.create({ name: 'My app', identifier, redirectUris: ['http://127.0.0.1:5173/callback'], logo: 'https://example.com/logo.png' });
    expect(sortedKeys(app)).toEqual(applicationKeys);
    expect(app).toMatchObject({ name: 'My app', identifier, redirectUris: ['http://127.0.0.1:5173/callback'], logo: 'https://example.com/logo.png', userPoolId: 'emulator-pool', protocol: 'oidc', appType: null });
    expect(app.secret).toEqual(expect.any(String));
    expect(app.secret!.length).toBeGreaterThan(8);

    expect(await management.applications.findById(app.id)).toEqual(app);
    const { totalCount, list } = await management.applications.list({ page: 1, limit: 50 });
    expect(totalCount).toBeGreaterThanOrEqual(2);
    expect(list.find((entry) => entry.id === app.id)).toEqual(app);
  });

  it('refreshApplicationSecret replaces the secret', async () => {
    const management = emulatorManagement(emulator());
    const app = await newApp(management);
    const refreshed = await management.applications.refreshApplicationSecret(app.id);
    expect(sortedKeys(refreshed)).toEqual(applicationKeys);
    expect(refreshed.id).toBe(app.id);
    expect(refreshed.secret).not.toBe(app.secret);
    expect((await management.applications.findById(app.id)).secret).toBe(refreshed.secret);
  });

  it('findById of an unknown app throws v2 code 2011', async () => {
    const error = await rejection(emulatorManagement(emulator()).applications.findById('no-such-app'));
    expect(error).toMatchObject({ code: 2011 });
  });

  it('listAgreement lists the app\'s agreements', async () => {
    const management = emulatorManagement(emulator());
    const app = await newApp(management);
    expect(await management.applications.listAgreement(app.id)).toEqual({ totalCount: 0, list: [] });
  });

  it('createResource and listResources use the app\'s permission namespace', async () => {
    const management = emulatorManagement(emulator());
    const app = await newApp(management);
    const code = unique('books');
    const created = await management.applications.createResource(app.id, { code, type: 'DATA', description: 'books', actions: [{ name: 'books:read', description: 'read' }] });
    expect(created).toMatchObject({ code, type: 'DATA', description: 'books', actions: [{ name: 'books:read', description: 'read' }], userPoolId: 'emulator-pool' });
    const { list } = await management.applications.listResources(app.id, { type: 'DATA', limit: 50 });
    expect(list.find((resource) => resource.code === code)).toMatchObject({ code, namespace: app.id });
  });

  it('roles of an app: createRole, findRole, getRoles, addUsersToRole, getUsersByRoleCode, removeUsersFromRole', async () => {
    const management = emulatorManagement(emulator());
    const app = await newApp(management);
    const code = unique('editor');
    const role = await management.applications.createRole(app.id, { code, description: 'edits' });
    expect(sortedKeys(role)).toEqual(roleKeys);
    expect(role).toMatchObject({ code, namespace: app.id, description: 'edits' });
    expect(await management.applications.findRole(app.id, code)).toEqual(role);
    expect((await management.applications.getRoles(app.id, { limit: 50 })).list.map((entry) => entry.code)).toContain(code);

    const { id: user } = await newUser(management);
    expect(await management.applications.addUsersToRole(app.id, code, [user])).toMatchObject({ code: 200 });
    const members = await management.applications.getUsersByRoleCode(app.id, code);
    expect(members.list.map((member) => member.id)).toEqual([user]);
    expect(await management.applications.removeUsersFromRole(app.id, code, [user])).toMatchObject({ code: 200 });
    expect((await management.applications.getUsersByRoleCode(app.id, code)).totalCount).toBe(0);
  });

  it('a delegated method warns once under its own name and reports a failure to onError once', async () => {
    const { warnings, deprecationWarnings } = warningsCollector();
    const seen: unknown[] = [];
    const management = emulatorManagement(emulator(), { deprecationWarnings, onError: (code) => seen.push(code) });
    const app = await newApp(management);
    await management.applications.createResource(app.id, { code: unique('res'), type: 'API', actions: [{ name: 'call', description: 'call it' }] });
    expect(warnings.map((warning) => warning.method)).toEqual(['applications.create', 'applications.createResource']);
    expect(warnings[1]?.replacement).toBe('ManagementClient.createResource() from @authing/management');

    const error = await rejection(management.applications.findRole(app.id, 'no-such-role'));
    expect(seen).toEqual([error.code]);
  });

  it('bad input is refused before anything is sent', async () => {
    const management = emulatorManagement(emulator());
    await expect(management.applications.create({ name: '', identifier: 'x', redirectUris: [] })).rejects.toMatchObject({ name: 'AuthingV2Error', code: 'validation_error' });
    await expect(management.applications.findById('')).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.applications.createRole('', { code: 'x' })).rejects.toMatchObject({ code: 'validation_error' });
  });
});

describe('application shapes', () => {
  it('agreements: content is the title, the position the order, and there is no id', () => {
    const app = {
      appId: 'app1',
      userPoolId: 'pool1',
      brandingConfig: { agreements: [{ displayAt: ['LoginPage'], isRequired: true, lang: 'en-US', content: '<a href="/terms">Terms</a>' }] },
    } as unknown as ApplicationDto;
    expect(toV2Agreements(app, 'fallback')).toEqual([{ id: null, userPoolId: 'pool1', appId: 'app1', title: '<a href="/terms">Terms</a>', lang: 'en-US', required: true, order: 0 }]);
  });
});

describe('applications (Prism)', () => {
  it('delete resolves true', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.applications.delete('app1')).toBe(true);
    expect(sent).toEqual([expect.objectContaining({ path: '/api/v3/delete-application', body: { appId: 'app1' } })]);
  });

  it('updateResource and deleteResource address the resource in the app\'s namespace', async () => {
    const { management, sent } = recordingPrismManagement();
    const updated = await management.applications.updateResource('app1', { code: 'books', description: 'all books' });
    expect(updated).toMatchObject({ id: null, userPoolId: 'pool', code: expect.any(String), type: expect.any(String) });
    expect(await management.applications.deleteResource('app1', 'books')).toBe(true);
    expect(sent.map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/update-resource', { code: 'books', description: 'all books', namespace: 'app1' }],
      ['/api/v3/delete-resource', { code: 'books', namespace: 'app1' }],
    ]);
  });

  it('getAccessPolicies lists the app\'s rules', async () => {
    const { management, sent } = recordingPrismManagement();
    const { totalCount, list } = await management.applications.getAccessPolicies('app1', { page: 2, limit: 5 });
    expect(typeof totalCount).toBe('number');
    expect(list[0]).toMatchObject({ enabled: true, targetType: 'USER', targetIdentifier: '6229ffaxxxxxxxxcade3e3d9', policy: { statements: [{ effect: 'ALLOW' }] } });
    expect(sent[0]).toMatchObject({ path: '/api/v3/list-applications-auth', body: { appId: 'app1', page: 2, limit: 5 } });
  });

  it('enableAccessPolicy and disableAccessPolicy switch the targets\' rules', async () => {
    const { management, sent } = recordingPrismManagement();
    const target = { targetType: 'USER' as const, targetIdentifiers: ['6229ffaxxxxxxxxcade3e3d9'] };
    expect(await management.applications.enableAccessPolicy('app1', target)).toMatchObject({ code: 200 });
    expect(await management.applications.disableAccessPolicy('app1', target)).toMatchObject({ code: 200 });
    expect(sent.filter(({ path }) => path === '/api/v3/update-auth-enabled').map(({ body }) => (body as { enabled: boolean }).enabled)).toEqual([true, false]);
    // A target without a rule is an error, not silently nothing.
    await expect(management.applications.enableAccessPolicy('app1', { targetType: 'USER', targetIdentifiers: ['nobody'] })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('allowAccess, denyAccess and deleteAccessPolicy send the rule with the app as namespace', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.applications.allowAccess('app1', { targetType: 'USER', targetIdentifiers: ['u1'] })).toEqual({ code: 200, message: 'access allowed' });
    expect(await management.applications.denyAccess('app1', { targetType: 'ORG', targetIdentifiers: ['d1'], inheritByChildren: true })).toEqual({ code: 200, message: 'access denied' });
    expect(await management.applications.deleteAccessPolicy('app1', { targetType: 'ROLE', targetIdentifiers: ['admin'] })).toMatchObject({ code: 200 });
    expect(sent.map(({ path, body }) => [path, body])).toEqual([
      ['/api/v3/authorize-application-access', { appId: 'app1', list: [{ targetType: 'USER', targetIdentifier: ['u1'], namespaceCode: 'app1', effect: 'ALLOW' }] }],
      ['/api/v3/authorize-application-access', { appId: 'app1', list: [{ targetType: 'ORG', targetIdentifier: ['d1'], namespaceCode: 'app1', inheritByChildren: true, effect: 'DENY' }] }],
      ['/api/v3/revoke-application-access', { appId: 'app1', list: [{ targetType: 'ROLE', targetIdentifier: ['admin'], namespaceCode: 'app1' }] }],
    ]);
  });

  it('updateDefaultAccessPolicy sets the strategy and resolves the app', async () => {
    const { management, sent } = recordingPrismManagement();
    const app = await management.applications.updateDefaultAccessPolicy('app1', 'DENY_ALL');
    expect(app.permissionStrategy).toEqual({ enabled: true, defaultStrategy: 'DENY_ALL', allowPolicyId: null, denyPolicyId: null });
    expect(sent[0]).toMatchObject({ path: '/api/v3/update-application-permission-strategy', body: { appId: 'app1', permissionStrategy: 'DENY_ALL' } });
  });

  it('deleteRole, deleteRoles, updateRole and listAuthorizedResourcesByRole use the app\'s namespace', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.applications.deleteRole('app1', 'admin')).toMatchObject({ code: 200 });
    expect(await management.applications.deleteRoles('app1', ['a', 'b'])).toMatchObject({ code: 200 });
    const updated = await management.applications.updateRole('app1', { code: 'admin', newCode: 'boss', description: 'runs things' });
    expect(sortedKeys(updated)).toEqual(roleKeys);
    expect(updated).toMatchObject({ code: 'boss', description: 'runs things' });
    const resources = await management.applications.listAuthorizedResourcesByRole('app1', 'admin', 'DATA');
    expect(resources.list[0]).toEqual({ code: 'ecs', type: 'DATA', actions: ['ecs:Start', 'ecs:Stop'] });
    const bodies = sent.filter(({ body }) => body !== undefined).map(({ path, body }) => [path, body]);
    expect(bodies).toEqual(
      expect.arrayContaining([
        ['/api/v3/delete-roles-batch', { codeList: ['admin'], namespace: 'app1' }],
        ['/api/v3/delete-roles-batch', { codeList: ['a', 'b'], namespace: 'app1' }],
        ['/api/v3/update-role', expect.objectContaining({ code: 'admin', newCode: 'boss', description: 'runs things' })],
      ]),
    );
    // The role is read in the app's namespace first (v3's update needs its name).
    expect(sent.find(({ path }) => path === '/api/v3/get-role')?.query.get('namespace')).toBe('app1');
    expect(sent.find(({ path }) => path === '/api/v3/get-role-authorized-resources')?.query.get('namespace')).toBe('app1');
  });

  it('activeUsers pages the signed-in users as v2 users', async () => {
    const { management, sent } = recordingPrismManagement();
    const { list } = await management.applications.activeUsers('app1', 2, 5);
    expect(list[0]).toMatchObject({ id: '6229ffaxxxxxxxxcade3e3d9', userPoolId: 'pool', password: null });
    expect(sent[0]).toMatchObject({ path: '/api/v3/list-application-active-users', body: { appId: 'app1', options: { pagination: { page: 2, limit: 5 } } } });
  });

  it('applicationTenants resolves the app with the tenants that have it', async () => {
    const details = await prismManagement().applications.applicationTenants('app1');
    expect(sortedKeys(details)).toEqual(['createdAt', 'description', 'domain', 'id', 'isIntegrate', 'logo', 'name', 'protocol', 'tenants', 'updatedAt']);
    expect(details).toMatchObject({ id: '62eaa95fe0xxxx9a5295bf7c', protocol: 'oidc', tenants: [] });
  });

  it.each([
    ['createAgreement', (m: ReturnType<typeof prismManagement>) => m.applications.createAgreement('app1', { title: 'Terms' })],
    ['deleteAgreement', (m: ReturnType<typeof prismManagement>) => m.applications.deleteAgreement('app1', 1)],
    ['modifyAgreement', (m: ReturnType<typeof prismManagement>) => m.applications.modifyAgreement('app1', 1, { title: 'Terms' })],
    ['sortAgreement', (m: ReturnType<typeof prismManagement>) => m.applications.sortAgreement('app1', [1, 2])],
    ['changeApplicationType', (m: ReturnType<typeof prismManagement>) => m.applications.changeApplicationType('app1', 'TENANT')],
  ])('%s has no v3 equivalent and says so', async (name, call) => {
    await expectUnsupported(call(prismManagement()), `applications.${name}`);
  });
});
