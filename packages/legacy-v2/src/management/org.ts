import type { DepartmentDto, OrganizationDto } from '@authing/management';
import { isAuthingError, ValidationError } from '@authing/core';
import { allPages } from '../all-pages.ts';
import { AuthingV2Error } from '../errors.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import { toV2User, type V2User } from '../shapes/user.ts';
import {
  buildTree,
  i18nOf,
  rootDepartmentOf,
  toV2ExportedNode,
  toV2Node,
  type DepartmentFields,
  type V2ExportedNode,
  type V2ExtendedOrg,
  type V2Node,
  type V2Org,
} from '../shapes/org.ts';
import { toV2AuthorizedResources, type V2AuthorizedResource, type V2ResourceType } from '../shapes/resource.ts';
import type { ManagementContext } from './context.ts';
import { requireIds, requireString } from './input-checks.ts';

/** The node fields v2's `addNode` and `updateNode` take. */
export interface V2NodeInput {
  name: string;
  code?: string;
  /** v3 departments have no order: ignored. */
  order?: number;
  /** JSON of `{ [lang]: name }`, such as `{"en-US":"Sales"}`. */
  nameI18n?: string;
  description?: string;
  /** v3 departments have no translated descriptions: ignored. */
  descriptionI18n?: string;
}

/** v2's `importByJson` tree: a root (the organization) and nested `children`. */
export interface V2OrgImportNode {
  name: string;
  code?: string;
  description?: string;
  children?: V2OrgImportNode[];
}

/** One department met on a walk of an organization, with its path from the root and its children. */
interface Visited {
  department: DepartmentFields;
  ancestry: DepartmentFields[];
  children: DepartmentDto[];
}

/** An answer that the department is not in the organization asked (Authing says so with 400 or 404). */
function isNotFound(error: unknown): boolean {
  if (!isAuthingError(error)) return false;
  const { statusCode } = error as { statusCode?: number };
  return statusCode === 404 || statusCode === 400;
}

/** v3 requires an organization code; v2's was optional, so one is made up when none is given. */
function newOrganizationCode(): string {
  return `org${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

const deleted: V2CommonMessage = { code: 200, message: 'deleted' };

/**
 * v2's `managementClient.org`, over v3 organizations and departments. A v2 org is a v3
 * organization (its `id` is the `organizationCode`) and a v2 node is a v3 department (its `id` is
 * the `departmentId`; the organization's root department is the org's `rootNode`).
 */
export class OrgManagementClient {
  readonly #context: ManagementContext;
  /**
   * The organization of every department seen so far. v2 names a node by its id alone, v3 by
   * organization and id, so a node met for the first time is looked for in each organization.
   */
  readonly #owners = new Map<string, string>();
  /** Each organization's root department id. */
  readonly #roots = new Map<string, string>();

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /**
   * Creates an organization, whose root node is named `name`. `code` becomes the organization
   * code (and the org's `id`); without one a unique code is generated, as v3 requires one.
   */
  create(name: string, description?: string, code?: string, tenantId?: string): Promise<V2Org> {
    const { v3, shim } = this.#context;
    return shim.run('org.create', 'createOrganization', async () => {
      requireString(name, 'name');
      const organization = await v3.createOrganization({
        organizationCode: code || newOrganizationCode(),
        organizationName: name,
        ...(description !== undefined ? { description } : {}),
        ...(tenantId !== undefined ? { tenantId } : {}),
        metadata: {},
      });
      this.#remember(organization);
      const root = rootDepartmentOf(organization);
      const rootNode = toV2Node(root, [root], [], true);
      return { id: organization.organizationCode, rootNode, nodes: [rootNode] };
    });
  }

  /** Deletes an organization with all its nodes. */
  deleteById(id: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('org.deleteById', 'deleteOrganization', async () => {
      await v3.deleteOrganization({ organizationCode: requireString(id, 'id') });
      this.#forget(id);
      return deleted;
    });
  }

  /** A page of organizations, each with all its nodes and their `tree`. */
  list(page = 1, limit = 10): Promise<V2Paginated<V2ExtendedOrg>> {
    const { v3, shim } = this.#context;
    return shim.run('org.list', 'ManagementClient.listOrganizations() and listChildrenDepartments() from @authing/management', async () => {
      const { totalCount, list } = await v3.listOrganizations({ page, limit });
      const orgs: V2ExtendedOrg[] = [];
      for (const organization of list) orgs.push(this.#extended(organization, await this.#walk(organization)));
      return { totalCount, list: orgs };
    });
  }

  /** Adds a node under `parentNodeId`; resolves the new node. */
  addNode(orgId: string, parentNodeId: string, data: V2NodeInput): Promise<V2Node> {
    const { v3, shim } = this.#context;
    return shim.run('org.addNode', 'createDepartment', async () => {
      const organizationCode = requireString(orgId, 'orgId');
      requireString(parentNodeId, 'parentNodeId');
      requireString(data?.name, 'data.name');
      const i18n = i18nOf(data.nameI18n, 'data.nameI18n');
      const created = await v3.createDepartment({
        organizationCode,
        parentDepartmentId: parentNodeId,
        name: data.name,
        ...(data.code ? { code: data.code } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(i18n ? { i18n } : {}),
        metadata: {},
      });
      this.#owners.set(created.departmentId, organizationCode);
      return this.#node(created, new Map());
    });
  }

  /** One node by id. */
  getNodeById(nodeId: string): Promise<V2Node> {
    const { v3, shim } = this.#context;
    return shim.run('org.getNodeById', 'getDepartment', async () => {
      const organizationCode = await this.#organizationOf(nodeId, 'nodeId');
      return this.#node(await v3.getDepartment({ organizationCode, departmentId: nodeId }), new Map());
    });
  }

  /** Renames a node, or changes its code or description; resolves the node. */
  updateNode(id: string, updates: Partial<V2NodeInput>): Promise<V2Node> {
    const { v3, shim } = this.#context;
    return shim.run('org.updateNode', 'updateDepartment', async () => {
      const organizationCode = await this.#organizationOf(id, 'id');
      const { name, code, description, nameI18n } = updates ?? {};
      if (name === '') throw new ValidationError('invalid `updates.name`: a non-empty string', 'updates.name');
      const i18n = i18nOf(nameI18n, 'updates.nameI18n');
      const updated = await v3.updateDepartment({
        organizationCode,
        departmentId: id,
        ...(name !== undefined ? { name } : {}),
        ...(code !== undefined ? { code } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(i18n ? { i18n } : {}),
        metadata: {},
      });
      return this.#node(updated, new Map());
    });
  }

  /** An organization with all its nodes and their `tree`. */
  findById(id: string): Promise<V2ExtendedOrg> {
    const { v3, shim } = this.#context;
    return shim.run('org.findById', 'ManagementClient.getOrganization() and listChildrenDepartments() from @authing/management', async () => {
      const organization = await v3.getOrganization({ organizationCode: requireString(id, 'id') });
      return this.#extended(organization, await this.#walk(organization));
    });
  }

  /** Deletes a node and the nodes under it. */
  deleteNode(orgId: string, nodeId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('org.deleteNode', 'deleteDepartment', async () => {
      await v3.deleteDepartment({ organizationCode: requireString(orgId, 'orgId'), departmentId: requireString(nodeId, 'nodeId') });
      this.#owners.delete(nodeId);
      return deleted;
    });
  }

  /** Moves a node (with the nodes under it) under `targetParentId`; resolves the whole org. */
  moveNode(orgId: string, nodeId: string, targetParentId: string): Promise<V2ExtendedOrg> {
    const { v3, shim } = this.#context;
    return shim.run('org.moveNode', 'updateDepartment', async () => {
      const organizationCode = requireString(orgId, 'orgId');
      await v3.updateDepartment({
        organizationCode,
        departmentId: requireString(nodeId, 'nodeId'),
        parentDepartmentId: requireString(targetParentId, 'targetParentId'),
        metadata: {},
      });
      const organization = await v3.getOrganization({ organizationCode });
      return this.#extended(organization, await this.#walk(organization));
    });
  }

  /** Whether `nodeId` is the org's root node. */
  isRootNode(orgId: string, nodeId: string): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('org.isRootNode', 'getOrganization', async () => {
      requireString(nodeId, 'nodeId');
      const organization = await v3.getOrganization({ organizationCode: requireString(orgId, 'orgId') });
      this.#remember(organization);
      return organization.departmentId === nodeId;
    });
  }

  /** The direct children of a node. */
  listChildren(nodeId: string): Promise<V2Node[]> {
    const { v3, shim } = this.#context;
    return shim.run('org.listChildren', 'listChildrenDepartments', async () => {
      const organizationCode = await this.#organizationOf(nodeId, 'nodeId');
      const parent = await v3.getDepartment({ organizationCode, departmentId: nodeId });
      const known = new Map<string, DepartmentFields>();
      const ancestry = await this.#ancestry(parent, known);
      const children = await this.#children(parent);
      const nodes: V2Node[] = [];
      for (const child of children) {
        const grandchildren = await this.#children(child);
        nodes.push(toV2Node(child, [...ancestry, child], grandchildren.map((node) => node.departmentId), false));
      }
      return nodes;
    });
  }

  /** The org's root node. */
  rootNode(orgId: string): Promise<V2Node> {
    const { v3, shim } = this.#context;
    return shim.run('org.rootNode', 'getOrganization', async () => {
      const organization = await v3.getOrganization({ organizationCode: requireString(orgId, 'orgId') });
      this.#remember(organization);
      const root = rootDepartmentOf(organization);
      const children = await this.#children(root);
      return toV2Node(root, [root], children.map((node) => node.departmentId), true);
    });
  }

  /**
   * Creates an organization from a tree: the root's `name`, `code` and `description` are the
   * organization's, and each of `children` (nested) becomes a node. Resolves the new org.
   */
  importByJson(json: V2OrgImportNode): Promise<V2ExtendedOrg> {
    const { v3, shim } = this.#context;
    return shim.run('org.importByJson', 'ManagementClient.createOrganization() and createDepartment() for each node, from @authing/management', async () => {
      const check = (node: V2OrgImportNode, where: string): void => {
        if (typeof node !== 'object' || node === null) throw new ValidationError(`invalid \`${where}\`: an object with a name`, where);
        requireString(node.name, `${where}.name`);
        if (node.children !== undefined && !Array.isArray(node.children)) throw new ValidationError(`invalid \`${where}.children\`: an array`, `${where}.children`);
        node.children?.forEach((child, index) => check(child, `${where}.children[${index}]`));
      };
      check(json, 'json');
      const organization = await v3.createOrganization({
        organizationCode: json.code || newOrganizationCode(),
        organizationName: json.name,
        ...(json.description !== undefined ? { description: json.description } : {}),
        metadata: {},
      });
      this.#remember(organization);
      const add = async (parentId: string, nodes: V2OrgImportNode[]): Promise<void> => {
        for (const node of nodes) {
          const created = await v3.createDepartment({
            organizationCode: organization.organizationCode,
            parentDepartmentId: parentId,
            name: node.name,
            ...(node.code ? { code: node.code } : {}),
            ...(node.description !== undefined ? { description: node.description } : {}),
            metadata: {},
          });
          await add(created.departmentId, node.children ?? []);
        }
      };
      await add(organization.departmentId, json.children ?? []);
      const reread = await v3.getOrganization({ organizationCode: organization.organizationCode });
      return this.#extended(reread, await this.#walk(reread));
    });
  }

  /** Adds users to a node; resolves the node's first page of members, as v2 did. */
  addMembers(nodeId: string, userIds: string[]): Promise<V2Paginated<V2User>> {
    const { v3, shim } = this.#context;
    return shim.run('org.addMembers', 'addDepartmentMembers', async () => {
      const organizationCode = await this.#organizationOf(nodeId, 'nodeId');
      await v3.addDepartmentMembers({ organizationCode, departmentId: nodeId, userIds: requireIds(userIds, 'userIds') });
      return this.#memberPage(organizationCode, nodeId, 1, 10, false);
    });
  }

  /**
   * Moves users from `sourceNodeId` to `targetNodeId`. They join the target first, so that a
   * failure leaves them in both nodes rather than in neither.
   */
  moveMembers(options: { targetNodeId: string; sourceNodeId: string; userIds: string[] }): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('org.moveMembers', 'ManagementClient.addDepartmentMembers() then removeDepartmentMembers() from @authing/management', async () => {
      const targetNodeId = requireString(options?.targetNodeId, 'options.targetNodeId');
      const sourceNodeId = requireString(options.sourceNodeId, 'options.sourceNodeId');
      const ids = requireIds(options.userIds, 'options.userIds');
      const target = await this.#organizationOf(targetNodeId, 'options.targetNodeId');
      const source = await this.#organizationOf(sourceNodeId, 'options.sourceNodeId');
      await v3.addDepartmentMembers({ organizationCode: target, departmentId: targetNodeId, userIds: ids });
      await v3.removeDepartmentMembers({ organizationCode: source, departmentId: sourceNodeId, userIds: ids });
      return true;
    });
  }

  /** A page of a node's members; `includeChildrenNodes` adds the members of the nodes under it. */
  listMembers(nodeId: string, options: { page?: number; limit?: number; includeChildrenNodes?: boolean } = {}): Promise<V2Paginated<V2User>> {
    const { shim } = this.#context;
    return shim.run('org.listMembers', 'listDepartmentMembers', async () => {
      const organizationCode = await this.#organizationOf(nodeId, 'nodeId');
      const { page = 1, limit = 10, includeChildrenNodes = false } = options ?? {};
      return this.#memberPage(organizationCode, nodeId, page, limit, includeChildrenNodes);
    });
  }

  /** Removes users from a node; resolves the node's first page of members, as v2 did. */
  removeMembers(nodeId: string, userIds: string[]): Promise<V2Paginated<V2User>> {
    const { v3, shim } = this.#context;
    return shim.run('org.removeMembers', 'removeDepartmentMembers', async () => {
      const organizationCode = await this.#organizationOf(nodeId, 'nodeId');
      await v3.removeDepartmentMembers({ organizationCode, departmentId: nodeId, userIds: requireIds(userIds, 'userIds') });
      return this.#memberPage(organizationCode, nodeId, 1, 10, false);
    });
  }

  /**
   * Makes `departmentId` the user's main department. v3 sets a user's departments as a whole, so
   * the user's other departments (and leader flags) are read and sent back unchanged; a
   * department the user is not in yet is joined.
   */
  setMainDepartment(userId: string, departmentId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('org.setMainDepartment', 'setUserDepartments', async () => {
      requireString(userId, 'userId');
      requireString(departmentId, 'departmentId');
      const { list: current } = await allPages((page, limit) => v3.getUserDepartments({ userId, page, limit }));
      const departments = current.map((department) => ({
        departmentId: department.departmentId,
        isLeader: department.isLeader,
        isMainDepartment: department.departmentId === departmentId,
      }));
      if (!departments.some((department) => department.departmentId === departmentId)) departments.push({ departmentId, isLeader: false, isMainDepartment: true });
      await v3.setUserDepartments({ userId, departments });
      return { code: 200, message: 'main department set' };
    });
  }

  /** Every organization as a nested tree whose nodes carry their `members`. */
  exportAll(): Promise<V2ExportedNode[]> {
    const { v3, shim } = this.#context;
    return shim.run('org.exportAll', 'ManagementClient.listOrganizations(), listChildrenDepartments() and listDepartmentMembers() from @authing/management', async () => {
      const { list } = await v3.listOrganizations({ fetchAll: true });
      const exported: V2ExportedNode[] = [];
      for (const organization of list) exported.push(await this.#export(organization));
      return exported;
    });
  }

  /** One organization as a nested tree whose nodes carry their `members`. */
  exportByOrgId(orgId: string): Promise<V2ExportedNode> {
    const { v3, shim } = this.#context;
    return shim.run('org.exportByOrgId', 'ManagementClient.getOrganization(), listChildrenDepartments() and listDepartmentMembers() from @authing/management', async () => {
      return this.#export(await v3.getOrganization({ organizationCode: requireString(orgId, 'orgId') }));
    });
  }

  /** The organizations of a tenant, each as a nested tree whose nodes carry their `members`. */
  getOrgByTenantId(tenantId: string): Promise<V2ExportedNode[]> {
    const { v3, shim } = this.#context;
    return shim.run('org.getOrgByTenantId', 'ManagementClient.listOrganizations() with tenantId, listChildrenDepartments() and listDepartmentMembers() from @authing/management', async () => {
      requireString(tenantId, 'tenantId');
      const { list } = await v3.listOrganizations({ fetchAll: true, tenantId });
      const exported: V2ExportedNode[] = [];
      for (const organization of list) exported.push(await this.#export(organization, tenantId));
      return exported;
    });
  }

  /** The resources a node is authorized to use in `namespace`. */
  listAuthorizedResourcesByNodeId(nodeId: string, namespace: string, options: { resourceType?: V2ResourceType } = {}): Promise<V2Paginated<V2AuthorizedResource>> {
    const { shim } = this.#context;
    return shim.run('org.listAuthorizedResourcesByNodeId', 'getAuthorizedResources', async () =>
      this.#authorizedResources(requireString(nodeId, 'nodeId'), namespace, options?.resourceType),
    );
  }

  /** The resources the node with `code` in org `orgId` is authorized to use in `namespace`. */
  listAuthorizedResourcesByNodeCode(orgId: string, code: string, namespace: string, options: { resourceType?: V2ResourceType } = {}): Promise<V2Paginated<V2AuthorizedResource>> {
    const { v3, shim } = this.#context;
    return shim.run('org.listAuthorizedResourcesByNodeCode', 'ManagementClient.getDepartment() (by departmentCode) then getAuthorizedResources() from @authing/management', async () => {
      const department = await v3.getDepartment({ organizationCode: requireString(orgId, 'orgId'), departmentCode: requireString(code, 'code') });
      return this.#authorizedResources(department.departmentId, namespace, options?.resourceType);
    });
  }

  /** v2 started a directory sync by provider; v3 runs syncs as configured sync tasks. */
  startSync(_options: { providerType: 'wechatwork' | 'dingtalk' | 'ad'; adConnectorId?: string }): Promise<never> {
    return this.#context.shim.unsupported('org.startSync', 'v3 runs directory syncs as sync tasks set up in the console (triggerSyncTask takes a syncTaskId, not a provider)');
  }

  /** Nodes of every organization whose name matches `keyword`. */
  searchNodes(keyword: string): Promise<V2Node[]> {
    const { v3, shim } = this.#context;
    return shim.run('org.searchNodes', 'ManagementClient.searchDepartments() in each organization (listOrganizations()) from @authing/management', async () => {
      requireString(keyword, 'keyword');
      const { list } = await v3.listOrganizations({ fetchAll: true });
      const nodes: V2Node[] = [];
      const known = new Map<string, DepartmentFields>();
      for (const organization of list) {
        this.#remember(organization);
        for (const department of await v3.searchDepartments({ organizationCode: organization.organizationCode, keywords: keyword })) {
          this.#owners.set(department.departmentId, department.organizationCode);
          nodes.push(await this.#node(department, known));
        }
      }
      return nodes;
    });
  }

  #remember(organization: OrganizationDto): void {
    this.#roots.set(organization.organizationCode, organization.departmentId);
    this.#owners.set(organization.departmentId, organization.organizationCode);
  }

  #forget(organizationCode: string): void {
    this.#roots.delete(organizationCode);
    for (const [departmentId, owner] of this.#owners) if (owner === organizationCode) this.#owners.delete(departmentId);
  }

  #isRoot(department: DepartmentFields): boolean {
    return this.#roots.get(department.organizationCode) === department.departmentId || !department.parentDepartmentId;
  }

  /** The organization of a department known by id alone. */
  async #organizationOf(departmentId: string, field: string): Promise<string> {
    requireString(departmentId, field);
    const known = this.#owners.get(departmentId);
    if (known !== undefined) return known;
    const { v3 } = this.#context;
    const { list } = await v3.listOrganizations({ fetchAll: true });
    list.forEach((organization) => this.#remember(organization));
    const owner = list.find((organization) => organization.departmentId === departmentId);
    if (owner) return owner.organizationCode;
    for (const organization of list) {
      try {
        const found = await v3.getDepartment({ organizationCode: organization.organizationCode, departmentId });
        if (found.departmentId === departmentId) {
          this.#owners.set(departmentId, organization.organizationCode);
          return organization.organizationCode;
        }
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    throw new AuthingV2Error(404, `node ${departmentId} is in no organization of this user pool`);
  }

  /** A department's children; none asked for when it says it has none. */
  async #children(department: DepartmentFields, tenantId?: string): Promise<DepartmentDto[]> {
    if (department.hasChildren === false) return [];
    const { list } = await this.#context.v3.listChildrenDepartments({
      organizationCode: department.organizationCode,
      departmentId: department.departmentId,
      ...(tenantId !== undefined ? { tenantId } : {}),
    });
    for (const child of list) this.#owners.set(child.departmentId, child.organizationCode);
    return list;
  }

  /** The departments from the root down to `department`, read parent by parent. */
  async #ancestry(department: DepartmentFields, known: Map<string, DepartmentFields>): Promise<DepartmentFields[]> {
    const chain = [department];
    const seen = new Set([department.departmentId]);
    let current = department;
    while (!this.#isRoot(current) && !seen.has(current.parentDepartmentId)) {
      const parentId = current.parentDepartmentId;
      let parent = known.get(parentId);
      if (!parent) {
        const fetched = await this.#context.v3.getDepartment({ organizationCode: current.organizationCode, departmentId: parentId });
        // An answer about another department (a server that ignores the id) ends the walk instead of looping.
        if (fetched.departmentId !== parentId) break;
        known.set(parentId, fetched);
        parent = fetched;
      }
      seen.add(parentId);
      chain.unshift(parent);
      current = parent;
    }
    return chain;
  }

  async #node(department: DepartmentFields, known: Map<string, DepartmentFields>): Promise<V2Node> {
    const ancestry = await this.#ancestry(department, known);
    const children = await this.#children(department);
    return toV2Node(department, ancestry, children.map((child) => child.departmentId), this.#isRoot(department));
  }

  /** Every department of an organization, breadth first from the root. */
  async #walk(organization: OrganizationDto, tenantId?: string): Promise<Visited[]> {
    this.#remember(organization);
    const root = rootDepartmentOf(organization);
    const visited: Visited[] = [{ department: root, ancestry: [root], children: [] }];
    const seen = new Set([root.departmentId]);
    for (let index = 0; index < visited.length; index++) {
      const entry = visited[index]!;
      entry.children = (await this.#children(entry.department, tenantId)).filter((child) => !seen.has(child.departmentId));
      for (const child of entry.children) {
        seen.add(child.departmentId);
        visited.push({ department: child, ancestry: [...entry.ancestry, child], children: [] });
      }
    }
    return visited;
  }

  #extended(organization: OrganizationDto, visited: Visited[]): V2ExtendedOrg {
    const nodes = visited.map(({ department, ancestry, children }, index) =>
      toV2Node(department, ancestry, children.map((child) => child.departmentId), index === 0),
    );
    return { id: organization.organizationCode, rootNode: nodes[0]!, nodes, tree: buildTree(nodes) };
  }

  async #export(organization: OrganizationDto, tenantId?: string): Promise<V2ExportedNode> {
    const visited = await this.#walk(organization, tenantId);
    const { userPoolId } = this.#context;
    const built = new Map<string, V2ExportedNode>();
    for (const [index, { department, ancestry }] of visited.entries()) {
      const members = await this.#allMembers(department.organizationCode, department.departmentId, tenantId);
      built.set(department.departmentId, toV2ExportedNode(department, ancestry, index === 0, userPoolId, members));
    }
    for (const { department, children } of visited) {
      const parent = built.get(department.departmentId)!;
      for (const child of children) {
        const node = built.get(child.departmentId);
        if (node) parent.children.push(node);
      }
    }
    return built.get(organization.departmentId)!;
  }

  async #memberPage(organizationCode: string, departmentId: string, page: number, limit: number, includeChildren: boolean): Promise<V2Paginated<V2User>> {
    const { totalCount, list } = await this.#context.v3.listDepartmentMembers({
      organizationCode,
      departmentId,
      page,
      limit,
      includeChildrenDepartments: includeChildren,
    });
    return { totalCount, list: list.map((user) => toV2User(user, this.#context.userPoolId)) };
  }

  /** Every direct member of a department, page by page. */
  async #allMembers(organizationCode: string, departmentId: string, tenantId?: string): Promise<V2User[]> {
    const { v3, userPoolId } = this.#context;
    const { list } = await allPages((page, limit) =>
      v3.listDepartmentMembers({ organizationCode, departmentId, page, limit, ...(tenantId !== undefined ? { tenantId } : {}) }),
    );
    return list.map((user) => toV2User(user, userPoolId));
  }

  async #authorizedResources(departmentId: string, namespace: string, resourceType: V2ResourceType | undefined): Promise<V2Paginated<V2AuthorizedResource>> {
    const { totalCount, list } = await this.#context.v3.getAuthorizedResources({
      targetType: 'DEPARTMENT',
      targetIdentifier: departmentId,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(resourceType !== undefined ? { resourceType } : {}),
    });
    return toV2AuthorizedResources(list, totalCount);
  }
}
