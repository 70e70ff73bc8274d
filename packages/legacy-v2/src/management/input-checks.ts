import { ValidationError } from '@authing/core';
import type { V2KeyValuePair } from '../shapes/udf.ts';

// Argument checks the management sub-clients share: a ValidationError naming the argument, before
// anything is sent.

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is V2KeyValuePair {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(`invalid \`${field}\`: a non-empty string`, field);
  return value;
}

export function requireIds(ids: unknown, field: string): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id !== '')) {
    throw new ValidationError(`invalid \`${field}\`: a non-empty array of non-empty strings`, field);
  }
  return ids;
}

/** v2's `KeyValuePair` argument: a plain object with at least one key. */
export function requireValues(data: unknown, field: string): V2KeyValuePair {
  if (!isRecord(data) || Object.keys(data).length === 0) {
    throw new ValidationError(`invalid \`${field}\`: an object with at least one custom value`, field);
  }
  return data;
}
