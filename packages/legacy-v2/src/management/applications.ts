import { ValidationError } from '@authing/core';
import type { ApplicationDto, ManagementClient as V3ManagementClient } from '@authing/management';
import { allPages } from '../all-pages.ts';
import type { V2ApplicationAccessPolicies } from '../shapes/acl.ts';
import { toV2Agreements, toV2Application, type V2AclApplication, type V2Agreement, type V2Application, type V2ApplicationTenantDetails } from '../shapes/application.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import type { V2AuthorizedResource, V2Resource, V2ResourceAction, V2ResourceResponse, V2ResourceType } from '../shapes/resource.ts';
import type { V2Role } from '../shapes/role.ts';
import { toV2Tenant } from '../shapes/tenant.ts';
import { toV2User, type V2User } from '../shapes/user.ts';
import { Shim } from '../shim.ts';
import { AclManagementClient } from './acl.ts';
import type { ManagementContext } from './context.ts';
import { requireString } from './input-checks.ts';
import { RolesManagementClient } from './roles.ts';

/** Who an access rule is for: users by id, roles and groups by code, org nodes by id. */
export interface V2AccessPolicyTargets {
  targetType: 'USER' | 'ROLE' | 'GROUP' | 'ORG';
  targetIdentifiers: string[];
  /** For `ORG` targets: whether the nodes under them get the rule too. */
  inheritByChildren?: boolean;
}

/** What v2's `createAgreement` and `modifyAgreement` took. */
export interface V2AgreementInput {
  title: string;
  required?: boolean;
  lang?: 'zh-CN' | 'en-US';
}

/** A v3 app in v2's shape, with its secret (v3 reads it apart), as v2's app answers had it. */
export async function readV2Application(v3: V3ManagementClient<true>, app: ApplicationDto | string, userPoolId: string): Promise<V2Application> {
  const details = typeof app === 'string' ? await v3.getApplication({ appId: app }) : app;
  const { secret } = await v3.getApplicationSecret({ appId: details.appId });
  return toV2Application(details, userPoolId, secret);
}

/**
 * v2's `managementClient.applications`. As in v2, the resource, access-policy and role methods are
 * the `acl` and `roles` methods with the app's id as the permission namespace (v3 names an app's
 * default namespace after its id); their warnings name the v3 calls.
 */
export class ApplicationsManagementClient {
  readonly #context: ManagementContext;
  readonly #acl: AclManagementClient;
  readonly #roles: RolesManagementClient;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
    // The delegates warn about nothing and report nothing: this client's own method does both.
    const quiet: ManagementContext = { ...context, shim: new Shim({ deprecationWarnings: false }, 'ManagementClient') };
    this.#acl = new AclManagementClient(quiet);
    this.#roles = new RolesManagementClient(quiet);
  }

  /** A page of the pool's applications, with their secrets. */
  list(params?: { page?: number; limit?: number }): Promise<V2Paginated<V2Application>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.list', 'listApplications', async () => {
      const { page = 1, limit = 10 } = params ?? {};
      const { totalCount, list } = await v3.listApplications({ page, limit });
      return { totalCount, list: await Promise.all(list.map((app) => readV2Application(v3, app, userPoolId))) };
    });
  }

  /** Creates an application; resolves it with its secret. */
  create(options: { name: string; identifier: string; redirectUris: string[]; logo?: string }): Promise<V2Application> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.create', 'createApplication', async () => {
      const name = requireString(options?.name, 'options.name');
      const identifier = requireString(options.identifier, 'options.identifier');
      if (!Array.isArray(options.redirectUris)) throw new ValidationError('invalid `options.redirectUris`: an array of URLs', 'options.redirectUris');
      const created = await v3.createApplication({
        appName: name,
        appIdentifier: identifier,
        redirectUris: options.redirectUris,
        ...(options.logo ? { appLogo: options.logo } : {}),
      });
      return readV2Application(v3, await v3.getApplication({ appId: created.appId }), userPoolId);
    });
  }

  /** Deletes an application. */
  delete(appId: string): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('applications.delete', 'deleteApplication', async () => {
      await v3.deleteApplication({ appId: requireString(appId, 'appId') });
      return true;
    });
  }

  /** One application, with its secret. */
  findById(id: string): Promise<V2Application> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.findById', 'getApplication', async () => readV2Application(v3, requireString(id, 'id'), userPoolId));
  }

  /** The app's resources (its permission namespace's). */
  listResources(appId: string, options?: { page?: number; limit?: number; type?: V2ResourceType }): Promise<V2Paginated<V2Resource>> {
    return this.#context.shim.run('applications.listResources', 'listResources', async () =>
      this.#acl.listResources({ ...options, namespace: requireString(appId, 'appId') }),
    );
  }

  /** Creates a resource in the app's permission namespace. */
  createResource(appId: string, options: { code: string; type: V2ResourceType; description?: string; actions: V2ResourceAction[] }): Promise<V2ResourceResponse> {
    return this.#context.shim.run('applications.createResource', 'createResource', async () =>
      this.#acl.createResource({ ...options, namespace: requireString(appId, 'appId') }),
    );
  }

  /** Updates a resource of the app's permission namespace. */
  updateResource(appId: string, options: { code: string; type?: V2ResourceType; description?: string; actions?: V2ResourceAction[] }): Promise<V2ResourceResponse> {
    return this.#context.shim.run('applications.updateResource', 'updateResource', async () => {
      const namespace = requireString(appId, 'appId');
      const { code, ...updates } = options ?? ({} as typeof options);
      return this.#acl.updateResource(requireString(code, 'options.code'), { ...updates, namespace });
    });
  }

  /** Deletes a resource of the app's permission namespace. */
  deleteResource(appId: string, code: string): Promise<boolean> {
    return this.#context.shim.run('applications.deleteResource', 'deleteResource', async () => this.#acl.deleteResource(code, requireString(appId, 'appId')));
  }

  /** The app's access rules. */
  getAccessPolicies(appId: string, options?: { page?: number; limit?: number }): Promise<V2ApplicationAccessPolicies> {
    return this.#context.shim.run('applications.getAccessPolicies', 'listAuthApplication', async () =>
      this.#acl.getApplicationAccessPolicies({ ...options, appId: requireString(appId, 'appId') }),
    );
  }

  /** Turns the targets' existing access rules on. */
  enableAccessPolicy(appId: string, options: V2AccessPolicyTargets): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.enableAccessPolicy', 'ManagementClient.listAuthApplication() then enabledAuth() from @authing/management', async () =>
      this.#acl.enableApplicationAccessPolicy({ ...options, appId: requireString(appId, 'appId'), namespace: appId }),
    );
  }

  /** Turns the targets' existing access rules off. */
  disableAccessPolicy(appId: string, options: V2AccessPolicyTargets): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.disableAccessPolicy', 'ManagementClient.listAuthApplication() then enabledAuth() from @authing/management', async () =>
      this.#acl.disableApplicationAccessPolicy({ ...options, appId: requireString(appId, 'appId'), namespace: appId }),
    );
  }

  /** Deletes the targets' access rules. */
  deleteAccessPolicy(appId: string, options: V2AccessPolicyTargets): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.deleteAccessPolicy', 'revokeApplicationAccess', async () =>
      this.#acl.deleteApplicationAccessPolicy({ ...options, appId: requireString(appId, 'appId'), namespace: appId }),
    );
  }

  /** Lets the targets sign in to the app. */
  allowAccess(appId: string, options: V2AccessPolicyTargets): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.allowAccess', 'authorizeApplicationAccess', async () =>
      this.#acl.allowAccessApplication({ ...options, appId: requireString(appId, 'appId'), namespace: appId }),
    );
  }

  /** Keeps the targets out of the app. */
  denyAccess(appId: string, options: V2AccessPolicyTargets): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.denyAccess', 'authorizeApplicationAccess', async () =>
      this.#acl.denyAccessApplication({ ...options, appId: requireString(appId, 'appId'), namespace: appId }),
    );
  }

  /** Sets who may sign in by default (`ALLOW_ALL` or `DENY_ALL`); resolves the app. */
  updateDefaultAccessPolicy(appId: string, defaultStrategy: 'ALLOW_ALL' | 'DENY_ALL'): Promise<V2AclApplication> {
    return this.#context.shim.run('applications.updateDefaultAccessPolicy', 'updateApplicationPermissionStrategy', async () =>
      this.#acl.updateDefaultApplicationAccessPolicy({ appId: requireString(appId, 'appId'), defaultStrategy }),
    );
  }

  /** Creates a role in the app's permission namespace. */
  createRole(appId: string, options: { code: string; description?: string }): Promise<V2Role> {
    return this.#context.shim.run('applications.createRole', 'createRole', async () =>
      this.#roles.create(requireString(options?.code, 'options.code'), options.description, requireString(appId, 'appId')),
    );
  }

  /** Deletes a role of the app. */
  deleteRole(appId: string, code: string): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.deleteRole', 'deleteRolesBatch', async () => this.#roles.delete(requireString(code, 'code'), requireString(appId, 'appId')));
  }

  /** Deletes roles of the app. */
  deleteRoles(appId: string, codes: string[]): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.deleteRoles', 'deleteRolesBatch', async () => this.#roles.deleteMany(codes, requireString(appId, 'appId')));
  }

  /** Changes a role's description or code. */
  updateRole(appId: string, options: { code: string; description?: string; newCode?: string }): Promise<V2Role> {
    return this.#context.shim.run('applications.updateRole', 'ManagementClient.updateRole() from @authing/management (after getRole(): v3 needs the role name)', async () => {
      const namespace = requireString(appId, 'appId');
      const { code, ...updates } = options ?? ({} as typeof options);
      return this.#roles.update(requireString(code, 'options.code'), { ...updates, namespace });
    });
  }

  /** One role of the app, by code. */
  findRole(appId: string, code: string): Promise<V2Role> {
    return this.#context.shim.run('applications.findRole', 'getRole', async () => this.#roles.detail(requireString(code, 'code'), requireString(appId, 'appId')));
  }

  /** A page of the app's roles. */
  getRoles(appId: string, options?: { page?: number; limit?: number }): Promise<V2Paginated<V2Role>> {
    return this.#context.shim.run('applications.getRoles', 'listRoles', async () => this.#roles.list({ ...options, namespace: requireString(appId, 'appId') }));
  }

  /** The users who have a role of the app (first page of 10, as v2). */
  getUsersByRoleCode(appId: string, code: string): Promise<V2Paginated<V2User>> {
    return this.#context.shim.run('applications.getUsersByRoleCode', 'listRoleMembers', async () =>
      this.#roles.listUsers(requireString(code, 'code'), { namespace: requireString(appId, 'appId') }),
    );
  }

  /** Gives users a role of the app. */
  addUsersToRole(appId: string, code: string, userIds: string[]): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.addUsersToRole', 'assignRole', async () => this.#roles.addUsers(requireString(code, 'code'), userIds, requireString(appId, 'appId')));
  }

  /** Takes a role of the app from users. */
  removeUsersFromRole(appId: string, code: string, userIds: string[]): Promise<V2CommonMessage> {
    return this.#context.shim.run('applications.removeUsersFromRole', 'revokeRole', async () =>
      this.#roles.removeUsers(requireString(code, 'code'), userIds, requireString(appId, 'appId')),
    );
  }

  /** What a role of the app may access. */
  listAuthorizedResourcesByRole(appId: string, code: string, resourceType?: V2ResourceType): Promise<V2Paginated<V2AuthorizedResource>> {
    return this.#context.shim.run('applications.listAuthorizedResourcesByRole', 'getRoleAuthorizedResources', async () =>
      this.#roles.listAuthorizedResources(requireString(code, 'code'), requireString(appId, 'appId'), resourceType === undefined ? {} : { resourceType }),
    );
  }

  /** v2 added agreements one by one, with ids; v3 keeps them as a list in the app's branding settings. */
  createAgreement(_appId: string, _agreement: V2AgreementInput): Promise<never> {
    return this.#context.shim.unsupported('applications.createAgreement', agreementsWhy);
  }

  /** v2 deleted an agreement by its numeric id; v3 agreements have no ids. */
  deleteAgreement(_appId: string, _agreementId: number): Promise<never> {
    return this.#context.shim.unsupported('applications.deleteAgreement', agreementsWhy);
  }

  /** v2 changed an agreement by its numeric id; v3 agreements have no ids. */
  modifyAgreement(_appId: string, _agreementId: number, _updates: V2AgreementInput): Promise<never> {
    return this.#context.shim.unsupported('applications.modifyAgreement', agreementsWhy);
  }

  /** The app's sign-up agreements, in their order. */
  listAgreement(appId: string): Promise<V2Paginated<V2Agreement>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.listAgreement', 'getApplication', async () => {
      const list = toV2Agreements(await v3.getApplication({ appId: requireString(appId, 'appId') }), userPoolId);
      return { totalCount: list.length, list };
    });
  }

  /** v2 sorted agreements by their numeric ids; v3 agreements have no ids. */
  sortAgreement(_appId: string, _order: number[]): Promise<never> {
    return this.#context.shim.unsupported('applications.sortAgreement', agreementsWhy);
  }

  /** A page of the users signed in to the app. */
  activeUsers(appId: string, page = 1, limit = 10): Promise<V2Paginated<V2User>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.activeUsers', 'listApplicationActiveUsers', async () => {
      const { totalCount, list } = await v3.listApplicationActiveUsers({ appId: requireString(appId, 'appId'), options: { pagination: { page, limit } } });
      return { totalCount, list: list.map((user) => toV2User(user, userPoolId)) };
    });
  }

  /** Replaces the app's secret; resolves the app with the new one. */
  refreshApplicationSecret(appId: string): Promise<V2Application> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.refreshApplicationSecret', 'refreshApplicationSecret', async () => {
      const { secret } = await v3.refreshApplicationSecret({ appId: requireString(appId, 'appId') });
      return toV2Application(await v3.getApplication({ appId }), userPoolId, secret);
    });
  }

  /** v2 switched an app between individual, tenant and both; v3 apps have no such type. */
  changeApplicationType(_appId: string, _type: 'INDIVIDUAL' | 'TENANT' | 'BOTH'): Promise<never> {
    return this.#context.shim.unsupported(
      'applications.changeApplicationType',
      'v3 applications have no individual/tenant type: any app can be given to tenants (createTenant or updateTenant with its appIds)',
    );
  }

  /** The app, and the tenants it is given to. */
  applicationTenants(appId: string): Promise<V2ApplicationTenantDetails> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('applications.applicationTenants', 'ManagementClient.getApplication() and listTenants() (the tenants whose appIds have it) from @authing/management', async () => {
      const app = await v3.getApplication({ appId: requireString(appId, 'appId') });
      const { list: tenants } = await allPages((page, limit) => v3.listTenants({ page: String(page), limit: String(limit) }));
      return {
        id: app.appId,
        name: app.appName,
        logo: app.appLogo,
        domain: null,
        description: app.appDescription || null,
        createdAt: null,
        updatedAt: null,
        protocol: app.defaultProtocol,
        isIntegrate: app.isIntegrateApp ?? null,
        tenants: tenants.filter((tenant) => tenant.appIds?.includes(app.appId)).map((tenant) => toV2Tenant(tenant, userPoolId)),
      };
    });
  }
}

const agreementsWhy =
  "v3 keeps an app's sign-up agreements as one list without ids in its branding settings (brandingConfig.agreements, edited in the console); applications.listAgreement reads them";
