import { describe, expect, it } from 'vitest';
import { packageManifest } from '../src/emit-exports.ts';
import { specLiteral } from '../src/emit-operations.ts';
import type { Endpoint } from '../src/endpoints.ts';
import { packages } from '../src/packages.ts';

const endpoint = (overrides: Partial<Endpoint>): Endpoint => ({
  name: 'listUsers',
  area: 'users',
  otherNames: [],
  wrappers: [],
  fromOperationId: false,
  method: 'POST',
  path: '/api/v3/list-users',
  summary: '',
  deprecated: false,
  overlay: false,
  inputType: 'Record<string, never>',
  dataType: 'unknown',
  typeRefs: [],
  schemaRoots: [],
  pathParams: [],
  required: [],
  safe: false,
  ...overrides,
});

describe('specLiteral', () => {
  it('omits empty and false keys', () => {
    expect(specLiteral(endpoint({}))).toBe("{ name: 'listUsers', method: 'POST', path: '/api/v3/list-users' }");
  });

  it('prints the optional keys in OperationSpec order', () => {
    expect(specLiteral(endpoint({ path: '/x/{id}', pathParams: ['id'], required: ['a'], safe: true, paging: 'options' }))).toBe(
      "{ name: 'listUsers', method: 'POST', path: '/x/{id}', pathParams: ['id'], required: ['a'], safe: true, paging: 'options' }",
    );
  });
});

describe('packageManifest', () => {
  const [management] = packages;
  if (!management) throw new Error('no package config');

  it('replaces only exports, keeping the other fields in order', () => {
    const current = JSON.stringify({ name: '@authing/management', exports: { '.': './old.js' }, scripts: { build: 'tsdown' } });
    const manifest = JSON.parse(packageManifest(management, current, ['users'])) as Record<string, unknown>;
    expect(Object.keys(manifest)).toEqual(['name', 'exports', 'scripts']);
    expect(Object.keys(manifest.exports as object)).toEqual(['.', './client', './node', './users', './package.json']);
    expect((manifest.exports as Record<string, unknown>)['./users']).toEqual({
      import: { types: './dist/users.d.mts', default: './dist/users.mjs' },
      require: { types: './dist/users.d.cts', default: './dist/users.cjs' },
    });
  });

  it('refuses an area that would shadow an entry point', () => {
    expect(() => packageManifest(management, undefined, ['node'])).toThrow(/shadow/);
  });
});
