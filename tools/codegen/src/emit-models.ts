import { overlayInput, type PackageEndpoints } from './endpoints.ts';
import { declaration, reachableSchemas } from './schema-types.ts';
import { banner, compare } from './text.ts';

// Names the emitted types use from TypeScript itself, which a schema must not shadow.
const builtinTypes: ReadonlySet<string> = new Set(['Record']);

/** Declarations for the schemas the given endpoints use, keyed by name. */
export function modelDeclarations({ endpoints, lookup }: Pick<PackageEndpoints, 'endpoints' | 'lookup'>): Map<string, string> {
  const declarations = new Map<string, string>();
  const add = (name: string, text: string): void => {
    if (declarations.has(name) || builtinTypes.has(name)) throw new Error(`models.ts: the type name ${name} is taken`);
    declarations.set(name, text);
  };
  for (const name of reachableSchemas(endpoints.flatMap((endpoint) => endpoint.schemaRoots), lookup)) {
    add(name, declaration(name, lookup(name)));
  }
  for (const { inputDeclaration } of endpoints) {
    if (inputDeclaration) add(inputDeclaration.name, declaration(inputDeclaration.name, inputDeclaration.schema));
  }
  if (endpoints.some((endpoint) => endpoint.overlay)) {
    add(
      overlayInput,
      '/** Input of an overlay endpoint. These endpoints are newer than the OpenAPI spec, so their shapes are not typed. */\n' +
        `export type ${overlayInput} = Record<string, unknown>;\n`,
    );
  }
  return declarations;
}

export function declarationsText(declarations: Map<string, string>): string {
  return [...declarations.keys()].sort(compare).map((name) => declarations.get(name)).join('\n');
}

/** `generated/models.ts`: the request and response types of every endpoint. */
export function modelsModule(built: PackageEndpoints): string {
  return `${banner}\n${declarationsText(modelDeclarations(built))}`;
}
