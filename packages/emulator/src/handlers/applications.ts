import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../context.ts';
import { pageOf, slice, toApplicationDto } from '../dto.ts';
import { ApiCode, EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import type { AppRecord, AppType, ApplicationRecord } from '../state.ts';
import { newId } from '../store.ts';
import { optBoolean, optEnum, optString, reqString } from '../validate.ts';
import { optBodyStrings, withCollections } from './collections.ts';

const appTypes: readonly AppType[] = ['web', 'spa', 'native', 'api', 'mfa', 'mini-program'];
const protocols: readonly ApplicationRecord['defaultProtocol'][] = ['oidc', 'oauth', 'saml', 'cas', 'asa'];

function newSecret(): string {
  return randomBytes(16).toString('hex');
}

function findApp(context: RequestContext, appId: string): AppRecord {
  const app = context.services.store.app(appId);
  if (!app) throw new EmulatorError(404, 'appNotFound', { apiCode: ApiCode.appNotFound });
  return app;
}

function dto(context: RequestContext, app: AppRecord): Record<string, unknown> {
  const { state } = context.services.store;
  return toApplicationDto(app, state.applications.find((details) => details.appId === app.appId), state.pool.userPoolId);
}

/** The identifier an app answers to: its own, or its id for a seeded app. */
function identifierOf(context: RequestContext, app: AppRecord): string {
  return context.services.store.state.applications.find((details) => details.appId === app.appId)?.appIdentifier ?? app.appId;
}

/**
 * Creates an app both sides can use: management sees it here, and the
 * authentication endpoints accept its id as `x-authing-app-id` with its secret.
 */
async function createApplication(context: RequestContext): Promise<unknown> {
  const { body } = context;
  const appName = reqString(body, 'appName');
  const appType = optEnum(body, 'appType', appTypes) ?? 'web';
  const appId = newId();
  const app: AppRecord = {
    appId,
    appSecret: newSecret(),
    name: appName,
    redirectUris: optBodyStrings(body, 'redirectUris') ?? [],
    // Browser and mobile apps are public clients (PKCE), as Authing's defaults for them.
    tokenEndPointAuthMethod: appType === 'spa' || appType === 'native' ? 'none' : 'client_secret_post',
  };
  const details: ApplicationRecord = {
    appId,
    appIdentifier: optString(body, 'appIdentifier') || appId,
    appLogo: optString(body, 'appLogo') ?? '',
    appDescription: optString(body, 'appDescription') ?? '',
    appType,
    defaultProtocol: optEnum(body, 'defaultProtocol', protocols) ?? 'oidc',
    logoutRedirectUris: optBodyStrings(body, 'logoutRedirectUris') ?? [],
    initLoginUri: optString(body, 'initLoginUri') ?? '',
    ssoEnabled: optBoolean(body, 'ssoEnabled') ?? false,
    createdAt: new Date().toISOString(),
  };
  await context.services.store.write((state) => {
    if (state.apps.some((other) => identifierOf(context, other) === details.appIdentifier)) {
      throw new EmulatorError(400, 'appIdentifierExists', { params: { identifier: details.appIdentifier } });
    }
    state.apps.push(app);
    state.applications.push(details);
  });
  return dto(context, app);
}

function listApplications(context: RequestContext): unknown {
  const { query } = context;
  const keywords = optString(query, 'keywords')?.toLowerCase();
  const integrate = optBoolean(query, 'isIntegrateApp');
  const sso = optBoolean(query, 'ssoEnabled');
  const all = optBoolean(query, 'all') ?? false;
  const selfBuilt = optBoolean(query, 'isSelfBuiltApp');
  const page = pageOf(query);
  const apps = context.services.store.state.apps
    .map((app) => dto(context, app))
    .filter((app) => {
      // Every emulated app is self-built, never an integrated (ASA) one.
      if (integrate === true || selfBuilt === false) return false;
      if (sso !== undefined && app.ssoEnabled !== sso) return false;
      if (!keywords) return true;
      return [app.appId, app.appName, app.appIdentifier].some((value) => String(value).toLowerCase().includes(keywords));
    });
  return { totalCount: apps.length, list: all ? apps : slice(apps, page) };
}

function getApplication(context: RequestContext): unknown {
  return dto(context, findApp(context, reqString(context.query, 'appId')));
}

function getApplicationSecret(context: RequestContext): unknown {
  return { secret: findApp(context, reqString(context.query, 'appId')).appSecret };
}

/** A new secret at once; sign-ins with the old one fail from then on. */
async function refreshApplicationSecret(context: RequestContext): Promise<unknown> {
  const appId = reqString(context.body, 'appId');
  const secret = newSecret();
  await context.services.store.write(() => {
    findApp(context, appId).appSecret = secret;
  });
  return { secret };
}

export const applicationRoutes: Route[] = withCollections([
  { operation: 'createApplication', method: 'POST', path: '/api/v3/create-application', guard: 'management', handle: createApplication },
  { operation: 'listApplications', method: 'GET', path: '/api/v3/list-applications', guard: 'management', handle: listApplications },
  { operation: 'getApplication', method: 'GET', path: '/api/v3/get-application', guard: 'management', handle: getApplication },
  { operation: 'getApplicationSecret', method: 'GET', path: '/api/v3/get-application-secret', guard: 'management', handle: getApplicationSecret },
  { operation: 'refreshApplicationSecret', method: 'POST', path: '/api/v3/refresh-application-secret', guard: 'management', handle: refreshApplicationSecret },
]);
