import type { V2PolicyAssignmentTargetType } from '../shapes/acl.ts';
import type { V2PolicyStatement } from '../shapes/policy.ts';
import type { ManagementContext } from './context.ts';

/**
 * v3 has no policy object: a v2 policy bundled statements (actions on resources) under a code and
 * was then assigned to targets. v3 grants the actions themselves to targets. v3's data policies
 * are a different model (data resources in permission spaces), so nothing here maps onto them.
 */
const noPolicies = 'v3 has no policy object; grant actions on resources to users, roles, groups or departments directly (authorizeResources, or acl.allow / acl.authorizeResource here)';

/** v2's `managementClient.policies`: every method throws 501, naming the v3 way. */
export class PoliciesManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  create(_policy: { code: string; statements: V2PolicyStatement[]; description?: string; namespace?: string }): Promise<never> {
    return this.#context.shim.unsupported('policies.create', `${noPolicies}; define the resources and their actions with createResource`);
  }

  delete(_code: string, _namespace?: string): Promise<never> {
    return this.#context.shim.unsupported('policies.delete', `${noPolicies}; there is no policy to delete`);
  }

  deleteMany(_codeList: string[], _namespace?: string): Promise<never> {
    return this.#context.shim.unsupported('policies.deleteMany', `${noPolicies}; there is no policy to delete`);
  }

  update(_code: string, _updates: { statements?: V2PolicyStatement[]; description?: string; newCode?: string; namespace?: string }): Promise<never> {
    return this.#context.shim.unsupported('policies.update', `${noPolicies}; change a grant by granting again with authorizeResources`);
  }

  detail(_code: string, _namespace?: string): Promise<never> {
    return this.#context.shim.unsupported('policies.detail', `${noPolicies}; read a resource with getResource and who holds it with getResourceAuthorizedTargets`);
  }

  list(_options?: { page?: number; limit?: number; namespace?: string }): Promise<never> {
    return this.#context.shim.unsupported('policies.list', `${noPolicies}; list resources with listResources`);
  }

  listAssignments(_options: { code: string; namespace?: string; page?: number; limit?: number }): Promise<never> {
    return this.#context.shim.unsupported('policies.listAssignments', `${noPolicies}; list who holds a resource with getResourceAuthorizedTargets`);
  }

  addAssignments(
    _policies: string[],
    _targetType: V2PolicyAssignmentTargetType,
    _targetIdentifiers: string[],
    _options?: { inheritByChildren?: boolean; namespace?: string },
  ): Promise<never> {
    return this.#context.shim.unsupported('policies.addAssignments', noPolicies);
  }

  removeAssignments(_policies: string[], _targetType: V2PolicyAssignmentTargetType, _targetIdentifiers: string[], _namespace?: string): Promise<never> {
    return this.#context.shim.unsupported('policies.removeAssignments', `${noPolicies}; v3's management API cannot revoke such a grant (do it in the console)`);
  }

  enableAssignment(_policy: string, _targetType: V2PolicyAssignmentTargetType, _targetIdentifier: string, _namespace?: string): Promise<never> {
    return this.#context.shim.unsupported('policies.enableAssignment', `${noPolicies}; v3 grants have no on/off switch`);
  }

  disableAssignment(_policy: string, _targetType: V2PolicyAssignmentTargetType, _targetIdentifier: string, _namespace?: string): Promise<never> {
    return this.#context.shim.unsupported('policies.disableAssignment', `${noPolicies}; v3 grants have no on/off switch`);
  }
}
