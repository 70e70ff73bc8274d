import type { AuthContext, Client } from './client.ts';
import { ValidationError } from './errors.ts';
import { format } from './i18n/messages.ts';
import type { OperationSpec } from './operation.ts';

/** A validated request, ready to send. */
export interface PreparedRequest {
  readonly url: string;
  readonly context: AuthContext;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Encodes one query value. Objects are sent as JSON, as the Authing API expects. */
function queryValue(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Checks the input against the spec and places each field: path placeholders
 * (encoded), the query string (encoded by URLSearchParams) or the JSON body.
 * Throws `ValidationError` before anything is sent.
 */
export function prepareRequest(client: Client, spec: OperationSpec, input: unknown): PreparedRequest {
  const operation = spec.name;
  if (input !== undefined && !isPlainObject(input)) {
    throw new ValidationError(format(client.messages, 'notObject', { operation }));
  }
  const fields: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  const inQuery = spec.method === 'GET' || spec.method === 'DELETE';
  for (const field of spec.required ?? []) {
    // An empty query value reads as absent to the server, so it counts as missing.
    if (fields[field] === undefined || fields[field] === null || (inQuery && fields[field] === '')) {
      throw new ValidationError(format(client.messages, 'required', { operation, field }), field);
    }
  }

  let path = spec.path;
  for (const field of spec.pathParams ?? []) {
    const value = fields[field];
    if (!((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value)))) {
      throw new ValidationError(format(client.messages, 'pathParam', { operation, field }), field);
    }
    path = path.replace(`{${field}}`, encodeURIComponent(value));
    delete fields[field];
  }

  let url = client.host + path;
  if (inQuery) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, queryValue(item));
    }
    const query = search.toString();
    if (query) url += `?${query}`;
  }
  return {
    url,
    context: { client, spec, path, query: inQuery ? fields : undefined, body: inQuery ? undefined : fields },
  };
}
