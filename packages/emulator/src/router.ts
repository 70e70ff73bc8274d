import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireApp, requireUser } from './auth/app.ts';
import { requireManagement } from './auth/management.ts';
import { readBody } from './body.ts';
import type { RequestContext, Services } from './context.ts';
import { failure, newRequestId, send, success } from './envelope.ts';
import { EmulatorError } from './errors.ts';
import { applicationRoutes } from './handlers/applications.ts';
import { customDataRoutes } from './handlers/custom-data.ts';
import { groupRoutes } from './handlers/groups.ts';
import { loginRoutes } from './handlers/login.ts';
import { managementTokenRoutes } from './handlers/management-token.ts';
import { mfaRoutes } from './handlers/mfa.ts';
import { organizationRoutes } from './handlers/organizations.ts';
import { permissionRoutes } from './handlers/permissions.ts';
import { profileRoutes } from './handlers/profile.ts';
import { revocationRoutes } from './handlers/revocation.ts';
import { roleRoutes } from './handlers/roles.ts';
import { systemRoutes } from './handlers/system.ts';
import { userRoutes } from './handlers/users.ts';
import { langOf, type Lang } from './messages.ts';
import { operationsAt } from './operations.ts';
import type { OAuthAnswer, Route } from './route.ts';
import type { Fields } from './validate.ts';

/** Every emulated endpoint, by group. */
export const routes: readonly Route[] = [
  ...managementTokenRoutes,
  ...userRoutes,
  ...roleRoutes,
  ...groupRoutes,
  ...customDataRoutes,
  ...organizationRoutes,
  ...applicationRoutes,
  ...permissionRoutes,
  ...loginRoutes,
  ...profileRoutes,
  ...mfaRoutes,
  ...systemRoutes,
  // `/oidc/token/revocation` belongs to the OIDC provider (src/oidc), which also revokes v3 tokens.
  ...revocationRoutes.filter((route) => !route.path.startsWith('/oidc/')),
];

const table = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** Parses a body as JSON (or a form, for OAuth routes); `{}` when empty. */
function parseBody(text: string, contentType: string, path: string): { body: Fields; json: boolean } {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(text)), json: false };
  }
  if (text.trim() === '') return { body: {}, json: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EmulatorError(400, 'badJson', { httpStatus: 400 });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EmulatorError(400, 'wrongType', { params: { field: `body of ${path}`, type: 'object' }, httpStatus: 400 });
  }
  return { body: parsed as Fields, json: true };
}

function guard(route: Route, context: RequestContext): void | Promise<void> {
  switch (route.guard) {
    case 'management':
      return requireManagement(context);
    case 'app':
      return requireApp(context);
    case 'user':
      requireApp(context);
      return requireUser(context);
    case 'none':
      return;
  }
}

/**
 * Handles one HTTP request from start to end. Nothing escapes: every failure,
 * expected or not, becomes an envelope, so bad input never stops the server.
 */
export async function handle(
  services: Services,
  defaultLang: Lang,
  log: ((line: string) => void) | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const requestId = newRequestId();
  const lang = langOf(request.headers['x-authing-lang'] as string | undefined, defaultLang);
  const method = request.method ?? 'GET';
  let path = '/';
  let status = 500;
  const reply = (code: number, body: unknown, headers?: Record<string, string>) => {
    status = code;
    send(response, code, body, { 'x-authing-request-id': requestId, ...headers });
  };
  try {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    path = url.pathname;
    const route = table.get(`${method} ${path}`);
    const read = await readBody(request);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      throw new EmulatorError(413, 'tooLarge', { params: { limit: 1024 * 1024 }, httpStatus: 413 });
    }
    if (!route) {
      const known = operationsAt(method, path);
      if (known.length > 0) {
        const operation = known.map((op) => `${op.api}.${op.name}`).join(' / ');
        throw new EmulatorError(501, 'notEmulated', { params: { operation, method, path }, httpStatus: 501 });
      }
      throw new EmulatorError(404, 'notFound', { params: { method, path }, httpStatus: 404 });
    }
    const { body, json } = parseBody(read.text, String(request.headers['content-type'] ?? ''), path);
    const context: RequestContext = {
      services,
      method,
      path,
      query: queryOf(url),
      body,
      bodyWasJson: json,
      headers: request.headers,
      lang,
    };
    if (route.style === 'oauth') {
      const answer = (await route.handle(context)) as OAuthAnswer;
      reply(answer.status, answer.body, answer.headers);
      return;
    }
    await guard(route, context);
    const data = await route.handle(context);
    const envelope = success(requestId, data);
    reply(200, route.style === 'bare' ? { ...(data as object), ...envelope } : envelope);
  } catch (error) {
    if (error instanceof EmulatorError) {
      reply(error.httpStatus, failure(requestId, error, lang));
    } else {
      log?.(`error ${requestId}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      reply(500, failure(requestId, new EmulatorError(500, 'internal'), lang));
    }
  } finally {
    log?.(`${method} ${path} ${status} ${requestId}`);
  }
}
