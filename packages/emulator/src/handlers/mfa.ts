import { randomBytes } from 'node:crypto';
import { issueLoginTokens, requireUser } from '../auth/app.ts';
import { header, type RequestContext } from '../context.ts';
import { EmulatorError } from '../errors.ts';
import type { OAuthAnswer, Route } from '../route.ts';
import type { MfaFactorRecord, State, UserRecord } from '../state.ts';
import { newId, type Store } from '../store.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from '../totp.ts';
import { missing, nested, optString, reqString } from '../validate.ts';
import { recordLogin } from './login.ts';

/** Authing's apiCodes for the MFA step. */
export const MfaApiCode = { personalMfaRequired: 1635, wrongTotp: 6001, totpMissing: 6003 } as const;

/** Authing documents one minute for an enrolment token. */
const enrollmentLifetimeMs = 60_000;
/** How long a sign-in waits for its second factor. */
export const mfaTokenLifetimeMs: number = 5 * 60_000;

interface PendingEnrollment {
  userId: string;
  secret: string;
  recoveryCode: string;
  expiresAt: number;
}

interface PendingLogin {
  userId: string;
  appId: string;
  iat: number;
  exp: number;
  spent: boolean;
}

/** Short-lived, in memory only (like passcodes): a restart forgets them. */
interface Pending {
  enrollments: Map<string, PendingEnrollment>;
  logins: Map<string, PendingLogin>;
}

const pendingByStore = new WeakMap<Store, Pending>();

function pendingOf(store: Store): Pending {
  let pending = pendingByStore.get(store);
  if (!pending) {
    pending = { enrollments: new Map(), logins: new Map() };
    pendingByStore.set(store, pending);
  }
  const now = Date.now();
  for (const [token, entry] of pending.enrollments) if (entry.expiresAt <= now) pending.enrollments.delete(token);
  // Spent and expired sign-in tokens are kept a while longer, so reusing one gets a clear answer.
  for (const [token, entry] of pending.logins) if (entry.exp * 1000 + 3_600_000 <= now) pending.logins.delete(token);
  return pending;
}

function factorsOf(state: State): MfaFactorRecord[] {
  state.mfaFactors ??= [];
  return state.mfaFactors;
}

function otpFactorOf(state: State, userId: string): MfaFactorRecord | undefined {
  return state.mfaFactors?.find((factor) => factor.userId === userId && factor.factorType === 'OTP');
}

const wrongTotp = () => new EmulatorError(400, 'totpWrong', { apiCode: MfaApiCode.wrongTotp });
const totpMissing = () => new EmulatorError(400, 'totpMissing', { apiCode: MfaApiCode.totpMissing });
const mfaTokenInvalid = () => new EmulatorError(401, 'mfaTokenInvalid', { apiCode: 2020 });
const factorNotFound = () => new EmulatorError(404, 'factorNotFound');

function otpOnly(factorType: string): void {
  if (factorType !== 'OTP') throw new EmulatorError(501, 'unsupportedFactor', { params: { factorType }, httpStatus: 501 });
}

function factorDto(factor: MfaFactorRecord): { factorId: string; factorType: 'OTP'; profile: Record<string, unknown> } {
  // Never the secret: it is shown once, at enrolment.
  return { factorId: factor.factorId, factorType: factor.factorType, profile: {} };
}

/**
 * The MFA step of sign-in: a user with an enrolled OTP factor does not get
 * tokens yet but `{ statusCode: 403, apiCode: 1635, data: { mfaToken } }`;
 * `mfa-totp-verify` with that token and a current code finishes the sign-in.
 */
export function requireSecondFactor(context: RequestContext, user: UserRecord): void {
  // A locked user is told so by the first step, not asked for a code.
  if (user.status === 'Suspended' || user.status === 'Deactivated') return;
  if (!otpFactorOf(context.services.store.state, user.userId)) return;
  const mfaToken = randomBytes(32).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + mfaTokenLifetimeMs / 1000;
  pendingOf(context.services.store).logins.set(mfaToken, { userId: user.userId, appId: context.app!.appId, iat, exp, spent: false });
  throw new EmulatorError(403, 'mfaRequired', {
    apiCode: MfaApiCode.personalMfaRequired,
    data: { mfaToken, totpMfaEnabled: true, faceMfaEnabled: false, ...(user.email ? { email: user.email } : {}), ...(user.phone ? { phone: user.phone } : {}) },
  });
}

function sendEnrollFactorRequest(context: RequestContext): unknown {
  const factorType = reqString(context.body, 'factorType');
  otpOnly(factorType);
  const user = context.user!;
  const { store } = context.services;
  if (otpFactorOf(store.state, user.userId)) throw new EmulatorError(400, 'factorExists', { params: { factorType } });
  const secret = newTotpSecret();
  const recoveryCode = randomBytes(8).toString('hex').replace(/(.{4})(?!$)/g, '$1-');
  const enrollmentToken = randomBytes(32).toString('base64');
  pendingOf(store).enrollments.set(enrollmentToken, { userId: user.userId, secret, recoveryCode, expiresAt: Date.now() + enrollmentLifetimeMs });
  const uri = otpauthUri(secret, store.state.pool.name || store.state.pool.userPoolId, user.email ?? user.username ?? user.phone ?? user.userId);
  return {
    enrollmentToken,
    otpData: {
      qrCodeUri: uri,
      // No QR encoder here: the data URL carries the otpauth URI as text (render it with any QR library).
      qrCodeDataUrl: `data:text/plain;base64,${Buffer.from(uri).toString('base64')}`,
      recoveryCode,
    },
  };
}

async function enrollFactor(context: RequestContext): Promise<undefined> {
  otpOnly(reqString(context.body, 'factorType'));
  const enrollmentToken = reqString(context.body, 'enrollmentToken');
  const data = nested(context.body, 'enrollmentData');
  if (!data) throw missing('enrollmentData');
  const passCode = optString(data.fields, 'passCode', data.path('passCode'));
  if (!passCode) throw totpMissing();
  const user = context.user!;
  const { store } = context.services;
  const pending = pendingOf(store);
  const enrollment = pending.enrollments.get(enrollmentToken);
  if (!enrollment || enrollment.userId !== user.userId) throw new EmulatorError(400, 'enrollmentTokenInvalid');
  if (!verifyTotp(enrollment.secret, passCode)) throw wrongTotp();
  await store.write((state) => {
    if (otpFactorOf(state, user.userId)) throw new EmulatorError(400, 'factorExists', { params: { factorType: 'OTP' } });
    pending.enrollments.delete(enrollmentToken);
    factorsOf(state).push({
      factorId: newId(),
      userId: user.userId,
      factorType: 'OTP',
      secret: enrollment.secret,
      recoveryCode: enrollment.recoveryCode,
      createdAt: new Date().toISOString(),
    });
  });
  return undefined;
}

function listEnrolledFactors(context: RequestContext): unknown {
  return (context.services.store.state.mfaFactors ?? []).filter((factor) => factor.userId === context.user!.userId).map(factorDto);
}

function getFactor(context: RequestContext): unknown {
  const factorId = reqString(context.query, 'factorId');
  const factor = context.services.store.state.mfaFactors?.find((candidate) => candidate.factorId === factorId && candidate.userId === context.user!.userId);
  if (!factor) throw factorNotFound();
  return factorDto(factor);
}

async function resetFactor(context: RequestContext): Promise<undefined> {
  const factorId = reqString(context.body, 'factorId');
  const userId = context.user!.userId;
  await context.services.store.write((state) => {
    const factors = factorsOf(state);
    const index = factors.findIndex((factor) => factor.factorId === factorId && factor.userId === userId);
    if (index < 0) throw factorNotFound();
    factors.splice(index, 1);
  });
  return undefined;
}

/** The bearer of a request: `authorization` (with or without `Bearer`), or `mfaToken` in the body. */
function bearerOf(context: RequestContext): string {
  const fromHeader = (header(context, 'authorization') ?? '').replace(/^Bearer\s+/i, '');
  return fromHeader || (optString(context.body, 'mfaToken') ?? '');
}

/**
 * `mfa-totp-verify`. With the `mfaToken` of a sign-in that stopped at 1635 it
 * finishes that sign-in: `{ verified: true }` plus the usual token set. With
 * a user's access token it only checks a code against their enrolled factor.
 */
async function mfaTotpVerify(context: RequestContext): Promise<unknown> {
  const { store } = context.services;
  const token = bearerOf(context);
  const login = pendingOf(store).logins.get(token);
  if (login) {
    if (login.spent || login.exp * 1000 <= Date.now() || login.appId !== context.app!.appId) throw mfaTokenInvalid();
    const totp = optString(context.body, 'totp');
    if (!totp) throw totpMissing();
    const user = store.findUser('user_id', login.userId);
    const factor = user && otpFactorOf(store.state, user.userId);
    if (!user || !factor) throw mfaTokenInvalid();
    if (!verifyTotp(factor.secret, totp)) throw wrongTotp();
    login.spent = true;
    await recordLogin(context, user);
    return { verified: true, ...issueLoginTokens(context, user) };
  }
  await requireUser(context);
  const totp = optString(context.body, 'totp');
  if (!totp) throw totpMissing();
  const factor = otpFactorOf(store.state, context.user!.userId);
  if (!factor) throw factorNotFound();
  if (!verifyTotp(factor.secret, totp)) throw wrongTotp();
  return { verified: true };
}

/** `POST /mfa/token/introspection` (form `token=`): is an mfaToken still usable? Bare JSON, no envelope. */
function introspectMfaToken(context: RequestContext): OAuthAnswer {
  const token = optString(context.body, 'token') ?? '';
  const login = pendingOf(context.services.store).logins.get(token);
  if (!login || login.spent || login.exp * 1000 <= Date.now()) return { status: 200, body: { active: false } };
  return { status: 200, body: { active: true, userPoolId: context.services.store.state.pool.userPoolId, userId: login.userId, iat: login.iat, exp: login.exp } };
}

export const mfaRoutes: Route[] = [
  { operation: 'sendEnrollFactorRequest', method: 'POST', path: '/api/v3/send-enroll-factor-request', guard: 'user', handle: sendEnrollFactorRequest },
  { operation: 'enrollFactor', method: 'POST', path: '/api/v3/enroll-factor', guard: 'user', handle: enrollFactor },
  { operation: 'listEnrolledFactors', method: 'GET', path: '/api/v3/list-enrolled-factors', guard: 'user', handle: listEnrolledFactors },
  { operation: 'getFactor', method: 'GET', path: '/api/v3/get-factor', guard: 'user', handle: getFactor },
  { operation: 'resetFactor', method: 'POST', path: '/api/v3/reset-factor', guard: 'user', handle: resetFactor },
  { operation: 'mfaOtpVerify', method: 'POST', path: '/api/v3/mfa-totp-verify', guard: 'app', handle: mfaTotpVerify },
  { operation: 'verifyMfaToken', method: 'POST', path: '/mfa/token/introspection', guard: 'none', style: 'oauth', handle: introspectMfaToken },
];
