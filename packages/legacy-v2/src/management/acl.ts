import { isAuthingError, ValidationError } from '@authing/core';
import type { ManagementClient as V3ManagementClient } from '@authing/management';
import { allPages } from '../all-pages.ts';
import {
  toV2Namespace,
  type V2AppAccessPolicy,
  type V2ApplicationAccessPolicies,
  type V2AuthorizeResourceOpt,
  type V2Namespace,
  type V2Namespaces,
  type V2PolicyAssignmentTargetType,
  type V2ResourcePermissionAssignment,
} from '../shapes/acl.ts';
import { toV2AclApplication, type V2AclApplication } from '../shapes/application.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import {
  toV2AuthorizedResources,
  toV2Resource,
  toV2ResourceResponse,
  type V2AuthorizedResource,
  type V2Resource,
  type V2ResourceInput,
  type V2ResourceQueryFilter,
  type V2ResourceResponse,
  type V2ResourceType,
  type V2ResourceUpdateInput,
} from '../shapes/resource.ts';
import type { ManagementContext } from './context.ts';

type V3Target = 'USER' | 'ROLE' | 'GROUP' | 'DEPARTMENT';

/** v2's `ORG` (an organisation node, by id) is v3's `DEPARTMENT`; v2's `AK_SK` has no v3 target. */
function v3Target(type: V2PolicyAssignmentTargetType | undefined, field: string): V3Target {
  switch (type) {
    case 'USER':
    case 'ROLE':
    case 'GROUP':
      return type;
    case 'ORG':
      return 'DEPARTMENT';
    default:
      throw new ValidationError(`invalid \`${field}\`: USER, ROLE, GROUP or ORG (v3 grants nothing to ${String(type)})`, field);
  }
}

function v2Target(type: V3Target): V2PolicyAssignmentTargetType {
  return type === 'DEPARTMENT' ? 'ORG' : type;
}

function required(value: unknown, field: string, what: string): void {
  if (value === undefined || value === null || value === '') throw new ValidationError(`missing \`${field}\`: ${what}`, field);
}

/** v2 named resources `type:id` (`books:123`, `books:*`); the v3 resource is the part before the colon. */
function baseCode(resource: string): string {
  const colon = resource.indexOf(':');
  return colon < 0 ? resource : resource.slice(0, colon);
}

/**
 * v3 grants need the resource's type, which v2's `allow` and `authorizeResource` never took: it is
 * read from the resource itself.
 */
async function resourceTypeOf(v3: V3ManagementClient<true>, resource: string, namespace: string | undefined, field: string): Promise<V2ResourceType> {
  required(resource, field, 'a resource code, `code`, `code:id` or `code:*`');
  if (baseCode(resource) === '*') {
    throw new ValidationError(`invalid \`${field}\`: v3 grants actions on one resource code, not on every resource (\`*\`)`, field);
  }
  const { type } = await v3.getResource({ code: baseCode(resource), namespace });
  return type;
}

const accessTargets = new Set(['USER', 'ROLE', 'GROUP', 'ORG']);

/** v2 checked these before sending; so do we, with typed errors. */
function checkAccessPolicy(options: V2AppAccessPolicy | undefined): V2AppAccessPolicy {
  required(options?.appId, 'appId', 'the application id');
  if (!accessTargets.has(String(options?.targetType))) {
    throw new ValidationError('invalid `targetType`: USER, ROLE, GROUP or ORG', 'targetType');
  }
  if (!Array.isArray(options?.targetIdentifiers) || options.targetIdentifiers.length === 0) {
    throw new ValidationError('missing `targetIdentifiers`: the user ids, role codes, group codes or department ids', 'targetIdentifiers');
  }
  return options;
}

const alphabet = 'abcdefhijkmnprstwxyz2345678';

const programmaticWhy =
  "v3's management API has no per-app programmatic access accounts (createAccessKey issues AK/SK to collaborator administrators, not to apps); use the app's own credentials with the client-credentials grant (AuthenticationClient.getAccessTokenByClientCredentials)";

/** v2's `acl` (`managementClient.acl`): resources, grants, namespaces and application access. */
export class AclManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /**
   * A random string of `randomLenth` characters from v2's alphabet (lowercase letters and digits,
   * without look-alikes), as v2 used for programmatic-account secrets. Local: no request.
   */
  static randomString(randomLenth = 32): string {
    const length = randomLenth || 32;
    let result = '';
    // Bytes past the last whole multiple of the alphabet are dropped so that every character is equally likely.
    const limit = 256 - (256 % alphabet.length);
    while (result.length < length) {
      for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
        if (byte < limit && result.length < length) result += alphabet[byte % alphabet.length];
      }
    }
    return result;
  }

  /** Allows user `userId` to do `action` on `resource` (`code`, `code:id` or `code:*`). */
  allow(userId: string, resource: string, action: string, namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('acl.allow', 'ManagementClient.authorizeResources() from @authing/management (after getResource() for the resource type)', async () => {
      required(userId, 'userId', 'the user id');
      required(action, 'action', 'an action such as `books:read`');
      const resourceType = await resourceTypeOf(v3, resource, namespace, 'resource');
      await v3.authorizeResources({ namespace, list: [{ targetType: 'USER', targetIdentifiers: [userId], resources: [{ code: resource, actions: [action], resourceType }] }] });
      return { code: 200 as const, message: 'allowed' };
    });
  }

  /** Whether user `userId` may do `action` on `resource`. */
  isAllowed(userId: string, resource: string, action: string, opts?: { namespace?: string }): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('acl.isAllowed', 'isActionAllowed', async () => {
      const { allowed } = await v3.isActionAllowed({ userId, resource, action, namespace: opts?.namespace });
      return allowed;
    });
  }

  /** The resources granted to a user, role, group or organisation node (`ORG`, v3's department). */
  listAuthorizedResources(
    targetType: V2PolicyAssignmentTargetType,
    targetIdentifier: string,
    namespace?: string,
    options?: { resourceType?: V2ResourceType },
  ): Promise<V2Paginated<V2AuthorizedResource>> {
    const { v3, shim } = this.#context;
    return shim.run('acl.listAuthorizedResources', 'getAuthorizedResources', async () => {
      const { totalCount, list } = await v3.getAuthorizedResources({
        targetType: v3Target(targetType, 'targetType'),
        targetIdentifier,
        namespace,
        resourceType: options?.resourceType,
      });
      return toV2AuthorizedResources(list, totalCount);
    });
  }

  /** Grants actions on one resource to several targets, each with its own actions. */
  authorizeResource(params: { namespace: string; resource: string; opts: V2AuthorizeResourceOpt[] }): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('acl.authorizeResource', 'ManagementClient.authorizeResources() from @authing/management (after getResource() for the resource type)', async () => {
      if (!Array.isArray(params?.opts) || params.opts.length === 0) throw new ValidationError('missing `opts`: one or more { targetType, targetIdentifier, actions }', 'opts');
      const targets = params.opts.map((opt, index) => {
        required(opt?.targetIdentifier, `opts[${index}].targetIdentifier`, 'the target id or code');
        return { targetType: v3Target(opt.targetType, `opts[${index}].targetType`), targetIdentifier: opt.targetIdentifier, actions: opt.actions ?? [] };
      });
      const resourceType = await resourceTypeOf(v3, params.resource, params.namespace, 'resource');
      await v3.authorizeResources({
        namespace: params.namespace,
        list: targets.map((target) => ({
          targetType: target.targetType,
          targetIdentifiers: [target.targetIdentifier],
          resources: [{ code: params.resource, actions: target.actions, resourceType }],
        })),
      });
      return { code: 200 as const, message: 'authorized' };
    });
  }

  /** v2 revoked grants on a resource; v3's management API can grant (authorizeResources) but not revoke. */
  revokeResource(_params: { namespace: string; resource: string; opts: { targetType: V2PolicyAssignmentTargetType; targetIdentifier: string }[] }): Promise<never> {
    return this.#context.shim.unsupported(
      'acl.revokeResource',
      'v3 management API can grant resource actions (authorizeResources) but has no call to revoke a grant; revoke it in the console, or model it as a data policy (authorizeDataPolicies / revokeDataPolicy)',
    );
  }

  /**
   * Who holds actions on a resource. v2 answered every target at once: every v3 page is read.
   * `actions` (v2's AND/OR filter) is applied to what v3 returns; `resourceType` is checked but
   * v3 does not need it.
   */
  getAuthorizedTargets(options: {
    namespace: string;
    resource: string;
    resourceType: V2ResourceType;
    actions?: { op: 'AND' | 'OR'; list: string[] };
    targetType?: 'USER' | 'ROLE' | 'ORG' | 'GROUP';
  }): Promise<V2Paginated<V2ResourcePermissionAssignment>> {
    const { v3, shim } = this.#context;
    return shim.run('acl.getAuthorizedTargets', 'getResourceAuthorizedTargets', async () => {
      required(options?.namespace, 'namespace', 'the namespace code');
      required(options.resource, 'resource', 'the resource code');
      required(options.resourceType, 'resourceType', 'DATA, API, MENU, UI or BUTTON');
      const targetType = options.targetType === undefined ? undefined : v3Target(options.targetType, 'targetType');
      const { list } = await allPages((page, limit) => v3.getResourceAuthorizedTargets({ namespace: options.namespace, resource: options.resource, targetType, page, limit }));
      const targets: V2ResourcePermissionAssignment[] = list.map((item) => ({ targetType: v2Target(item.targetType), targetIdentifier: item.targetIdentifier, actions: item.actions }));
      const wanted = options.actions?.list ?? [];
      const matching =
        wanted.length === 0
          ? targets
          : targets.filter(({ actions }) => (options.actions?.op === 'AND' ? wanted.every((action) => actions?.includes(action)) : wanted.some((action) => actions?.includes(action))));
      return { totalCount: matching.length, list: matching };
    });
  }

  /** A page of a namespace's resources (default: page 1 of 10, in the default namespace). */
  listResources(options?: V2ResourceQueryFilter): Promise<V2Paginated<V2Resource>> {
    return this.#listResources('acl.listResources', options);
  }

  /** @deprecated v2 already deprecated it: use `listResources`. */
  getResources(options?: V2ResourceQueryFilter): Promise<V2Paginated<V2Resource>> {
    return this.#listResources('acl.getResources', options);
  }

  #listResources(method: string, options: V2ResourceQueryFilter | undefined): Promise<V2Paginated<V2Resource>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run(method, 'listResources', async () => {
      const { totalCount, list } = await v3.listResources({
        namespace: options?.namespace || options?.namespaceCode,
        type: options?.type,
        page: options?.page || 1,
        limit: options?.limit || 10,
      });
      return { totalCount, list: list.map((resource) => toV2Resource(resource, userPoolId)) };
    });
  }

  /** v2 resources had ids; v3 resources are addressed by code and namespace only. */
  getResourceById(_id: string): Promise<never> {
    return this.#context.shim.unsupported('acl.getResourceById', 'v3 resources have no id: they are addressed by code and namespace (getResource, or acl.getResourceByCode here)');
  }

  /** One resource by code; `null` when the namespace has none, as in v2. */
  getResourceByCode(options: { namespace: string; code: string }): Promise<V2Resource | null> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('acl.getResourceByCode', 'getResource', async () => {
      try {
        return toV2Resource(await v3.getResource({ code: options?.code, namespace: options?.namespace }), userPoolId);
      } catch (error) {
        if (isAuthingError(error) && (error as { statusCode?: number }).statusCode === 404) return null;
        throw error;
      }
    });
  }

  /** Creates a resource; v2 required a code, at least one action and the namespace. */
  createResource(options: V2ResourceInput): Promise<V2ResourceResponse> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('acl.createResource', 'createResource', async () => {
      required(options?.code, 'code', 'the resource code');
      if (!Array.isArray(options.actions) || options.actions.length === 0) throw new ValidationError('missing `actions`: at least one { name, description }', 'actions');
      required(options.namespace, 'namespace', 'the namespace code');
      const created = await v3.createResource({
        code: options.code,
        type: options.type,
        description: options.description,
        actions: options.actions,
        namespace: options.namespace,
        apiIdentifier: options.apiIdentifier,
      });
      return toV2ResourceResponse(created, userPoolId);
    });
  }

  /** Updates resource `code` in `options.namespace`. */
  updateResource(code: string, options: V2ResourceUpdateInput): Promise<V2ResourceResponse> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('acl.updateResource', 'updateResource', async () => {
      required(code, 'code', 'the resource code');
      const updated = await v3.updateResource({
        code,
        type: options?.type,
        description: options?.description,
        actions: options?.actions,
        namespace: options?.namespace,
        apiIdentifier: options?.apiIdentifier,
      });
      return toV2ResourceResponse(updated, userPoolId);
    });
  }

  /** Deletes resource `code` from `namespace`; resolves `true`, as v2. */
  deleteResource(code: string, namespace: string): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('acl.deleteResource', 'deleteResource', async () => {
      required(code, 'code', 'the resource code');
      required(namespace, 'namespace', 'the namespace code');
      await v3.deleteResource({ code, namespace });
      return true;
    });
  }

  /**
   * An application's access rules. v3 lists the subject id (a role or group id, not v2's code) and
   * the effect, which is put where v2 had it: `policy.statements[0].effect`.
   */
  getApplicationAccessPolicies(options: { appId: string; page?: number; limit?: number }): Promise<V2ApplicationAccessPolicies> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('acl.getApplicationAccessPolicies', 'listAuthApplication', async () => {
      required(options?.appId, 'appId', 'the application id');
      const { totalCount, list } = await v3.listAuthApplication({ appId: options.appId, page: options.page, limit: options.limit });
      return {
        totalCount,
        list: list.map((rule) => ({
          assignedAt: null,
          inheritByChildren: null,
          enabled: rule.enabled,
          policyId: null,
          code: null,
          policy: {
            id: null,
            createdAt: null,
            updatedAt: null,
            userPoolId,
            isDefault: null,
            isAuto: null,
            hidden: null,
            code: null,
            description: null,
            statements: [{ resource: null, actions: null, effect: rule.effect, condition: null, resourceType: null }],
            namespaceId: null,
          },
          targetType: rule.targetType,
          targetIdentifier: rule.targetId,
          target: null,
          namespace: null,
        })),
      };
    });
  }

  /** Turns existing access rules on: each target must already have a rule for the app. */
  enableApplicationAccessPolicy(options: V2AppAccessPolicy): Promise<V2CommonMessage> {
    return this.#switchAccessPolicy('acl.enableApplicationAccessPolicy', options, true);
  }

  /** Turns existing access rules off: each target must already have a rule for the app. */
  disableApplicationAccessPolicy(options: V2AppAccessPolicy): Promise<V2CommonMessage> {
    return this.#switchAccessPolicy('acl.disableApplicationAccessPolicy', options, false);
  }

  /**
   * v3 switches a rule by its id: the app's rules are listed, matched on the subject id, and each
   * switched. A target without a rule is an error rather than silently nothing; v3 lists roles and
   * groups by id, so v2's role and group codes only match when they are those ids.
   */
  #switchAccessPolicy(method: string, options: V2AppAccessPolicy, enabled: boolean): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run(method, 'ManagementClient.listAuthApplication() then enabledAuth() from @authing/management', async () => {
      const { appId, targetType, targetIdentifiers } = checkAccessPolicy(options);
      const rules = await allPages((page, limit) => v3.listAuthApplication({ appId, targetTypeList: [targetType], page, limit }));
      const ruleIds = new Map<string, string>();
      for (const rule of rules.list) if (rule.targetType === targetType && targetIdentifiers.includes(rule.targetId)) ruleIds.set(rule.targetId, rule.id);
      const missing = targetIdentifiers.filter((id) => !ruleIds.has(id));
      if (missing.length > 0) {
        throw new ValidationError(
          `no ${targetType} access rule on app ${appId} for ${missing.join(', ')} (v3 lists rules by subject id; see listAuthApplication)`,
          'targetIdentifiers',
        );
      }
      for (const id of new Set(ruleIds.values())) await v3.enabledAuth({ id, enabled });
      return { code: 200 as const, message: enabled ? 'access rules enabled' : 'access rules disabled' };
    });
  }

  /** Deletes the targets' access rules for the app (v3 skips targets that have none). */
  deleteApplicationAccessPolicy(options: V2AppAccessPolicy): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('acl.deleteApplicationAccessPolicy', 'revokeApplicationAccess', async () => {
      const { appId, targetType, targetIdentifiers, namespace } = checkAccessPolicy(options);
      await v3.revokeApplicationAccess({ appId, list: [{ targetType, targetIdentifier: targetIdentifiers, namespaceCode: namespace }] });
      return { code: 200 as const, message: 'access rules deleted' };
    });
  }

  /** Lets the targets sign in to the app (an ALLOW rule). */
  allowAccessApplication(options: V2AppAccessPolicy): Promise<V2CommonMessage> {
    return this.#accessRule('acl.allowAccessApplication', options, 'ALLOW');
  }

  /** Keeps the targets out of the app (a DENY rule); `deleteApplicationAccessPolicy` removes a rule. */
  denyAccessApplication(options: V2AppAccessPolicy): Promise<V2CommonMessage> {
    return this.#accessRule('acl.denyAccessApplication', options, 'DENY');
  }

  #accessRule(method: string, options: V2AppAccessPolicy, effect: 'ALLOW' | 'DENY'): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run(method, 'authorizeApplicationAccess', async () => {
      const { appId, targetType, targetIdentifiers, namespace, inheritByChildren } = checkAccessPolicy(options);
      await v3.authorizeApplicationAccess({
        appId,
        list: [{ targetType, targetIdentifier: targetIdentifiers, namespaceCode: namespace, inheritByChildren, effect }],
      });
      return { code: 200 as const, message: effect === 'ALLOW' ? 'access allowed' : 'access denied' };
    });
  }

  /** Sets who may sign in to the app by default, then resolves the app, as v2. */
  updateDefaultApplicationAccessPolicy(options: { defaultStrategy: 'ALLOW_ALL' | 'DENY_ALL'; appId: string }): Promise<V2AclApplication> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('acl.updateDefaultApplicationAccessPolicy', 'ManagementClient.updateApplicationPermissionStrategy() then getApplication() from @authing/management', async () => {
      required(options?.appId, 'appId', 'the application id');
      if (options.defaultStrategy !== 'ALLOW_ALL' && options.defaultStrategy !== 'DENY_ALL') {
        throw new ValidationError('invalid `defaultStrategy`: ALLOW_ALL or DENY_ALL', 'defaultStrategy');
      }
      await v3.updateApplicationPermissionStrategy({ appId: options.appId, permissionStrategy: options.defaultStrategy });
      return toV2AclApplication(await v3.getApplication({ appId: options.appId }), userPoolId, options.defaultStrategy);
    });
  }

  /** v2's per-app programmatic access accounts (AK/SK for an app) have no v3 management API. */
  programmaticAccessAccountList(_appId: string, _page = 1, _limit = 10): Promise<never> {
    return this.#context.shim.unsupported('acl.programmaticAccessAccountList', programmaticWhy);
  }

  createProgrammaticAccessAccount(_appId: string, _options: { tokenLifetime: number; remarks?: string } = { tokenLifetime: 600 }): Promise<never> {
    return this.#context.shim.unsupported('acl.createProgrammaticAccessAccount', programmaticWhy);
  }

  deleteProgrammaticAccessAccount(_programmaticAccessAccountId: string): Promise<never> {
    return this.#context.shim.unsupported('acl.deleteProgrammaticAccessAccount', programmaticWhy);
  }

  refreshProgrammaticAccessAccountSecret(_programmaticAccessAccountId: string, _programmaticAccessAccountSecret?: string): Promise<never> {
    return this.#context.shim.unsupported('acl.refreshProgrammaticAccessAccountSecret', programmaticWhy);
  }

  enableProgrammaticAccessAccount(_programmaticAccessAccountId: string): Promise<never> {
    return this.#context.shim.unsupported('acl.enableProgrammaticAccessAccount', programmaticWhy);
  }

  disableProgrammaticAccessAccount(_programmaticAccessAccountId: string): Promise<never> {
    return this.#context.shim.unsupported('acl.disableProgrammaticAccessAccount', programmaticWhy);
  }

  /** A page of permission namespaces, as v2's `{ total, list }`. */
  listNamespaces(page = 1, limit = 10): Promise<V2Namespaces> {
    const { v3, shim } = this.#context;
    return shim.run('acl.listNamespaces', 'listNamespaces', async () => {
      const { totalCount, list } = await v3.listNamespaces({ page, limit });
      return { total: totalCount, list: list.map(toV2Namespace) };
    });
  }

  /** Deletes namespace `code`; resolves `true`, as v2. */
  deleteNamespace(code: string): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('acl.deleteNamespace', 'deleteNamespace', async () => {
      await v3.deleteNamespace({ code });
      return true;
    });
  }

  createNamespace(code: string, name: string, description?: string): Promise<V2Namespace> {
    const { v3, shim } = this.#context;
    return shim.run('acl.createNamespace', 'createNamespace', async () => toV2Namespace(await v3.createNamespace({ code, name, description })));
  }

  /** Updates namespace `code`; `updates.code` renames it (v3's `newCode`). */
  updateNamespace(code: string, updates: { name?: string; code?: string; description?: string }): Promise<V2Namespace> {
    const { v3, shim } = this.#context;
    return shim.run('acl.updateNamespace', 'updateNamespace', async () => {
      const updated = await v3.updateNamespace({ code, newCode: updates?.code, name: updates?.name, description: updates?.description });
      return toV2Namespace({ ...updated, code: updated.newCode || updated.code });
    });
  }
}
