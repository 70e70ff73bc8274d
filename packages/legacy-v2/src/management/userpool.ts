import { ValidationError } from '@authing/core';
import type { SecuritySettingsDto, UpdateSecuritySettingsDto } from '@authing/management';
import { toV2UserPool, type V2UpdateUserpoolInput, type V2UserPool } from '../shapes/userpool.ts';
import type { ManagementContext } from './context.ts';

/** The `userpool.update` fields v3's security settings hold. */
const settable = new Set<keyof V2UpdateUserpoolInput>([
  'registerDisabled',
  'allowedOrigins',
  'tokenExpiresAfter',
  'frequentRegisterCheck',
  'loginFailCheck',
  'loginFailStrategy',
  'loginPasswordFailCheck',
  'changePhoneStrategy',
  'changeEmailStrategy',
  'qrcodeLoginStrategy',
  'loginRequireEmailVerified',
  'verifyCodeLength',
]);

/** Fields whose v3 object has required members v2 let a caller leave out: the current settings fill them. */
const merged = new Set<keyof V2UpdateUserpoolInput>(['frequentRegisterCheck', 'loginFailCheck', 'loginFailStrategy', 'loginPasswordFailCheck', 'qrcodeLoginStrategy']);

const envWhy = "v3's management API has no pipeline environment variables; manage them in the console (Pipeline)";

/** The defined members only, so that spreading them over the current settings keeps what was left out. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, member]) => member !== undefined)) as Partial<T>;
}

/** v2's `userpool.update` input as v3's security settings update; refuses what v3 cannot set. */
function toSettings(updates: V2UpdateUserpoolInput, current: SecuritySettingsDto | undefined): UpdateSecuritySettingsDto {
  const settings: UpdateSecuritySettingsDto = {};
  if (updates.registerDisabled !== undefined) settings.registerDisabled = updates.registerDisabled;
  if (updates.allowedOrigins !== undefined) {
    settings.allowedOrigins = String(updates.allowedOrigins)
      .split(/\r?\n/)
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
  if (updates.tokenExpiresAfter !== undefined) settings.authingTokenExpiresIn = updates.tokenExpiresAfter;
  if (updates.loginRequireEmailVerified !== undefined) settings.loginRequireEmailVerified = updates.loginRequireEmailVerified;
  if (updates.verifyCodeLength !== undefined) settings.verifyCodeLength = updates.verifyCodeLength;
  if (updates.changePhoneStrategy?.verifyOldPhone !== undefined) settings.changePhoneStrategy = { verifyOldPhone: updates.changePhoneStrategy.verifyOldPhone };
  if (updates.changeEmailStrategy?.verifyOldEmail !== undefined) settings.changeEmailStrategy = { verifyOldEmail: updates.changeEmailStrategy.verifyOldEmail };
  if (current === undefined) return settings;
  if (updates.frequentRegisterCheck !== undefined) {
    settings.registerAnomalyDetection = { ...current.registerAnomalyDetection, ...defined(updates.frequentRegisterCheck) };
  }
  if (updates.loginFailCheck !== undefined || updates.loginPasswordFailCheck !== undefined || updates.loginFailStrategy !== undefined) {
    const strategy = updates.loginFailStrategy;
    if (strategy !== undefined && strategy !== 'captcha' && strategy !== 'block-account') {
      throw new ValidationError('invalid `loginFailStrategy`: captcha or block-account', 'loginFailStrategy');
    }
    const anomaly = current.loginAnomalyDetection;
    settings.loginAnomalyDetection = {
      ...anomaly,
      ...(strategy === undefined ? {} : { loginFailStrategy: strategy }),
      loginFailCheck: { ...anomaly.loginFailCheck, ...defined(updates.loginFailCheck) },
      loginPasswordFailCheck: { ...anomaly.loginPasswordFailCheck, ...defined(updates.loginPasswordFailCheck) },
    };
  }
  if (updates.qrcodeLoginStrategy !== undefined) {
    const { qrcodeExpiresAfter, ticketExpiresAfter, returnFullUserInfo, allowExchangeUserInfoFromBrowser } = updates.qrcodeLoginStrategy;
    settings.qrcodeLoginStrategy = {
      ...current.qrcodeLoginStrategy,
      ...defined({ qrcodeExpiresIn: qrcodeExpiresAfter, ticketExpiresIn: ticketExpiresAfter, returnFullUserInfo, allowExchangeUserInfoFromBrowser }),
    };
  }
  return settings;
}

/** v2's `managementClient.userpool`: the pool's settings, as far as v3's security settings hold them. */
export class UserpoolManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /**
   * The pool's settings in v2's shape, from v3's security settings: registration, allowed
   * origins, token lifetime, login and registration checks. Name, domain, logo and secrets are `null`.
   */
  detail(): Promise<V2UserPool> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('userpool.detail', 'getSecuritySettings', async () => toV2UserPool(await v3.getSecuritySettings(), userPoolId));
  }

  /**
   * Updates the settings v3's security settings hold. Fields v3 cannot set (name, logo, domain,
   * description, userpoolTypes, emailVerifiedDefault, sendWelcomeEmail, appSsoEnabled, whitelist,
   * customSMSProvider, app2WxappLoginStrategy) are refused before anything is sent.
   */
  update(updates: V2UpdateUserpoolInput): Promise<V2UserPool> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('userpool.update', 'ManagementClient.updateSecuritySettings() from @authing/management (after getSecuritySettings() when a nested check changes)', async () => {
      if (typeof updates !== 'object' || updates === null || Array.isArray(updates)) throw new ValidationError('invalid `updates`: an object', 'updates');
      const given = (Object.keys(updates) as (keyof V2UpdateUserpoolInput)[]).filter((key) => updates[key] !== undefined);
      const refused = given.filter((key) => !settable.has(key));
      if (refused.length > 0) {
        throw new ValidationError(`v3 cannot set ${refused.map((key) => `\`${key}\``).join(', ')} through the management API (use the console)`, refused[0]);
      }
      const current = given.some((key) => merged.has(key)) ? await v3.getSecuritySettings() : undefined;
      return toV2UserPool(await v3.updateSecuritySettings(toSettings(updates, current)), userPoolId);
    });
  }

  /** v2 read the pool's pipeline environment variables. */
  listEnv(): Promise<never> {
    return this.#context.shim.unsupported('userpool.listEnv', envWhy);
  }

  addEnv(_key: string, _value: unknown): Promise<never> {
    return this.#context.shim.unsupported('userpool.addEnv', envWhy);
  }

  removeEnv(_key: string): Promise<never> {
    return this.#context.shim.unsupported('userpool.removeEnv', envWhy);
  }
}
