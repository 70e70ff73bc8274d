import { afterEach, expect } from 'vitest';
import { spec } from './helpers.ts';

// Any answer that does not match the official spec fails the test that received it.
afterEach(() => {
  const mismatches = spec.mismatches.splice(0);
  expect(mismatches).toEqual([]);
});
