import type { RequestContext } from '../context.ts';
import { EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import type { State } from '../state.ts';
import type { Fields } from '../validate.ts';

/**
 * States saved before organisations, applications and resources existed lack
 * their collections; this adds them (empty) before a handler reads them.
 */
export function ensureCollections(state: State): State {
  state.organizations ??= [];
  state.departments ??= [];
  state.applications ??= [];
  state.resources ??= [];
  state.policies ??= [];
  return state;
}

/** Routes whose handlers may read the newer collections. */
export function withCollections(routes: Route[]): Route[] {
  return routes.map((route) => ({
    ...route,
    handle: (context: RequestContext) => {
      ensureCollections(context.services.store.state);
      return route.handle(context);
    },
  }));
}

/**
 * An optional array of strings in a JSON body. Unlike `optStringArray` (made
 * for query strings), a bare string is a type error, named `key` or `key[i]`.
 */
export function optBodyStrings(fields: Fields, key: string): string[] | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new EmulatorError(400, 'wrongType', { params: { field: key, type: 'string[]' }, httpStatus: 400 });
  value.forEach((item, index) => {
    if (typeof item !== 'string') throw new EmulatorError(400, 'wrongType', { params: { field: `${key}[${index}]`, type: 'string' }, httpStatus: 400 });
  });
  return value as string[];
}
