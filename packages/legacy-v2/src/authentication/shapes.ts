import type { GetSecurityInfoDto } from '@authing/authentication';

// The v2 shapes only AuthenticationClient returned (graphql.v2.ts and authentication/types.ts of
// authing-js-sdk 4), and their mapping from the v3 answers. The shapes it shares with
// ManagementClient (users, roles, departments, resources, custom data, apps) are in src/shapes.

/** v2's `JwtTokenStatus`, the result of `checkLoginStatus`. */
export interface V2JwtTokenStatus {
  /** 200 when signed in; 2020 without a token, 2206 expired, 2207 invalid or revoked. */
  code: number;
  message: string;
  status: boolean;
  exp: number | null;
  iat: number | null;
  data: { id: string | null; userPoolId: string | null; arn: string | null } | null;
}

/** v2's `RefreshToken`, the result of `refreshToken`. */
export interface V2RefreshToken {
  token: string;
  iat: number;
  exp: number;
}

/** v2's `PasswordSecurityLevel`: 1 low, 2 middle, 3 high. */
export type V2PasswordSecurityLevel = 1 | 2 | 3;

/** v2's `SecurityLevel`. */
export interface V2SecurityLevel {
  email: boolean;
  mfa: boolean;
  password: boolean;
  phone: boolean;
  passwordSecurityLevel: V2PasswordSecurityLevel | null;
  score: number;
}

/** v2's CAS 1.0 validation result. */
export interface V2TicketV1Result {
  valid: boolean;
  username?: string;
  message?: string;
}

/** v2's CAS 2.0 success body. */
export interface V2Cas20ValidationSuccessResult {
  serviceResponse: { authenticationSuccess: { user: string; attributes: Record<string, unknown> } };
}

/** v2's CAS 2.0 failure body. */
export interface V2Cas20ValidationFailureResult {
  authenticationFailure: { code: string; description: string };
}

function passwordLevel(level: number | undefined): V2PasswordSecurityLevel | null {
  return level === 1 || level === 2 || level === 3 ? level : null;
}

export function toV2SecurityLevel(info: GetSecurityInfoDto): V2SecurityLevel {
  return {
    email: info.emailBinded,
    mfa: info.mfaEnrolled,
    password: info.passwordSet,
    phone: info.phoneBinded,
    passwordSecurityLevel: passwordLevel(info.passwordSecurityLevel),
    score: info.securityScore,
  };
}
