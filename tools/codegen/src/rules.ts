import type { HttpMethod } from './endpoint-table.ts';
import { jsonTypeOf, propertiesOf, type SchemaLookup } from './schema-shape.ts';
import type { Schema } from './spec.ts';

export type Paging = 'query' | 'body' | 'options';

/**
 * Whether retrying the call cannot change server state. Every GET is; Authing
 * also does many reads by POST, recognisable only by the verb that starts the
 * SDK name. The verb must end at a camelCase boundary, so `issueToken` is not `is…`.
 */
export function isSafe(method: HttpMethod, name: string): boolean {
  return method === 'GET' || (method === 'POST' && /^(list|get|search|is|check|has)(?![a-z])/.test(name));
}

export interface PagingShape {
  method: HttpMethod;
  queryParams: readonly string[];
  body: Schema | undefined;
  /** The `data` of the success response. */
  data: Schema | undefined;
}

/**
 * Where a list endpoint takes `page` and `limit`, so that `paginate` can walk
 * it; undefined unless the response's `data` carries a `list` array to walk.
 */
export function pagingOf({ method, queryParams, body, data }: PagingShape, lookup: SchemaLookup): Paging | undefined {
  const list = data && propertiesOf(data, lookup).list;
  if (!list || jsonTypeOf(list, lookup) !== 'array') return undefined;
  const hasPageAndLimit = (names: readonly string[]) => names.includes('page') && names.includes('limit');
  if (method === 'GET') return hasPageAndLimit(queryParams) ? 'query' : undefined;
  if (!body) return undefined;
  const fields = propertiesOf(body, lookup);
  if (hasPageAndLimit(Object.keys(fields))) return 'body';
  const pagination = fields.options && propertiesOf(fields.options, lookup).pagination;
  return pagination && hasPageAndLimit(Object.keys(propertiesOf(pagination, lookup))) ? 'options' : undefined;
}
