import type { Endpoint } from './endpoints.ts';
import { declarationsText, modelDeclarations } from './emit-models.ts';
import { specLiteral } from './emit-operations.ts';
import type { SchemaLookup } from './schema-shape.ts';
import { banner } from './text.ts';

/**
 * core's `generated/management-token.ts`: the one hidden endpoint the SDK
 * calls, which core needs to authenticate management calls, and its types.
 */
export function tokenModule(token: Endpoint, lookup: SchemaLookup): string {
  return [
    banner,
    "import type { OperationSpec } from '../operation.ts';\n",
    '\n',
    `/** ${token.method} ${token.path} (${token.summary}): hidden from the SDK surface, used by core's management-token authenticator. */\n`,
    `export const managementTokenSpec: OperationSpec = ${specLiteral(token)};\n`,
    '\n',
    declarationsText(modelDeclarations({ endpoints: [token], lookup })),
  ].join('');
}
