import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Operation, OperationSpec } from '@authing/core';
import type { OpenApiDocument, SpecOperation } from './sample.ts';

export const repoRoot: string = resolve(import.meta.dirname, '../../..');

/** Where the OpenAPI documents are: `$AUTHING_OPENAPI_DIR`, relative to the repository root, default `../shared/spec`. */
export const specDir: string = resolve(repoRoot, process.env.AUTHING_OPENAPI_DIR ?? '../shared/spec');

export type SpecId = 'management' | 'authentication';

export const specFile = (id: SpecId): string => join(specDir, `${id}-openapi.json`);

export function loadDocument(id: SpecId): OpenApiDocument {
  const file = specFile(id);
  if (!existsSync(file)) throw new Error(`No OpenAPI document at ${file} (set AUTHING_OPENAPI_DIR)`);
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** `GET /api/v3/ip-list/{}`: placeholders are anonymised so that renamed path parameters still match. */
export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

export interface SpecEntry {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly hidden: boolean;
  readonly operation: SpecOperation;
}

const methods = new Set(['get', 'post', 'put', 'delete', 'patch']);

export function specOperations(doc: OpenApiDocument): SpecEntry[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.has(method))
      .map(([method, operation]) => ({
        key: routeKey(method, path),
        method: method.toUpperCase(),
        path,
        hidden: operation['x-authing-hidden-from-sdk'] === true,
        operation,
      })),
  );
}

export interface Generated {
  /** `users.ts#getUser`. */
  readonly where: string;
  readonly op: Operation<never, unknown>;
  readonly spec: OperationSpec;
}

function isOperation(value: unknown): value is Operation<never, unknown> {
  const spec = (value as { spec?: Partial<OperationSpec> } | undefined)?.spec;
  return typeof value === 'function' && typeof spec?.method === 'string' && typeof spec.path === 'string';
}

/** The generated endpoint modules of one package, `packages/<id>/src/resources/*.ts`. */
export const resourcesDir = (id: SpecId): string => join(repoRoot, 'packages', id, 'src', 'resources');

/** Imports every resource module of a package and returns each `Operation` export once. */
export async function loadGenerated(id: SpecId): Promise<Generated[]> {
  const dir = resourcesDir(id);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes('.test.'))
    .sort();
  const seen = new Set<unknown>();
  const found: Generated[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!isOperation(value) || seen.has(value)) continue;
      seen.add(value);
      found.push({ where: `${file}#${name}`, op: value, spec: value.spec });
    }
  }
  return found;
}
