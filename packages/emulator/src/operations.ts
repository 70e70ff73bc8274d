import * as authentication from '@authing/authentication';
import { managementTokenSpec } from '@authing/core';
import * as management from '@authing/management';

/** One operation the SDK knows: `{ name, method, path }` from its generated `.spec`. */
export interface KnownOperation {
  readonly api: 'management' | 'authentication';
  readonly name: string;
  readonly method: string;
  readonly path: string;
}

interface SpecHolder {
  spec: { name: string; method: string; path: string };
}

function specsOf(module: Record<string, unknown>, api: KnownOperation['api']): KnownOperation[] {
  return Object.values(module)
    .filter((value): value is SpecHolder => typeof value === 'function' && typeof (value as Partial<SpecHolder>).spec?.path === 'string')
    .map(({ spec }) => ({ api, name: spec.name, method: spec.method, path: spec.path }));
}

/**
 * Every operation of `@authing/management` and `@authing/authentication`, read
 * from the built SDK so the emulator can name any call it does not emulate.
 * Also `getManagementToken`, which lives in `@authing/core`.
 */
export const knownOperations: readonly KnownOperation[] = [
  { api: 'management', name: managementTokenSpec.name, method: managementTokenSpec.method, path: managementTokenSpec.path },
  ...specsOf(management as unknown as Record<string, unknown>, 'management'),
  ...specsOf(authentication as unknown as Record<string, unknown>, 'authentication'),
];

/** A path template (`/api/v3/ip-list/{id}`) as a matcher. */
function matcher(path: string): RegExp {
  const pattern = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${pattern}$`);
}

const exact = new Map<string, KnownOperation[]>();
const templated: Array<{ method: string; pattern: RegExp; operation: KnownOperation }> = [];
for (const operation of knownOperations) {
  if (operation.path.includes('{')) {
    templated.push({ method: operation.method, pattern: matcher(operation.path), operation });
  } else {
    const key = `${operation.method} ${operation.path}`;
    exact.set(key, [...(exact.get(key) ?? []), operation]);
  }
}

/** The SDK operations served at `method path`; two when management and authentication share one. */
export function operationsAt(method: string, path: string): KnownOperation[] {
  const found = exact.get(`${method} ${path}`);
  if (found) return found;
  return templated.filter((entry) => entry.method === method && entry.pattern.test(path)).map((entry) => entry.operation);
}
