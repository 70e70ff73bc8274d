import type { AccessibleAppsDto } from '@authing/authentication';
import type { ApplicationAgreementDto, ApplicationDto } from '@authing/management';
import { or } from './nullable.ts';
import type { V2Tenant } from './tenant.ts';

/**
 * An application as v2 returned it (`Application`, `ApplicationDetail`, `IApplication`). v3 apps
 * carry no dates, tabs, connection lists or flags of v2's older login box: those fields are `null`.
 */
export interface V2Application {
  qrcodeScanning: null;
  id: string;
  createdAt: null;
  updatedAt: null;
  userPoolId: string;
  protocol: string;
  isOfficial: null;
  isDeleted: null;
  isDefault: null;
  isDemo: null;
  name: string;
  description: string | null;
  /** The app secret (v3: `getApplicationSecret`); `null` where it could not be read. */
  secret: string | null;
  identifier: string;
  jwks: null;
  ssoPageCustomizationSettings: null;
  logo: string;
  redirectUris: string[];
  logoutRedirectUris: string[];
  /** v3: `initLoginUri`. */
  initLoginUrl: string | null;
  oidcProviderEnabled: null;
  oauthProviderEnabled: boolean | null;
  samlProviderEnabled: boolean | null;
  casProviderEnabled: boolean | null;
  registerDisabled: null;
  loginTabs: null;
  passwordTabConfig: null;
  defaultLoginTab: null;
  registerTabs: null;
  defaultRegisterTab: null;
  ldapConnections: null;
  adConnections: null;
  disabledSocialConnections: null;
  disabledOidcConnections: null;
  disabledSamlConnections: null;
  disabledOauth2Connections: null;
  disabledCasConnections: null;
  disabledAzureAdConnections: null;
  extendsFieldsEnabled: null;
  extendsFields: null;
  ext: null;
  css: string | null;
  /** v3's OIDC settings (the same snake_case keys v2 had: `grant_types`, `id_token_expire`, …). */
  oidcConfig: Record<string, unknown> | null;
  oidcJWEConfig: null;
  samlConfig: Record<string, unknown> | null;
  oauthConfig: Record<string, unknown> | null;
  casConfig: Record<string, unknown> | null;
  showAuthorizationPage: boolean | null;
  enableSubAccount: null;
  enableDeviceMutualExclusion: null;
  loginRequireEmailVerified: null;
  agreementEnabled: boolean | null;
  isIntegrate: boolean | null;
  ssoEnabled: boolean | null;
  template: string | null;
  skipMfa: null;
  casExpireBaseBrowser: null;
  /** v3 reads it apart (`getApplicationPermissionStrategy`); see `acl.updateDefaultApplicationAccessPolicy`. */
  permissionStrategy: null;
  /** v2's individual/tenant/both app type; v3 apps have no such type. */
  appType: null;
}

/** An app's default access rule, as v2 reported it with the app. */
export interface V2PermissionStrategy {
  enabled: boolean;
  defaultStrategy: 'ALLOW_ALL' | 'DENY_ALL';
  allowPolicyId: null;
  denyPolicyId: null;
}

/**
 * The same app record as v2's `acl.updateDefaultApplicationAccessPolicy` (and so
 * `applications.updateDefaultAccessPolicy`) returned it: v2's SDK typed that answer as
 * `IApplication`, which names fewer fields than `Application`, and it carries the strategy just set.
 */
export interface V2AclApplication
  extends Omit<
    V2Application,
    | 'isDemo'
    | 'secret'
    | 'initLoginUrl'
    | 'passwordTabConfig'
    | 'oidcJWEConfig'
    | 'enableDeviceMutualExclusion'
    | 'isIntegrate'
    | 'ssoEnabled'
    | 'template'
    | 'casExpireBaseBrowser'
    | 'appType'
    | 'permissionStrategy'
  > {
  permissionStrategy: V2PermissionStrategy;
}

/** An app the signed-in user may open, as v2's AuthenticationClient listed it (`ApplicationPublicDetail`). */
export interface V2ApplicationPublicDetail {
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  name: string;
  logo: string | null;
  domain: string | null;
  description: string | null;
  protocol: string | null;
}

/** A sign-up agreement of an app, as v2 listed it. v3 keeps agreements without ids or order numbers. */
export interface V2Agreement {
  id: null;
  userPoolId: string;
  appId: string;
  title: string;
  lang: string;
  required: boolean;
  /** The agreement's position in the app's list (from 0). */
  order: number;
}

/** v2's `applications.applicationTenants`: the app, and the tenants it belongs to. */
export interface V2ApplicationTenantDetails {
  id: string;
  name: string;
  logo: string;
  domain: null;
  description: string | null;
  createdAt: null;
  updatedAt: null;
  protocol: string;
  isIntegrate: boolean | null;
  tenants: V2Tenant[];
}

/** A v3 application in v2's shape; `secret` is read apart in v3. */
export function toV2Application(app: ApplicationDto, userPoolId: string, secret: string | null): V2Application {
  return {
    qrcodeScanning: null,
    id: app.appId,
    createdAt: null,
    updatedAt: null,
    userPoolId: app.userPoolId || userPoolId,
    protocol: app.defaultProtocol,
    isOfficial: null,
    isDeleted: null,
    isDefault: null,
    isDemo: null,
    name: app.appName,
    description: app.appDescription || null,
    secret,
    identifier: app.appIdentifier,
    jwks: null,
    ssoPageCustomizationSettings: null,
    logo: app.appLogo,
    redirectUris: app.redirectUris ?? [],
    logoutRedirectUris: app.logoutRedirectUris ?? [],
    // Some answers carry a list here; v2's field was one URL.
    initLoginUrl: typeof app.initLoginUri === 'string' && app.initLoginUri !== '' ? app.initLoginUri : null,
    oidcProviderEnabled: null,
    oauthProviderEnabled: or(app.oauthProviderEnabled),
    samlProviderEnabled: or(app.samlProviderEnabled),
    casProviderEnabled: or(app.casProviderEnabled),
    registerDisabled: null,
    loginTabs: null,
    passwordTabConfig: null,
    defaultLoginTab: null,
    registerTabs: null,
    defaultRegisterTab: null,
    ldapConnections: null,
    adConnections: null,
    disabledSocialConnections: null,
    disabledOidcConnections: null,
    disabledSamlConnections: null,
    disabledOauth2Connections: null,
    disabledCasConnections: null,
    disabledAzureAdConnections: null,
    extendsFieldsEnabled: null,
    extendsFields: null,
    ext: null,
    css: or(app.brandingConfig?.customCSS),
    oidcConfig: or(app.oidcConfig),
    oidcJWEConfig: null,
    samlConfig: or(app.samlConfig),
    oauthConfig: or(app.oauthConfig),
    casConfig: or(app.casConfig),
    showAuthorizationPage: or(app.loginConfig?.showAuthorizationPage),
    enableSubAccount: null,
    enableDeviceMutualExclusion: null,
    loginRequireEmailVerified: null,
    agreementEnabled: or(app.brandingConfig?.showAgreement),
    isIntegrate: or(app.isIntegrateApp),
    ssoEnabled: or(app.ssoEnabled),
    template: or(app.template),
    skipMfa: null,
    casExpireBaseBrowser: null,
    permissionStrategy: null,
    appType: null,
  };
}

/** A v3 application as v2's `IApplication`, with the default strategy just set. */
export function toV2AclApplication(app: ApplicationDto, userPoolId: string, defaultStrategy: 'ALLOW_ALL' | 'DENY_ALL'): V2AclApplication {
  const {
    isDemo: _isDemo,
    secret: _secret,
    initLoginUrl: _initLoginUrl,
    passwordTabConfig: _passwordTabConfig,
    oidcJWEConfig: _oidcJWEConfig,
    enableDeviceMutualExclusion: _enableDeviceMutualExclusion,
    isIntegrate: _isIntegrate,
    ssoEnabled: _ssoEnabled,
    template: _template,
    casExpireBaseBrowser: _casExpireBaseBrowser,
    appType: _appType,
    permissionStrategy: _permissionStrategy,
    ...fields
  } = toV2Application(app, userPoolId, null);
  // v3 has no allow/deny policy ids behind the strategy; the strategy is always in force.
  return { ...fields, permissionStrategy: { enabled: true, defaultStrategy, allowPolicyId: null, denyPolicyId: null } };
}

/** A v3 accessible app (of the signed-in user) in v2's shape. */
export function toV2ApplicationPublicDetail(app: AccessibleAppsDto): V2ApplicationPublicDetail {
  return { id: app.appId, createdAt: null, updatedAt: null, name: app.appName, logo: app.appLogo || null, domain: null, description: null, protocol: null };
}

/** An app's agreements (v3: `brandingConfig.agreements`) in v2's shape. */
export function toV2Agreements(app: ApplicationDto, userPoolId: string): V2Agreement[] {
  const agreements: ApplicationAgreementDto[] = app.brandingConfig?.agreements ?? [];
  return agreements.map((agreement, order) => ({
    id: null,
    userPoolId: app.userPoolId || userPoolId,
    appId: app.appId,
    title: agreement.content,
    lang: agreement.lang,
    required: agreement.isRequired,
    order,
  }));
}
