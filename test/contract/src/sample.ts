/**
 * Builds request inputs that are valid against an OpenAPI 3.0 document, for
 * the subset of JSON Schema that Authing's documents use: `$ref`, `allOf`,
 * `oneOf`, `anyOf`, `enum`, `format`, `pattern`, length, range and item
 * bounds, `nullable`, `example` and `default`.
 *
 * By default only required properties are filled: the smallest input the spec
 * accepts; `{ optional: true }` fills every property. An `example` (or
 * `default`) is used when it satisfies its own schema.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}

export interface SpecOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  'x-authing-hidden-from-sdk'?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, SpecOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The spec cannot be satisfied (a broken `$ref`, an impossible pattern, …). */
export class SampleError extends Error {
  readonly where: string;
  constructor(message: string, where: string) {
    super(`${where || '(root)'}: ${message}`);
    this.name = 'SampleError';
    this.where = where;
  }
}

const formats: Record<string, string> = {
  'date-time': '2024-01-02T03:04:05.000Z',
  date: '2024-01-02',
  time: '03:04:05',
  email: 'user@example.com',
  uri: 'https://example.com/callback',
  url: 'https://example.com/callback',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '123e4567-e89b-42d3-a456-426614174000',
};

const formatChecks: Record<string, (value: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d\d-\d\d$/.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  uri: (v) => URL.canParse(v),
  url: (v) => URL.canParse(v),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface SamplerOptions {
  /** Fill optional properties and query parameters too (down to a few levels of nesting). Default false. */
  optional?: boolean;
}

export class Sampler {
  private readonly doc: OpenApiDocument;
  private readonly options: SamplerOptions;

  constructor(doc: OpenApiDocument, options: SamplerOptions = {}) {
    this.doc = doc;
    this.options = options;
  }

  /** Follows `$ref` chains; siblings of a `$ref` are ignored, as OpenAPI 3.0 says. */
  resolve(schema: Schema, where = ''): Schema {
    let current = schema;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      const prefix = '#/components/schemas/';
      const target = current.$ref.startsWith(prefix) ? this.doc.components?.schemas?.[current.$ref.slice(prefix.length)] : undefined;
      if (!target || hops > 32) throw new SampleError(`unresolvable $ref ${current.$ref}`, where);
      current = target;
    }
    return current;
  }

  /** Flattens `allOf` into one schema: properties and `required` merged, other keywords from the first that sets them. */
  flatten(schema: Schema, where = ''): Schema {
    const resolved = this.resolve(schema, where);
    if (!resolved.allOf) return resolved;
    const { allOf, ...rest } = resolved;
    const merged: Schema = { ...rest };
    for (const part of allOf.map((p) => this.flatten(p, where))) {
      for (const [key, value] of Object.entries(part) as [keyof Schema, unknown][]) {
        if (key === 'properties') merged.properties = { ...(value as Record<string, Schema>), ...merged.properties };
        else if (key === 'required') merged.required = [...new Set([...(merged.required ?? []), ...(value as string[])])];
        else if (merged[key] === undefined) (merged as Record<string, unknown>)[key] = value;
      }
    }
    return merged;
  }

  /** True when `value` satisfies `schema` (the subset of keywords above). */
  conforms(schema: Schema, value: unknown, where = ''): boolean {
    const s = this.resolve(schema, where);
    if (value === null) return s.nullable === true;
    if (s.allOf && !s.allOf.every((part) => this.conforms(part, value, where))) return false;
    if (s.anyOf && !s.anyOf.some((part) => this.conforms(part, value, where))) return false;
    if (s.oneOf && s.oneOf.filter((part) => this.conforms(part, value, where)).length !== 1) return false;
    if (s.enum && !s.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return false;
    const type = s.type ?? (s.properties ? 'object' : undefined);
    switch (type) {
      case 'string': {
        if (typeof value !== 'string') return false;
        if (s.minLength !== undefined && value.length < s.minLength) return false;
        if (s.maxLength !== undefined && value.length > s.maxLength) return false;
        if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) return false;
        const check = s.format === undefined ? undefined : formatChecks[s.format];
        return check ? check(value) : true;
      }
      case 'number':
      case 'integer': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        if (type === 'integer' && !Number.isInteger(value)) return false;
        if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum)) return false;
        return !(s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum));
      }
      case 'boolean':
        return typeof value === 'boolean';
      case 'array': {
        if (!Array.isArray(value)) return false;
        if (s.minItems !== undefined && value.length < s.minItems) return false;
        if (s.maxItems !== undefined && value.length > s.maxItems) return false;
        if (s.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) return false;
        return s.items === undefined || value.every((item, i) => this.conforms(s.items as Schema, item, `${where}[${i}]`));
      }
      case 'object': {
        if (!isObject(value)) return false;
        if ((s.required ?? []).some((key) => value[key] === undefined)) return false;
        for (const [key, item] of Object.entries(value)) {
          const property = s.properties?.[key];
          if (property) {
            if (!this.conforms(property, item, `${where}.${key}`)) return false;
          } else if (s.additionalProperties === false) {
            return false;
          } else if (isObject(s.additionalProperties) && !this.conforms(s.additionalProperties, item, `${where}.${key}`)) {
            return false;
          }
        }
        return true;
      }
      default:
        return true;
    }
  }

  /**
   * A value valid against `schema`. `seed` varies strings and numbers so that
   * the items of a `uniqueItems` array differ.
   */
  sample(schema: Schema, where = '', seed = 0, depth = 0): unknown {
    if (depth > 24) throw new SampleError('schema nests too deeply (a required cycle?)', where);
    const s = this.flatten(schema, where);
    for (const candidate of [s.example, s.default]) {
      if (candidate !== undefined && candidate !== null && seed === 0 && this.conforms(s, candidate, where)) {
        return structuredClone(candidate);
      }
    }
    if (s.enum) {
      const options = s.enum.filter((option) => option !== null && this.conforms({ ...s, enum: undefined }, option, where));
      if (options.length === 0) throw new SampleError(`no enum value satisfies the schema (${JSON.stringify(s.enum)})`, where);
      return options[seed % options.length];
    }
    const branches = s.oneOf ?? s.anyOf;
    if (branches) {
      const { oneOf: _o, anyOf: _a, ...outer } = s;
      for (const [i, branch] of branches.entries()) {
        const value = this.sample({ ...outer, ...this.flatten(branch, where) }, `${where}<${i}>`, seed, depth + 1);
        if (this.conforms(s, value, where)) return value;
      }
      throw new SampleError(`no ${s.oneOf ? 'oneOf' : 'anyOf'} branch yields a valid value`, where);
    }
    const type = s.type ?? (s.properties ? 'object' : 'string');
    switch (type) {
      case 'object': {
        const value: Record<string, unknown> = {};
        const optional = this.options.optional && depth < 6 ? Object.keys(s.properties ?? {}) : [];
        for (const key of new Set([...(s.required ?? []), ...optional])) {
          const property = s.properties?.[key] ?? (isObject(s.additionalProperties) ? s.additionalProperties : {});
          value[key] = this.sample(property, `${where}.${key}`, 0, depth + 1);
        }
        return value;
      }
      case 'array': {
        const count = Math.min(Math.max(s.minItems ?? 1, 1), s.maxItems ?? Infinity);
        const items = s.items ?? {};
        return Array.from({ length: count }, (_, i) => this.sample(items, `${where}[${i}]`, s.uniqueItems ? i : 0, depth + 1));
      }
      case 'number':
      case 'integer':
        return this.number(s, where, seed, type === 'integer');
      case 'boolean':
        return true;
      case 'string':
        return this.string(s, where, seed);
      default:
        throw new SampleError(`unsupported type ${type}`, where);
    }
  }

  private number(s: Schema, where: string, seed: number, integer: boolean): number {
    const step = integer ? 1 : 0.5;
    let low = s.minimum === undefined ? -Infinity : s.exclusiveMinimum ? s.minimum + step : s.minimum;
    let high = s.maximum === undefined ? Infinity : s.exclusiveMaximum ? s.maximum - step : s.maximum;
    if (integer) [low, high] = [Math.ceil(low), Math.floor(high)];
    const value = Math.min(Math.max(1 + seed, low), high);
    if (!(value >= low && value <= high)) throw new SampleError(`empty range [${s.minimum}, ${s.maximum}]`, where);
    return value;
  }

  private string(s: Schema, where: string, seed: number): string {
    const base = (s.format !== undefined && formats[s.format]) || 'sample';
    const candidates = [seed === 0 ? base : `${base}${seed}`];
    if (s.format === 'email' && seed > 0) candidates.unshift(`user${seed}@example.com`);
    for (let value of candidates) {
      if (s.minLength !== undefined && value.length < s.minLength) value = value.padEnd(s.minLength, 'x');
      if (s.maxLength !== undefined && value.length > s.maxLength) value = value.slice(0, Math.max(s.maxLength, 0));
      if (this.conforms(s, value, where)) return value;
    }
    throw new SampleError(
      s.pattern === undefined ? 'no string satisfies the length and format bounds' : `cannot build a string matching /${s.pattern}/ (add an example)`,
      where,
    );
  }

  /**
   * The SDK input for one operation: required path and query parameters plus
   * the required properties of the JSON body, in one flat object (the SDK puts
   * path fields in the URL, and the rest in the query or the body by method).
   */
  input(op: SpecOperation, where = op.operationId ?? ''): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const parameter of op.parameters ?? []) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      if (!(parameter.required || parameter.in === 'path' || this.options.optional)) continue;
      const schema = parameter.schema ?? { type: 'string' };
      const at = `${where} ${parameter.in} ${parameter.name}`;
      // An empty value counts as absent in a URL (OpenAPI's allowEmptyValue defaults to false).
      const usable = (value: unknown) => value !== undefined && value !== '' && this.conforms(schema, value, at);
      let value = usable(parameter.example) ? structuredClone(parameter.example) : this.sample(schema, at);
      if (!usable(value)) value = this.sample({ ...this.flatten(schema, at), example: undefined, default: undefined, minLength: 1 }, at);
      input[parameter.name] = value;
    }
    const content = op.requestBody?.content;
    if (content) {
      // A form-encoded body is sampled too: the SDK sends JSON, and Prism is the judge.
      const media = content['application/json'] ?? Object.values(content).find((m) => m.schema);
      if (!media?.schema) throw new SampleError(`request body without a schema`, where);
      const body = this.sample(media.schema, `${where} body`);
      if (!isObject(body)) throw new SampleError('the request body is not an object', where);
      for (const [key, value] of Object.entries(body)) {
        if (key in input) throw new SampleError(`body property ${key} collides with a parameter`, where);
        input[key] = value;
      }
    }
    return input;
  }
}
