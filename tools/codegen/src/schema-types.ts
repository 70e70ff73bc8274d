import type { SchemaLookup } from './schema-shape.ts';
import { refName, type Schema } from './spec.ts';
import { docComment, propertyKey, quote } from './text.ts';

// Binding strength of a printed type, to add parentheses only where TypeScript needs them.
const UNION = 0;
const INTERSECTION = 1;
const ATOM = 2;

interface Printed {
  text: string;
  strength: number;
}

function atLeast(printed: Printed, strength: number): string {
  return printed.strength >= strength ? printed.text : `(${printed.text})`;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  throw new Error(`Unsupported enum value ${JSON.stringify(value)}`);
}

function objectType(schema: Schema, indent: string): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  const extraType = extra === true ? 'unknown' : extra ? typeExpression(extra, indent) : undefined;
  if (properties.length === 0) return `Record<string, ${extraType ?? 'unknown'}>`;
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const members = properties.map(
    ([key, value]) =>
      `${docComment(value.description, inner, value.deprecated)}${inner}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${typeExpression(value, inner)};`,
  );
  // Every declared property must fit the index signature, so it cannot be narrower than `unknown`.
  if (extraType) members.push(`${inner}[key: string]: unknown;`);
  return `{\n${members.join('\n')}\n${indent}}`;
}

function printSchema(schema: Schema, indent: string): Printed {
  const base = printBase(schema, indent);
  return schema.nullable ? { text: `${base.text} | null`, strength: UNION } : base;
}

function combine(parts: readonly Schema[], operator: ' & ' | ' | ', indent: string): Printed {
  const strength = operator === ' & ' ? INTERSECTION : UNION;
  const printed = parts.map((part) => printSchema(part, indent));
  if (printed.length === 1) return printed[0] as Printed;
  return { text: printed.map((part) => atLeast(part, strength)).join(operator), strength };
}

function printBase(schema: Schema, indent: string): Printed {
  if (schema.$ref) return { text: refName(schema.$ref), strength: ATOM };
  if (schema.enum) {
    const values = [...new Set(schema.enum)].map(literal);
    return values.length === 1 ? { text: values[0] as string, strength: ATOM } : { text: values.join(' | ') || 'never', strength: UNION };
  }
  if (schema.allOf) {
    const parts = schema.properties ? [...schema.allOf, { type: 'object', properties: schema.properties, required: schema.required }] : schema.allOf;
    return combine(parts, ' & ', indent);
  }
  if (schema.oneOf) return combine(schema.oneOf, ' | ', indent);
  if (schema.anyOf) return combine(schema.anyOf, ' | ', indent);
  switch (schema.type) {
    case 'string':
    case 'boolean':
      return { text: schema.type, strength: ATOM };
    case 'number':
    case 'integer':
      return { text: 'number', strength: ATOM };
    case 'array':
      return { text: `${schema.items ? atLeast(printSchema(schema.items, indent), ATOM) : 'unknown'}[]`, strength: ATOM };
    case 'object':
      return { text: objectType(schema, indent), strength: ATOM };
    default:
      return { text: schema.properties ? objectType(schema, indent) : 'unknown', strength: ATOM };
  }
}

/**
 * The TypeScript type for a schema; `indent` is the indentation of the line it
 * starts on, for nested object literals. Never produces `any`.
 */
export function typeExpression(schema: Schema, indent = ''): string {
  return printSchema(schema, indent).text;
}

function isPlainObject(schema: Schema): boolean {
  return (
    (schema.type === 'object' || schema.type === undefined) &&
    Object.keys(schema.properties ?? {}).length > 0 &&
    !schema.$ref && !schema.allOf && !schema.oneOf && !schema.anyOf && !schema.enum && !schema.nullable
  );
}

/** `export interface Name {…}` for plain objects, `export type Name = …;` for the rest. */
export function declaration(name: string, schema: Schema): string {
  const doc = docComment(schema.description, '', schema.deprecated);
  return isPlainObject(schema)
    ? `${doc}export interface ${name} ${objectType(schema, '')}\n`
    : `${doc}export type ${name} = ${typeExpression(schema)};\n`;
}

/** Names a schema mentions itself, without following them: what a module printing it must import. */
export function directRefs(schema: Schema): string[] {
  const found = new Set<string>();
  const visit = (node: Schema): void => {
    if (node.$ref) {
      found.add(refName(node.$ref));
      return;
    }
    for (const child of [
      ...Object.values(node.properties ?? {}),
      ...(node.items ? [node.items] : []),
      ...(node.allOf ?? []),
      ...(node.oneOf ?? []),
      ...(node.anyOf ?? []),
      ...(typeof node.additionalProperties === 'object' ? [node.additionalProperties] : []),
    ]) {
      visit(child);
    }
  };
  visit(schema);
  return [...found];
}

/** Every component schema the roots lead to, so that unused ones stay out of models.ts. */
export function reachableSchemas(roots: readonly Schema[], lookup: SchemaLookup): Set<string> {
  const seen = new Set<string>();
  const pending = roots.flatMap(directRefs);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...directRefs(lookup(name)));
  }
  return seen;
}
