import { describe, expect, it } from 'vitest';
import { isSafe, pagingOf } from '../src/rules.ts';
import { schemaLookup } from '../src/schema-shape.ts';
import type { Schema } from '../src/spec.ts';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const lookup = schemaLookup({
  Pagination: { type: 'object', properties: { page: { type: 'number' }, limit: { type: 'number' } } },
  Options: { type: 'object', properties: { pagination: { description: 'wrapped', allOf: [ref('Pagination')] } } },
  ListByOptions: { type: 'object', properties: { keywords: { type: 'string' }, options: { allOf: [ref('Options')] } } },
  ListByBody: { type: 'object', properties: { page: { type: 'number' }, limit: { type: 'number' } } },
  Paged: { type: 'object', properties: { totalCount: { type: 'number' }, list: { type: 'array', items: { type: 'string' } } } },
  Single: { type: 'object', properties: { list: { type: 'string' } } },
});
const paged: Schema = { allOf: [ref('Paged')] };

describe('isSafe', () => {
  it('treats every GET as safe', () => {
    expect(isSafe('GET', 'resetSomething')).toBe(true);
  });

  it('treats POST reads as safe by the verb that starts the name', () => {
    for (const name of ['listUsers', 'getUser', 'searchDepartments', 'isUserExists', 'checkPermission', 'hasAnyRole', 'list']) {
      expect(isSafe('POST', name)).toBe(true);
    }
  });

  it('needs a camelCase boundary after the verb, and never trusts other methods', () => {
    expect(isSafe('POST', 'issueToken')).toBe(false);
    expect(isSafe('POST', 'createUser')).toBe(false);
    expect(isSafe('PUT', 'getDetail')).toBe(false);
    expect(isSafe('DELETE', 'listThings')).toBe(false);
  });
});

describe('pagingOf', () => {
  it('finds page and limit in the query of a GET', () => {
    expect(pagingOf({ method: 'GET', queryParams: ['page', 'limit', 'q'], body: undefined, data: paged }, lookup)).toBe('query');
    expect(pagingOf({ method: 'GET', queryParams: ['page'], body: undefined, data: paged }, lookup)).toBeUndefined();
  });

  it('finds page and limit at the top of the body or in options.pagination', () => {
    expect(pagingOf({ method: 'POST', queryParams: [], body: ref('ListByBody'), data: paged }, lookup)).toBe('body');
    expect(pagingOf({ method: 'POST', queryParams: [], body: ref('ListByOptions'), data: paged }, lookup)).toBe('options');
  });

  it('needs a list array in the response data', () => {
    expect(pagingOf({ method: 'POST', queryParams: [], body: ref('ListByBody'), data: ref('Single') }, lookup)).toBeUndefined();
    expect(pagingOf({ method: 'GET', queryParams: ['page', 'limit'], body: undefined, data: undefined }, lookup)).toBeUndefined();
  });
});
