import { readFileSync } from 'node:fs';

// Only the parts of OpenAPI 3.0 that Authing's documents use; anything else is ignored.

export interface Schema {
  type?: string;
  format?: string;
  description?: string;
  deprecated?: boolean;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface Content {
  content?: Record<string, { schema?: Schema }>;
}

export interface SpecOperation {
  operationId: string;
  summary?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: Content;
  responses: Record<string, Content>;
  'x-authing-hidden-from-sdk'?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, Schema> };
}

export function loadSpec(file: string): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** `#/components/schemas/UserDto` → `UserDto`. */
export function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}: only ${prefix}* is handled`);
  return ref.slice(prefix.length);
}

/** The JSON schema of a request body or response, whatever its media type. */
/** True when the request body can only be sent as an HTML form. */
export function isFormBody(content: Content | undefined): boolean {
  const types = Object.keys(content?.content ?? {});
  return types.length > 0 && !types.includes('application/json') && types.includes('application/x-www-form-urlencoded');
}

export function contentSchema(content: Content | undefined): Schema | undefined {
  const media = content?.content;
  if (!media) return undefined;
  const first = Object.keys(media).sort()[0];
  return first === undefined ? undefined : media[first]?.schema;
}
