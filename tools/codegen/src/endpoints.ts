import { isHttpMethod, type HttpMethod, type TableRow } from './endpoint-table.ts';
import { endpointKey, groupRowsByEndpoint, nameSpecOperation, operationIdName, pascalCase, type EndpointName, type NamingRules } from './naming.ts';
import type { OverlayEntry } from './overlay.ts';
import { isSafe, pagingOf, type Paging } from './rules.ts';
import { propertiesOf, requiredOf, schemaLookup, type SchemaLookup } from './schema-shape.ts';
import { directRefs, typeExpression } from './schema-types.ts';
import { contentSchema, isFormBody, type OpenApiDocument, type Schema, type SpecOperation } from './spec.ts';

/** One emitted endpoint function, with everything the emitters print about it. */
export interface Endpoint extends EndpointName {
  method: HttpMethod;
  path: string;
  summary: string;
  deprecated: boolean;
  overlay: boolean;
  /** `Input` and `Data` of `Operation<Input, Data>`, as TypeScript. */
  inputType: string;
  dataType: string;
  /** models.ts names those two types mention. */
  typeRefs: string[];
  /** A `<Name>Input` type that models.ts declares for this endpoint. */
  inputDeclaration?: { name: string; schema: Schema };
  /** Schemas the endpoint uses, from which models.ts collects what it declares. */
  schemaRoots: Schema[];
  pathParams: string[];
  required: string[];
  safe: boolean;
  paging?: Paging;
  /** The spec documents a bare JSON answer instead of the v3 envelope. */
  bare?: boolean;
  /** The spec accepts the body only as an HTML form. */
  form?: boolean;
}

export interface PackageEndpoints {
  endpoints: Endpoint[];
  hiddenSkipped: number;
  /** The hidden operation emitted only as a constant in core. */
  token?: Endpoint;
  lookup: SchemaLookup;
}

export const overlayInput = 'OverlayInput';

function placeholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

function specEndpoint(method: HttpMethod, path: string, operation: SpecOperation, naming: EndpointName, lookup: SchemaLookup): Endpoint {
  const where = `${method} ${path}`;
  const parameters = operation.parameters ?? [];
  for (const parameter of parameters) {
    if (parameter.in !== 'query' && parameter.in !== 'path') throw new Error(`${where}: ${parameter.in} parameter ${parameter.name} is not supported`);
  }
  const pathParams = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
  if (placeholders(path).sort().join() !== [...pathParams].sort().join()) throw new Error(`${where}: path parameters do not match the path`);
  const inQuery = method === 'GET' || method === 'DELETE';
  // The transport sends GET/DELETE input as the query and everything else as the body.
  if (inQuery && operation.requestBody) throw new Error(`${where}: a request body on ${method} is not supported`);
  if (!inQuery && parameters.some((parameter) => parameter.in === 'query')) throw new Error(`${where}: query parameters on ${method} are not supported`);

  const body = contentSchema(operation.requestBody);
  // A few operations document only a `default` answer (besides a redirect).
  const response = contentSchema(operation.responses['200'] ?? operation.responses['201'] ?? operation.responses.default);
  const responseProperties = response ? propertiesOf(response, lookup) : {};
  // Some answers are documented without the envelope; their Data is the whole body.
  const bare = response !== undefined && !('statusCode' in responseProperties);
  const data = bare ? response : responseProperties.data;
  const queryParams = parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const requiredParams = parameters.filter((parameter) => parameter.required || parameter.in === 'path').map((parameter) => parameter.name);
  const parameterSchema: Schema = {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((parameter) => [parameter.name, { ...parameter.schema, description: parameter.description }]),
    ),
    required: requiredParams,
  };
  // The transport takes one flat input object: parameters, or the body plus any path parameters.
  const inputSchema = parameters.length === 0 ? body : inQuery || !body ? parameterSchema : { allOf: [body, parameterSchema] };
  // A bare body is already a schema of its own; any other input gets a `<Name>Input` declaration.
  const inputName = `${pascalCase(naming.name)}Input`;
  const inputDeclaration = inputSchema && inputSchema !== body ? { name: inputName, schema: inputSchema } : undefined;
  const paging = pagingOf({ method, queryParams, body, data }, lookup);
  return {
    ...naming,
    method,
    path,
    summary: operation.summary?.trim() || where,
    deprecated: operation.deprecated === true,
    overlay: false,
    inputType: inputDeclaration ? inputName : inputSchema ? typeExpression(inputSchema) : 'Record<string, never>',
    dataType: data ? typeExpression(data) : 'unknown',
    typeRefs: [...(inputDeclaration ? [inputName] : inputSchema ? directRefs(inputSchema) : []), ...(data ? directRefs(data) : [])],
    ...(inputDeclaration ? { inputDeclaration } : {}),
    schemaRoots: [inputSchema, data].filter((schema) => schema !== undefined),
    pathParams,
    required: inQuery ? requiredParams : body ? requiredOf(body, lookup) : [],
    safe: isSafe(method, naming.name),
    ...(paging ? { paging } : {}),
    ...(bare ? { bare } : {}),
    ...(isFormBody(operation.requestBody) ? { form: true } : {}),
  };
}

function overlayEndpoint(entry: OverlayEntry): Endpoint {
  if (!isHttpMethod(entry.method)) throw new Error(`Overlay ${entry.name}: unsupported method ${entry.method}`);
  return {
    name: entry.name,
    area: entry.area,
    otherNames: [],
    wrappers: [],
    fromOperationId: false,
    method: entry.method,
    path: entry.path,
    summary: entry.summary.trim() || `${entry.method} ${entry.path}`,
    deprecated: false,
    overlay: true,
    inputType: overlayInput,
    dataType: 'unknown',
    typeRefs: [overlayInput],
    schemaRoots: [],
    pathParams: placeholders(entry.path),
    required: [],
    safe: isSafe(entry.method, entry.name),
  };
}

/**
 * Every endpoint of one package: the spec's operations named by the research
 * table, then the overlay. Throws on anything ambiguous rather than guessing.
 */
export function buildEndpoints(
  document: OpenApiDocument,
  rows: readonly TableRow[],
  overlay: readonly OverlayEntry[],
  rules: NamingRules & { tokenOperation?: string },
): PackageEndpoints {
  const lookup = schemaLookup(document.components.schemas);
  const rowsByKey = groupRowsByEndpoint(rows.filter((row) => isHttpMethod(row.method)));
  const endpoints: Endpoint[] = [];
  const specKeys = new Set<string>();
  let hiddenSkipped = 0;
  let token: Endpoint | undefined;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [verb, operation] of Object.entries(item)) {
      const method = verb.toUpperCase();
      if (!isHttpMethod(method)) continue;
      const key = endpointKey(method, path);
      specKeys.add(key);
      if (key === rules.tokenOperation) {
        const naming = { name: operationIdName(operation.operationId), area: 'core', otherNames: [], wrappers: [], fromOperationId: true };
        token = specEndpoint(method, path, operation, naming, lookup);
      } else if (operation['x-authing-hidden-from-sdk'] === true) {
        hiddenSkipped++;
      } else {
        endpoints.push(specEndpoint(method, path, operation, nameSpecOperation(key, operation.operationId, rowsByKey.get(key) ?? [], rules), lookup));
      }
    }
  }
  for (const row of rows) {
    if (row.inSpec === 'yes' && isHttpMethod(row.method) && !specKeys.has(endpointKey(row.method, row.path))) {
      throw new Error(`Endpoint table lists ${row.name} (${row.method} ${row.path}) as in the spec, but the spec lacks it`);
    }
  }
  for (const entry of overlay) {
    if (specKeys.has(endpointKey(entry.method, entry.path))) {
      throw new Error(`Overlay ${entry.name} (${entry.method} ${entry.path}) is in the spec now; remove it from the overlay`);
    }
    endpoints.push(overlayEndpoint(entry));
  }
  return { endpoints, hiddenSkipped, ...(token ? { token } : {}), lookup };
}
