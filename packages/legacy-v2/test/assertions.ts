import { expect } from 'vitest';
import { AuthingV2Error } from '../src/index.ts';

/** The AuthingV2Error `promise` rejects with; the test fails if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AuthingV2Error> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthingV2Error);
  return error as AuthingV2Error;
}

/**
 * Asserts that `promise` rejects as a v2 method without a v3 equivalent does: AuthingV2Error 501
 * whose message names `method` (as `'tenant.config'`, the sub-client's name first).
 */
export async function expectUnsupported(promise: Promise<unknown>, method: string): Promise<AuthingV2Error> {
  const error = await rejection(promise);
  expect(error.code).toBe(501);
  expect(error.message).toContain(`${method}() has no v3 equivalent`);
  return error;
}

/** An object's own keys, sorted: what the key-set assertions compare with v2's documented fields. */
export function sortedKeys(value: object): string[] {
  return Object.keys(value).sort();
}
