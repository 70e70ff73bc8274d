import type { SecuritySettingsDto } from '@authing/management';
import { or } from './nullable.ts';

/** A rate check of the pool (sign-up or sign-in failures per interval), in v2's fields. */
export interface V2CheckConfig {
  timeInterval: number | null;
  limit: number | null;
  enabled: boolean | null;
}

/** How the pool's QR-code sign-in behaves, in v2's fields. */
export interface V2QrcodeLoginStrategy {
  qrcodeExpiresAfter: number | null;
  returnFullUserInfo: boolean | null;
  allowExchangeUserInfoFromBrowser: boolean | null;
  ticketExpiresAfter: number | null;
}

/**
 * A user pool as v2 returned it (v2's GraphQL `UserPool`), read from v3's security settings: the
 * pool's name, domain, logo and secrets are not in the v3 management API and are `null`.
 */
export interface V2UserPool {
  id: string;
  name: null;
  domain: null;
  description: null;
  /** Never returned. */
  secret: null;
  /** Never returned. */
  jwtSecret: null;
  ownerId: null;
  userpoolTypes: null;
  logo: null;
  createdAt: null;
  updatedAt: null;
  emailVerifiedDefault: null;
  sendWelcomeEmail: null;
  registerDisabled: boolean | null;
  appSsoEnabled: null;
  showWxQRCodeWhenRegisterDisabled: null;
  /** Newline-separated origins, as v2. */
  allowedOrigins: string | null;
  /** v3's `authingTokenExpiresIn`, in seconds. */
  tokenExpiresAfter: number | null;
  isDeleted: null;
  frequentRegisterCheck: V2CheckConfig | null;
  loginFailCheck: V2CheckConfig | null;
  loginPasswordFailCheck: V2CheckConfig | null;
  loginFailStrategy: string | null;
  changePhoneStrategy: { verifyOldPhone: boolean | null } | null;
  changeEmailStrategy: { verifyOldEmail: boolean | null } | null;
  qrcodeLoginStrategy: V2QrcodeLoginStrategy | null;
  app2WxappLoginStrategy: null;
  whitelist: null;
  customSMSProvider: null;
  packageType: null;
  useCustomUserStore: null;
  loginRequireEmailVerified: boolean | null;
  verifyCodeLength: number | null;
}

/** What v2's `userpool.update` took (`UpdateUserpoolInput`). */
export interface V2UpdateUserpoolInput {
  name?: string;
  logo?: string;
  domain?: string;
  description?: string;
  userpoolTypes?: string[];
  emailVerifiedDefault?: boolean;
  sendWelcomeEmail?: boolean;
  registerDisabled?: boolean;
  /** @deprecated in v2 too. */
  appSsoEnabled?: boolean;
  /** Newline-separated origins. */
  allowedOrigins?: string;
  tokenExpiresAfter?: number;
  frequentRegisterCheck?: { timeInterval?: number; limit?: number; enabled?: boolean };
  loginFailCheck?: { timeInterval?: number; limit?: number; enabled?: boolean };
  loginFailStrategy?: string;
  loginPasswordFailCheck?: { timeInterval?: number; limit?: number; enabled?: boolean };
  changePhoneStrategy?: { verifyOldPhone?: boolean };
  changeEmailStrategy?: { verifyOldEmail?: boolean };
  qrcodeLoginStrategy?: { qrcodeExpiresAfter?: number; returnFullUserInfo?: boolean; allowExchangeUserInfoFromBrowser?: boolean; ticketExpiresAfter?: number };
  app2WxappLoginStrategy?: { ticketExpriresAfter?: number; ticketExchangeUserInfoNeedSecret?: boolean };
  whitelist?: { phoneEnabled?: boolean; emailEnabled?: boolean; usernameEnabled?: boolean };
  customSMSProvider?: { enabled?: boolean; provider?: string; config?: string };
  loginRequireEmailVerified?: boolean;
  verifyCodeLength?: number;
}

function check(config: { timeInterval?: number; limit?: number; enabled?: boolean } | undefined): V2CheckConfig | null {
  return config ? { timeInterval: or(config.timeInterval), limit: or(config.limit), enabled: or(config.enabled) } : null;
}

/** v3's security settings as v2's user pool. */
export function toV2UserPool(settings: Partial<SecuritySettingsDto>, userPoolId: string): V2UserPool {
  const anomaly = settings.loginAnomalyDetection;
  const qrcode = settings.qrcodeLoginStrategy;
  return {
    id: userPoolId,
    name: null,
    domain: null,
    description: null,
    secret: null,
    jwtSecret: null,
    ownerId: null,
    userpoolTypes: null,
    logo: null,
    createdAt: null,
    updatedAt: null,
    emailVerifiedDefault: null,
    sendWelcomeEmail: null,
    registerDisabled: or(settings.registerDisabled),
    appSsoEnabled: null,
    showWxQRCodeWhenRegisterDisabled: null,
    allowedOrigins: or(settings.allowedOrigins),
    tokenExpiresAfter: or(settings.authingTokenExpiresIn),
    isDeleted: null,
    frequentRegisterCheck: check(settings.registerAnomalyDetection),
    loginFailCheck: check(anomaly?.loginFailCheck),
    loginPasswordFailCheck: check(anomaly?.loginPasswordFailCheck),
    loginFailStrategy: or(anomaly?.loginFailStrategy),
    changePhoneStrategy: settings.changePhoneStrategy ? { verifyOldPhone: or(settings.changePhoneStrategy.verifyOldPhone) } : null,
    changeEmailStrategy: settings.changeEmailStrategy ? { verifyOldEmail: or(settings.changeEmailStrategy.verifyOldEmail) } : null,
    qrcodeLoginStrategy: qrcode
      ? {
          qrcodeExpiresAfter: or(qrcode.qrcodeExpiresIn),
          returnFullUserInfo: or(qrcode.returnFullUserInfo),
          allowExchangeUserInfoFromBrowser: or(qrcode.allowExchangeUserInfoFromBrowser),
          ticketExpiresAfter: or(qrcode.ticketExpiresIn),
        }
      : null,
    app2WxappLoginStrategy: null,
    whitelist: null,
    customSMSProvider: null,
    packageType: null,
    useCustomUserStore: null,
    loginRequireEmailVerified: or(settings.loginRequireEmailVerified),
    verifyCodeLength: or(settings.verifyCodeLength),
  };
}
