import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthenticationClient } from '@authing/authentication';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { totpAt } from '../src/totp.ts';
import { authentication, management, raw, spec, start } from './helpers.ts';

/** An independent RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) over a base32 secret, as an authenticator app computes it. */
function totp(secretBase32: string, timeMs: number = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secretBase32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A code that is none of the secret's codes within ±1 step of `timeMs`, so a "wrong code" case cannot pass by chance. */
function wrongCode(secret: string, timeMs: number = Date.now()): string {
  const valid = new Set([-1, 0, 1].map((delta) => totp(secret, timeMs + delta * 30_000)));
  let code = totp(secret, timeMs);
  while (valid.has(code)) code = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  return code;
}

let emulator: RunningEmulator;
let dataDir: string | undefined;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await emulator.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const email = 'mfa@example.com';
const password = 'mfa-pass-1';

async function signedIn(): Promise<AuthenticationClient> {
  const auth = authentication(emulator);
  const login = await auth.signInByEmailPassword({ email, password });
  if (login.statusCode !== 200) throw new Error(`sign-in: ${login.message}`);
  auth.setAccessToken(login.data.access_token);
  return auth;
}

/** Enrols an OTP factor for the signed-in user; returns its secret (read from the otpauth URI, as an app would). */
async function enrol(auth: AuthenticationClient): Promise<string> {
  const request = await auth.sendEnrollFactorRequest({ factorType: 'OTP', profile: {} });
  if (request.statusCode !== 200) throw new Error(`send-enroll-factor-request: ${request.message}`);
  const uri = new URL(request.data.otpData!.qrCodeUri);
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.host).toBe('totp');
  expect(Object.fromEntries(uri.searchParams)).toMatchObject({ algorithm: 'SHA1', digits: '6', period: '30' });
  const secret = uri.searchParams.get('secret')!;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await auth.enrollFactor({ factorType: 'OTP', enrollmentToken: request.data.enrollmentToken, enrollmentData: { passCode: totp(secret) } })).toMatchObject({
    statusCode: 200,
  });
  return secret;
}

/** Signs in by password, expecting the MFA step; returns the mfaToken. */
async function mfaStep(auth: AuthenticationClient): Promise<string> {
  const login = await auth.signInByEmailPassword({ email, password });
  expect(login).toMatchObject({ statusCode: 403, apiCode: 1635, data: { mfaToken: expect.any(String) } });
  expect(login).not.toHaveProperty('data.access_token');
  return (login.data as { mfaToken: string }).mfaToken;
}

describe('TOTP MFA', () => {
  beforeEach(async () => {
    await management(emulator).createUser({ email, password });
  });

  it('the emulator computes RFC 6238 codes (the RFC test vectors, 6 digits)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
    expect(totp(secret, 59_000)).toBe('287082');
    for (const [seconds, code] of [[59, '287082'], [1111111109, '081804'], [1111111111, '050471'], [1234567890, '005924'], [2000000000, '279037']] as const) {
      expect(totpAt(secret, seconds * 1000), String(seconds)).toBe(code);
    }
  });

  it('enrols, then sign-in asks for the code, and a correct code gives working tokens', async () => {
    const auth = await signedIn();
    expect(await auth.listEnrolledFactors({})).toMatchObject({ statusCode: 200, data: [] });
    const secret = await enrol(auth);
    const listed = await auth.listEnrolledFactors({});
    expect(listed).toMatchObject({ statusCode: 200, data: [{ factorType: 'OTP', factorId: expect.any(String), profile: {} }] });
    if (listed.statusCode !== 200) throw new Error('unreachable');
    const factorId = listed.data[0]!.factorId;
    expect(await auth.getFactor({ factorId })).toMatchObject({ statusCode: 200, data: { factorId, factorType: 'OTP' } });
    expect(await auth.getFactor({ factorId: 'nope' })).toMatchObject({ statusCode: 404 });
    // The secret is shown once, at enrolment, and never again.
    expect(JSON.stringify(listed) + JSON.stringify(await auth.getProfile({}))).not.toContain(secret);
    // A signed-in user can check a code against their factor.
    expect(await auth.mfaOtpVerify({ totp: totp(secret) })).toMatchObject({ statusCode: 200, data: { verified: true } });
    // A second OTP factor is refused.
    expect(await auth.sendEnrollFactorRequest({ factorType: 'OTP', profile: {} })).toMatchObject({ statusCode: 400 });

    // Sign out: a fresh client, no token.
    const next = authentication(emulator);
    const mfaToken = await mfaStep(next);
    expect(await next.verifyMfaToken({ token: mfaToken })).toMatchObject({ statusCode: 200, data: { active: true, userPoolId: 'emulator-pool', exp: expect.any(Number) } });
    next.setAccessToken(mfaToken);
    const verified = await next.mfaOtpVerify({ totp: totp(secret) });
    expect(verified).toMatchObject({ statusCode: 200, data: { verified: true, access_token: expect.any(String), token_type: 'Bearer', expire_in: expect.any(Number) } });
    if (verified.statusCode !== 200) throw new Error('unreachable');
    const tokens = verified.data as unknown as { access_token: string; id_token: string };
    expect(tokens.id_token).toEqual(expect.any(String));

    // The mfaToken is single-use.
    expect(await next.mfaOtpVerify({ totp: totp(secret) })).toMatchObject({ statusCode: 401, apiCode: 2020 });
    expect(await next.verifyMfaToken({ token: mfaToken })).toMatchObject({ data: { active: false } });

    next.setAccessToken(tokens.access_token);
    // Two sign-ins completed: the first one, and the one that passed MFA (the 1635 step does not count).
    expect(await next.getProfile({})).toMatchObject({ statusCode: 200, data: { email, loginsCount: 2 } });
    if (spec.enabled) expect(spec.checked).toBeGreaterThan(10);
  });

  it('rejects wrong, missing and far-away codes, and expired or foreign mfaTokens', async () => {
    const auth = await signedIn();
    const request = await auth.sendEnrollFactorRequest({ factorType: 'OTP', profile: {} });
    if (request.statusCode !== 200) throw new Error(request.message);
    const secret = new URL(request.data.otpData!.qrCodeUri).searchParams.get('secret')!;
    const { enrollmentToken } = request.data;
    // Enrolment: wrong code 6001, missing code 6003, bad token refused; nothing enrolled.
    expect(await auth.enrollFactor({ factorType: 'OTP', enrollmentToken, enrollmentData: { passCode: wrongCode(secret) } })).toMatchObject({ statusCode: 400, apiCode: 6001 });
    expect(await auth.enrollFactor({ factorType: 'OTP', enrollmentToken, enrollmentData: {} })).toMatchObject({ statusCode: 400, apiCode: 6003 });
    expect(await auth.enrollFactor({ factorType: 'OTP', enrollmentToken: 'forged', enrollmentData: { passCode: totp(secret) } })).toMatchObject({ statusCode: 400 });
    expect(await auth.listEnrolledFactors({})).toMatchObject({ data: [] });
    // Other factor types are not emulated: HTTP 501, which the SDK throws.
    await expect(auth.sendEnrollFactorRequest({ factorType: 'SMS', profile: { phoneNumber: '13800000000' } })).rejects.toMatchObject({ status: 501, statusCode: 501 });
    // Now enrol for real.
    expect(await auth.enrollFactor({ factorType: 'OTP', enrollmentToken, enrollmentData: { passCode: totp(secret) } })).toMatchObject({ statusCode: 200 });

    const next = authentication(emulator);
    const mfaToken = await mfaStep(next);
    next.setAccessToken(mfaToken);
    // Time stands still for the rest of the test, so no step boundary can make it flaky.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now);
    expect(await next.mfaOtpVerify({ totp: wrongCode(secret, now) })).toMatchObject({ statusCode: 400, apiCode: 6001 });
    // Ten steps (five minutes) away: outside the ±1 step window.
    for (const delta of [-10, 10]) {
      const far = totp(secret, now + delta * 30_000);
      if (far === totp(secret, now) || far === totp(secret, now - 30_000) || far === totp(secret, now + 30_000)) continue;
      expect(await next.mfaOtpVerify({ totp: far }), `step ${delta}`).toMatchObject({ statusCode: 400, apiCode: 6001 });
    }
    // The SDK requires `totp`, so send the empty body raw.
    const headers = { 'x-authing-app-id': 'emulator-app', authorization: `Bearer ${mfaToken}` };
    expect(await raw(emulator, 'POST', '/api/v3/mfa-totp-verify', { body: {}, headers })).toMatchObject({ status: 200, body: { statusCode: 400, apiCode: 6003 } });
    // Wrong codes leave the mfaToken usable; the previous step's code is still accepted (clock drift).
    expect(await next.mfaOtpVerify({ totp: totp(secret, now - 30_000) })).toMatchObject({ statusCode: 200, data: { verified: true } });

    // An mfaToken is no app's credential: an unknown app is turned away.
    const mfaToken2 = await mfaStep(next);
    const stranger = await raw(emulator, 'POST', '/api/v3/mfa-totp-verify', {
      body: { totp: totp(secret) },
      headers: { 'x-authing-app-id': 'other-app', authorization: `Bearer ${mfaToken2}` },
    });
    expect(stranger.body).toMatchObject({ statusCode: 404, apiCode: 2011 });

    // An mfaToken expires after five minutes.
    vi.mocked(Date.now).mockReturnValue(now + 5 * 60_000 + 1_000);
    next.setAccessToken(mfaToken2);
    expect(await next.mfaOtpVerify({ totp: totp(secret, now + 5 * 60_000 + 1_000) })).toMatchObject({ statusCode: 401, apiCode: 2020 });
    expect(await next.verifyMfaToken({ token: mfaToken2 })).toMatchObject({ data: { active: false } });
  });

  it('an enrolment token expires after a minute', async () => {
    const auth = await signedIn();
    const request = await auth.sendEnrollFactorRequest({ factorType: 'OTP', profile: {} });
    if (request.statusCode !== 200) throw new Error(request.message);
    const secret = new URL(request.data.otpData!.qrCodeUri).searchParams.get('secret')!;
    const later = Date.now() + 61_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect(
      await auth.enrollFactor({ factorType: 'OTP', enrollmentToken: request.data.enrollmentToken, enrollmentData: { passCode: totp(secret, later) } }),
    ).toMatchObject({ statusCode: 400 });
    expect(await auth.listEnrolledFactors({})).toMatchObject({ data: [] });
  });

  it('reset-factor removes the factor, and sign-in no longer asks for MFA', async () => {
    const auth = await signedIn();
    await enrol(auth);
    await mfaStep(authentication(emulator));
    const listed = await auth.listEnrolledFactors({});
    if (listed.statusCode !== 200) throw new Error(listed.message);
    expect(await auth.resetFactor({ factorId: 'not-a-factor' })).toMatchObject({ statusCode: 404 });
    expect(await auth.resetFactor({ factorId: listed.data[0]!.factorId })).toMatchObject({ statusCode: 200 });
    expect(await auth.listEnrolledFactors({})).toMatchObject({ data: [] });
    expect(await authentication(emulator).signInByEmailPassword({ email, password })).toMatchObject({ statusCode: 200, data: { access_token: expect.any(String) } });
    // And the user can enrol again.
    await enrol(auth);
  });

  it('keeps enrolled factors across a restart, secrets only in the state file', async () => {
    await emulator.stop();
    dataDir = mkdtempSync(join(tmpdir(), 'authing-emulator-mfa-'));
    emulator = await start({ dataDir });
    await management(emulator).createUser({ email, password });
    const secret = await enrol(await signedIn());
    await emulator.stop();
    expect(readFileSync(join(dataDir, 'emulator-state.json'), 'utf8')).toContain(secret);

    emulator = await start({ dataDir });
    const auth = authentication(emulator);
    const mfaToken = await mfaStep(auth);
    auth.setAccessToken(mfaToken);
    const verified = await auth.mfaOtpVerify({ totp: totp(secret) });
    expect(verified).toMatchObject({ statusCode: 200, data: { verified: true } });
    auth.setAccessToken((verified.data as unknown as { access_token: string }).access_token);
    const listed = await auth.listEnrolledFactors({});
    expect(listed).toMatchObject({ statusCode: 200, data: [{ factorType: 'OTP' }] });
    expect(JSON.stringify(listed)).not.toContain(secret);
  });
});
