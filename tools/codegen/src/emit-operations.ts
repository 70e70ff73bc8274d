import type { Endpoint } from './endpoints.ts';
import { assertDistinctBindings, banner, compare, docComment, importStatement, quote } from './text.ts';

const overlaySuffix = ' (overlay: newer than the OpenAPI spec; loosely typed)';

/** The endpoint's one-line JSDoc, shared by its function and its facade method. */
export function endpointDoc(endpoint: Endpoint, indent: string): string {
  return docComment(endpoint.summary + (endpoint.overlay ? overlaySuffix : ''), indent, endpoint.deprecated);
}

/** The `OperationSpec` literal, without the keys that are empty or false: every byte ships to browsers. */
export function specLiteral(endpoint: Endpoint): string {
  const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;
  return `{ ${[
    `name: ${quote(endpoint.name)}`,
    `method: ${quote(endpoint.method)}`,
    `path: ${quote(endpoint.path)}`,
    endpoint.pathParams.length > 0 && `pathParams: ${list(endpoint.pathParams)}`,
    endpoint.required.length > 0 && `required: ${list(endpoint.required)}`,
    endpoint.safe && 'safe: true',
    endpoint.paging && `paging: ${quote(endpoint.paging)}`,
    endpoint.bare && 'bare: true',
    endpoint.form && 'form: true',
  ]
    .filter(Boolean)
    .join(', ')} }`;
}

/** `resources/<area>.ts`: one tree-shakeable endpoint function per export. */
export function resourceModule(area: string, endpoints: readonly Endpoint[]): string {
  const sorted = [...endpoints].sort((a, b) => compare(a.name, b.name));
  const types = [...new Set(sorted.flatMap((endpoint) => endpoint.typeRefs))];
  assertDistinctBindings(`resources/${area}.ts`, ['defineOperation', 'Operation', ...types, ...sorted.map((endpoint) => endpoint.name)]);
  const functions = sorted.map(
    (endpoint) =>
      `${endpointDoc(endpoint, '')}export const ${endpoint.name}: Operation<${endpoint.inputType}, ${endpoint.dataType}> = ` +
      `/* @__PURE__ */ defineOperation(${specLiteral(endpoint)});\n`,
  );
  return [
    banner,
    "import { defineOperation, type Operation } from '@authing/core';\n",
    types.length > 0 ? `${importStatement('import type', types, '../generated/models.ts')}\n` : '',
    '\n',
    functions.join('\n'),
  ].join('');
}
