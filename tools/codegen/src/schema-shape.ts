import { refName, type Schema } from './spec.ts';

/** Finds a named schema in `components.schemas`; throws for a dangling `$ref`. */
export type SchemaLookup = (name: string) => Schema;

export function schemaLookup(schemas: Readonly<Record<string, Schema>>): SchemaLookup {
  return (name) => {
    const schema = schemas[name];
    if (!schema) throw new Error(`$ref to unknown schema ${name}`);
    return schema;
  };
}

// The spec wraps most references as `{ description, allOf: [{ $ref }] }`, so a
// schema's top-level shape is the union of what its `$ref` and `allOf` parts declare.

function target(schema: Schema, lookup: SchemaLookup): Schema {
  return schema.$ref ? target(lookup(refName(schema.$ref)), lookup) : schema;
}

/** Top-level properties, through `$ref` and `allOf`. */
export function propertiesOf(schema: Schema, lookup: SchemaLookup): Record<string, Schema> {
  const own = target(schema, lookup);
  return Object.assign({}, ...(own.allOf ?? []).map((part) => propertiesOf(part, lookup)), own.properties);
}

/** Top-level required property names, through `$ref` and `allOf`, in declaration order. */
export function requiredOf(schema: Schema, lookup: SchemaLookup): string[] {
  const own = target(schema, lookup);
  const names = [...(own.allOf ?? []).flatMap((part) => requiredOf(part, lookup)), ...(own.required ?? [])];
  return [...new Set(names)];
}

/** The JSON type of a schema, through `$ref` and `allOf`. */
export function jsonTypeOf(schema: Schema, lookup: SchemaLookup): string | undefined {
  const own = target(schema, lookup);
  return own.type ?? (own.allOf ?? []).map((part) => jsonTypeOf(part, lookup)).find((type) => type !== undefined);
}
