import type { GroupDto, ResGroupDto } from '@authing/management';

/**
 * A group as v2 returned it (v2's GraphQL `Group`). The connection fields of that type (`users`,
 * `authorizedResources`) were never part of v2's group answers: `groups.listUsers` and
 * `groups.listAuthorizedResources` fetch them.
 */
export interface V2Group {
  code: string;
  name: string;
  description: string | null;
  /** v3 groups carry no timestamps. */
  createdAt: null;
  updatedAt: null;
}

/** A v3 group in v2's shape. */
export function toV2Group(group: GroupDto | ResGroupDto): V2Group {
  return {
    code: group.code,
    name: group.name,
    // v3 stores an absent description as ''; v2 answered null.
    description: group.description ? group.description : null,
    createdAt: null,
    updatedAt: null,
  };
}
