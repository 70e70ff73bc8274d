import type { Endpoint } from './endpoints.ts';
import { endpointDoc } from './emit-operations.ts';
import { camelCase } from './naming.ts';
import type { PackageConfig } from './packages.ts';
import { assertDistinctBindings, banner, compare, importStatement } from './text.ts';

/**
 * `generated/api.ts`: an interface declaring every endpoint as a method, merged
 * with a class whose prototype `installMethods` fills in, so the hand-written
 * client gets all methods by extending it.
 */
export function facadeModule(config: PackageConfig, endpoints: readonly Endpoint[]): string {
  const sorted = [...endpoints].sort((a, b) => compare(a.name, b.name));
  const areas = [...new Set(sorted.map((endpoint) => endpoint.area))].sort(compare);
  const types = [...new Set(sorted.flatMap((endpoint) => endpoint.typeRefs))];
  assertDistinctBindings('generated/api.ts', ['installMethods', 'Client', 'Method', config.facade, ...areas.map(camelCase), ...types]);
  const api = config.facade;
  return [
    banner,
    "import { installMethods, type Client, type Method } from '@authing/core';\n",
    ...areas.map((area) => `import * as ${camelCase(area)} from '../resources/${area}.ts';\n`),
    `${importStatement('import type', types, './models.ts')}\n`,
    '\n',
    `/** Every ${config.title} endpoint as a method; generated. */\n`,
    `export interface ${api}<T extends boolean = false> {\n`,
    ...sorted.map((endpoint) => `${endpointDoc(endpoint, '  ')}  ${endpoint.name}: Method<T, ${endpoint.inputType}, ${endpoint.dataType}>;\n`),
    '}\n',
    '\n',
    `export class ${api}<T extends boolean = false> {\n`,
    '  readonly client: Client<T>;\n',
    '  constructor(client: Client<T>) {\n',
    '    this.client = client;\n',
    '  }\n',
    '}\n',
    '\n',
    '// Methods live on the prototype, so constructing a client does no per-endpoint work.\n',
    `installMethods(${api}.prototype, [\n`,
    ...areas.map((area) => `  ...Object.values(${camelCase(area)}),\n`),
    ']);\n',
  ].join('');
}

/** `generated/operations.ts`: every endpoint function, for the package root; subpaths serve one area each. */
export function operationsBarrel(areas: readonly string[]): string {
  return banner + areas.map((area) => `export * from '../resources/${area}.ts';\n`).join('');
}
