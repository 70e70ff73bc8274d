import { EmulatorError } from './errors.ts';

/**
 * Field readers for request bodies and queries. A field of the wrong type is
 * an HTTP 400 envelope that names it (`options.pagination.page`); unknown
 * fields are simply never read, so they are ignored as Authing ignores them.
 */
export type Fields = Readonly<Record<string, unknown>>;

function wrongType(field: string, type: string): EmulatorError {
  return new EmulatorError(400, 'wrongType', { params: { field, type }, httpStatus: 400 });
}

export function missing(field: string): EmulatorError {
  return new EmulatorError(400, 'missing', { params: { field }, httpStatus: 400 });
}

export function invalid(field: string): EmulatorError {
  return new EmulatorError(400, 'invalidValue', { params: { field }, httpStatus: 400 });
}

export function optString(fields: Fields, key: string, path: string = key): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(path, 'string');
  return value;
}

export function reqString(fields: Fields, key: string, path: string = key): string {
  const value = optString(fields, key, path);
  if (value === undefined || value === '') throw missing(path);
  return value;
}

export function optBoolean(fields: Fields, key: string, path: string = key): boolean | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  // Query strings carry booleans as text.
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (typeof value !== 'boolean') throw wrongType(path, 'boolean');
  return value;
}

export function optInteger(fields: Fields, key: string, path: string = key, min: number = 1): number | undefined {
  const raw = fields[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(path, 'integer');
  if (value < min) throw invalid(path);
  return value;
}

export function optObject(fields: Fields, key: string, path: string = key): Fields | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(path, 'object');
  return value as Fields;
}

export function optStringArray(fields: Fields, key: string, path: string = key): string[] | undefined {
  let value = fields[key];
  if (value === undefined || value === null) return undefined;
  // A one-element array arrives in a query string as a bare value.
  if (typeof value === 'string') value = [value];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw wrongType(path, 'string[]');
  return value as string[];
}

export function reqArray(fields: Fields, key: string, path: string = key): unknown[] {
  const value = fields[key];
  if (value === undefined || value === null) throw missing(path);
  if (!Array.isArray(value)) throw wrongType(path, 'array');
  return value;
}

export function optEnum<T extends string>(fields: Fields, key: string, allowed: readonly T[], path: string = key): T | undefined {
  const value = optString(fields, key, path);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalid(path);
  return value as T;
}

/** Reads a nested object field and names its members `parent.child` in errors. */
export function nested(fields: Fields, key: string, path: string = key): { fields: Fields; path: (child: string) => string } | undefined {
  const value = optObject(fields, key, path);
  return value ? { fields: value, path: (child) => `${path}.${child}` } : undefined;
}
