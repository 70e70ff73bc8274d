import type { DepartmentDto, DepartmentI18nDto, LangObject, OrganizationDto } from '@authing/management';
import { ValidationError } from '@authing/core';
import type { V2User } from './user.ts';

/**
 * The fields every v2 node answer has: the GraphQL `Node` of the org and user calls, and the REST
 * nodes of the exports and of `listOrgs`. `orgId` is the v3 `organizationCode`.
 */
export interface V2NodeFields {
  id: string;
  orgId: string;
  name: string;
  /** JSON of `{ [lang]: name }`, as v2 stored it; from the v3 department's `i18n.name`. */
  nameI18n: string | null;
  description: string | null;
  descriptionI18n: string | null;
  order: number | null;
  code: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * A node of an organization tree as v2 returned it (v2's GraphQL `Node`): a v3 department.
 * `path`, `codePath`, `namePath` run from the root down.
 */
export interface V2Node extends V2NodeFields {
  root: boolean;
  /** Distance from the root (0 for the root). */
  depth: number;
  path: string[];
  codePath: (string | null)[];
  namePath: string[];
  /** Ids of the direct children. */
  children: string[];
}

/** An organization as v2 returned it: its id (v3's `organizationCode`), its root node and every node. */
export interface V2Org {
  id: string;
  rootNode: V2Node;
  nodes: V2Node[];
}

/** A node whose `children` are the child nodes themselves, as in v2's `tree`. */
export interface V2TreeNode extends Omit<V2Node, 'children'> {
  children: V2TreeNode[];
}

/** What v2's `org.list`, `org.findById` and `org.moveNode` returned: the org plus its nested `tree`. */
export interface V2ExtendedOrg extends V2Org {
  tree: V2TreeNode[];
}

/** A node of v2's export (`exportAll`, `exportByOrgId`, `getOrgByTenantId`): nested, with its members. */
export interface V2ExportedNode extends V2NodeFields {
  userPoolId: string;
  leaderUserIds: string[] | null;
  depth: number;
  root: boolean;
  members: V2User[];
  children: V2ExportedNode[];
}

/** The department fields a v2 node is built from: a v3 department, or an organization's root. */
export type DepartmentFields = Pick<DepartmentDto, 'departmentId' | 'organizationCode' | 'name' | 'parentDepartmentId'> &
  Partial<Pick<DepartmentDto, 'description' | 'code' | 'createdAt' | 'updatedAt' | 'i18n' | 'hasChildren' | 'leaderUserIds'>>;

/** An organization's root department, from the organization (v3 keeps them as one record). */
export function rootDepartmentOf(organization: OrganizationDto): DepartmentFields {
  return {
    departmentId: organization.departmentId,
    organizationCode: organization.organizationCode,
    name: organization.organizationName,
    parentDepartmentId: '',
    description: organization.description,
    code: organization.organizationCode,
    createdAt: organization.createdAt,
    updatedAt: organization.updatedAt,
    hasChildren: organization.hasChildren,
    leaderUserIds: organization.leaderUserIds,
    ...(organization.i18n ? { i18n: { name: organization.i18n.organizationName } } : {}),
  };
}

const languages = ['zh-CN', 'en-US', 'zh-TW', 'ja-JP'] as const;

/** v3's per-language names as v2's `nameI18n` JSON string. */
export function nameI18nOf(i18n: DepartmentI18nDto | undefined): string | null {
  if (!i18n?.name) return null;
  const names = Object.fromEntries(languages.flatMap((lang) => (i18n.name[lang]?.value ? [[lang, i18n.name[lang].value]] : [])));
  return Object.keys(names).length === 0 ? null : JSON.stringify(names);
}

/** v2's `nameI18n` (`{ "en-US": "Sales" }` as JSON) as v3's `i18n.name`. */
export function i18nOf(nameI18n: string | undefined, field = 'nameI18n'): DepartmentI18nDto | undefined {
  if (nameI18n === undefined || nameI18n === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(nameI18n);
  } catch {
    throw new ValidationError(`invalid \`${field}\`: a JSON object of language → name, such as {"en-US":"Sales"}`, field);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError(`invalid \`${field}\`: a JSON object of language → name, such as {"en-US":"Sales"}`, field);
  }
  const names = parsed as Record<string, unknown>;
  const name = Object.fromEntries(
    languages.map((lang) => [lang, { enabled: typeof names[lang] === 'string', value: typeof names[lang] === 'string' ? names[lang] : '' }]),
  ) as unknown as LangObject;
  return { name };
}

/**
 * A v3 department as a v2 node. `ancestry` runs from the root down to the department itself;
 * `children` are the ids of its direct children.
 */
export function toV2Node(department: DepartmentFields, ancestry: DepartmentFields[], children: string[], root: boolean): V2Node {
  return {
    id: department.departmentId,
    orgId: department.organizationCode,
    name: department.name,
    nameI18n: nameI18nOf(department.i18n),
    description: department.description ?? null,
    descriptionI18n: null,
    order: null,
    code: department.code || null,
    root,
    depth: ancestry.length - 1,
    path: ancestry.map((node) => node.departmentId),
    codePath: ancestry.map((node) => node.code || null),
    namePath: ancestry.map((node) => node.name),
    createdAt: department.createdAt ?? null,
    updatedAt: department.updatedAt ?? null,
    children,
  };
}

/**
 * A v3 department as a node of v2's export: the v2 node without its paths, with the pool, the
 * leaders and the `members` given. Its `children` start empty: the caller nests the child nodes.
 */
export function toV2ExportedNode(department: DepartmentFields, ancestry: DepartmentFields[], root: boolean, userPoolId: string, members: V2User[]): V2ExportedNode {
  const { path: _path, codePath: _codePath, namePath: _namePath, children: _children, ...node } = toV2Node(department, ancestry, [], root);
  return { ...node, userPoolId, leaderUserIds: department.leaderUserIds ?? null, members, children: [] };
}

/** v2's `tree`: the nodes nested under their parents, roots first. */
export function buildTree(nodes: V2Node[]): V2TreeNode[] {
  const byId = new Map(nodes.map((node) => [node.id, { ...node, children: [] as V2TreeNode[] }]));
  const roots: V2TreeNode[] = [];
  for (const node of nodes) {
    const built = byId.get(node.id)!;
    const parentId = node.path.length > 1 ? node.path[node.path.length - 2] : undefined;
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    if (parent && parent !== built) parent.children.push(built);
    else roots.push(built);
  }
  return roots;
}
