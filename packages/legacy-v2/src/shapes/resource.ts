import type { AuthorizedResourceDto, ResourceDto } from '@authing/management';
import type { V2Paginated } from './paginated.ts';
import { or } from './nullable.ts';

/** v2's resource types (v3 has the same five). */
export type V2ResourceType = 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON';

/** An action a resource defines. */
export interface V2ResourceAction {
  name: string;
  description: string;
}

/** What v2's `acl.listResources` filters by. */
export interface V2ResourceQueryFilter {
  page?: number;
  limit?: number;
  type?: V2ResourceType;
  /** @deprecated v2's older name for `namespace`. */
  namespaceCode?: string;
  namespace?: string;
}

/** What v2's `acl.createResource` takes. */
export interface V2ResourceInput {
  code: string;
  type: V2ResourceType;
  description?: string;
  actions: V2ResourceAction[];
  namespace: string;
  apiIdentifier?: string;
}

/** What v2's `acl.updateResource` takes. */
export interface V2ResourceUpdateInput {
  type?: V2ResourceType;
  description?: string;
  actions?: V2ResourceAction[];
  namespace: string;
  apiIdentifier?: string;
}

/** A resource as v2's list and detail calls returned it. v3 resources have no id, dates or numeric namespace id. */
export interface V2Resource {
  id: null;
  createdAt: null;
  updatedAt: null;
  userPoolId: string;
  code: string;
  actions: V2ResourceAction[];
  type: V2ResourceType;
  description: string | null;
  namespaceId: null;
  apiIdentifier: string | null;
  namespace: string | null;
}

/** A resource as v2's create and update calls returned it (`IResourceResponse`: no `namespace`). */
export type V2ResourceResponse = Omit<V2Resource, 'namespace'>;

/** One resource a user, role, group or department may access, in v2's fields (v2's `AuthorizedResource`). */
export interface V2AuthorizedResource {
  /** The resource's code, such as `books:1`. */
  code: string;
  type: V2ResourceType | null;
  actions: string[] | null;
}

/** A v3 resource in v2's list/detail shape. */
export function toV2Resource(resource: ResourceDto, userPoolId: string): V2Resource {
  return { ...toV2ResourceResponse(resource, userPoolId), namespace: or(resource.namespace) };
}

/** A v3 resource in v2's create/update shape. */
export function toV2ResourceResponse(resource: ResourceDto, userPoolId: string): V2ResourceResponse {
  return {
    id: null,
    createdAt: null,
    updatedAt: null,
    userPoolId,
    code: resource.code,
    actions: resource.actions ?? [],
    type: resource.type,
    description: or(resource.description),
    namespaceId: null,
    apiIdentifier: or(resource.apiIdentifier),
  };
}

const resourceTypes: ReadonlySet<string> = new Set<V2ResourceType>(['DATA', 'API', 'MENU', 'UI', 'BUTTON']);

/** The fields of a granted resource that every v3 answer has (management and authentication, of users, roles, groups, departments). */
type V3AuthorizedResource = Pick<AuthorizedResourceDto, 'resourceCode' | 'resourceType' | 'actions'>;

/** A v3 granted resource in v2's shape. A type outside v2's five (or none) is `null`. */
export function toV2AuthorizedResource(resource: V3AuthorizedResource): V2AuthorizedResource {
  return {
    code: resource.resourceCode,
    type: resourceTypes.has(resource.resourceType) ? resource.resourceType : null,
    actions: resource.actions ?? null,
  };
}

/** v3's granted resources (of a role: paginated; of a group: a bare array) as v2's page. */
export function toV2AuthorizedResources(list: readonly V3AuthorizedResource[], totalCount: number = list.length): V2Paginated<V2AuthorizedResource> {
  return { totalCount, list: list.map(toV2AuthorizedResource) };
}
