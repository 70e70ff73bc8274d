import { constants, createPublicKey, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import smCrypto from 'sm-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { authentication, management, managementToken, raw, spec, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(async () => {
  await emulator.stop();
});

interface SystemInfo {
  rsa: { publicKey: string };
  sm2: { publicKey: string };
  version: { server: string; console: string; login: string };
  publicIps: string[];
}

/** `GET /api/v3/system`, through the validating fetch of helpers.ts. */
async function systemInfo(target: RunningEmulator = emulator): Promise<SystemInfo> {
  const { status, body } = await raw(target, 'GET', '/api/v3/system');
  expect(status).toBe(200);
  return body as unknown as SystemInfo;
}

const encrypt = {
  rsa: (publicKey: string, text: string) => publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(text, 'utf8')).toString('base64'),
  sm2: (publicKey: string, text: string) => `sm2:${smCrypto.sm2.doEncrypt(text, publicKey, 1)}`,
} as const;

let counter = 0;
const name = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

describe('GET /api/v3/system', () => {
  it("answers the spec's SystemInfoResp, with an RSA-2048 and an SM2 public key, and the same in an envelope", async () => {
    const checked = spec.checked;
    const response = await fetch(`${emulator.url}/api/v3/system`);
    expect(response.headers.get('x-authing-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const body = await systemInfo();
    // The spec's schema at the top level (checked by helpers.ts), and the envelope Authing's clients read.
    if (spec.enabled) expect(spec.checked).toBe(checked + 1);
    expect(Object.keys(body).sort()).toEqual(['data', 'message', 'publicIps', 'requestId', 'rsa', 'sm2', 'statusCode', 'version']);
    const { statusCode, message, requestId, data, ...info } = body as unknown as SystemInfo & { statusCode: number; message: string; requestId: string; data: SystemInfo };
    expect({ statusCode, message }).toEqual({ statusCode: 200, message: '' });
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(data).toEqual(info);

    expect(info.rsa.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n?$/);
    const rsa = createPublicKey(info.rsa.publicKey);
    expect(rsa.asymmetricKeyType).toBe('rsa');
    expect(rsa.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(info.sm2.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(info.version).toEqual({ server: 'emulator', console: 'emulator', login: 'emulator' });
    expect(info.publicIps).toEqual([]);
    // The same keys every time: clients fetch them once.
    expect((await systemInfo()).rsa).toEqual(info.rsa);
    expect((await systemInfo()).sm2).toEqual(info.sm2);
  });

  it.runIf(spec.enabled)('would be caught by the spec check if it answered only the envelope', () => {
    spec.check('GET', '/api/v3/system', JSON.stringify({ statusCode: 200, message: '', requestId: 'x', data: {} }));
    const caught = spec.mismatches.splice(0);
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatch(/must have required property 'rsa'/);
  });

  it('is what the SDK reads with getSystemInfo, without credentials', async () => {
    const { rsa, sm2 } = await systemInfo();
    expect(await authentication(emulator).getSystemInfo()).toMatchObject({ statusCode: 200, data: { rsa, sm2, publicIps: [] } });
    // No app id, no token: the keys are public.
    const anonymous = await fetch(`${emulator.url}/api/v3/system`);
    expect(anonymous.status).toBe(200);
    expect(((await anonymous.json()) as SystemInfo).rsa).toEqual(rsa);
  });

  it('keeps the key pairs in the data directory across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'authing-emulator-'));
    try {
      const first = await start({ dataDir });
      const before = await systemInfo(first);
      await first.stop();
      const state = readFileSync(join(dataDir, 'emulator-state.json'), 'utf8');
      expect(state).toContain('"passwordKeys"');
      const second = await start({ dataDir });
      try {
        const after = await systemInfo(second);
        expect(after.rsa.publicKey).toBe(before.rsa.publicKey);
        expect(after.sm2.publicKey).toBe(before.sm2.publicKey);
        // A password encrypted for the first run decrypts in the second.
        const username = name('persisted');
        const created = await management(second).createUser({ username, password: encrypt.rsa(before.rsa.publicKey, 'kept-pw-1'), options: { passwordEncryptType: 'rsa' } });
        expect(created).toMatchObject({ statusCode: 200, data: { username } });
        expect(await authentication(second).signInByUsernamePassword({ username, password: 'kept-pw-1' })).toMatchObject({ statusCode: 200 });
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(['rsa', 'sm2'] as const)('passwordEncryptType %s', (type) => {
  let publicKey: string;
  beforeAll(async () => {
    publicKey = (await systemInfo())[type].publicKey;
  });
  const sealed = (text: string) => encrypt[type](publicKey, text);

  it('signs up and signs in with encrypted passwords; the stored password is the plain one', async () => {
    const auth = authentication(emulator);
    const username = name(`signup-${type}-`);
    const password = `pässwörd-${type}-1`;
    const ciphertext = sealed(password);
    const signedUp = await auth.signUpByUsernamePassword({ username, password: ciphertext, options: { context: {}, passwordEncryptType: type } });
    expect(signedUp).toMatchObject({ statusCode: 200, data: { username, userSourceType: 'register' } });
    expect(JSON.stringify(signedUp)).not.toContain(ciphertext);

    // A fresh ciphertext each time (both schemes are randomised) signs in ...
    expect(await auth.signInByUsernamePassword({ username, password: sealed(password), options: { passwordEncryptType: type } })).toMatchObject({
      statusCode: 200,
      data: { token_type: 'Bearer' },
    });
    // ... and so does the plain password, so what was stored is the decrypted one ...
    expect(await auth.signInByUsernamePassword({ username, password })).toMatchObject({ statusCode: 200 });
    // ... and not the ciphertext, which is no password.
    expect(await auth.signInByUsernamePassword({ username, password: ciphertext })).toMatchObject({ statusCode: 400, apiCode: 2333 });
    // A ciphertext of another password is a wrong password, not a decryption failure.
    expect(await auth.signInByUsernamePassword({ username, password: sealed('not-it'), options: { passwordEncryptType: type } })).toMatchObject({ statusCode: 400, apiCode: 2333 });
  });

  it('creates a user, a batch and updates a user with encrypted passwords', async () => {
    const mgmt = management(emulator);
    const auth = authentication(emulator);
    const username = name(`create-${type}-`);
    const created = await mgmt.createUser({ username, password: sealed('created-pw-1'), options: { passwordEncryptType: type } });
    expect(created).toMatchObject({ statusCode: 200, data: { username, userSourceType: 'adminCreated' } });
    if (created.statusCode !== 200) throw new Error('unreachable');
    expect(await auth.signInByUsernamePassword({ username, password: 'created-pw-1' })).toMatchObject({ statusCode: 200 });

    const updated = await mgmt.updateUser({ userId: created.data.userId, password: sealed('updated-pw-2'), options: { passwordEncryptType: type } });
    expect(updated).toMatchObject({ statusCode: 200, data: { userId: created.data.userId } });
    expect(await auth.signInByUsernamePassword({ username, password: 'updated-pw-2' })).toMatchObject({ statusCode: 200 });
    expect(await auth.signInByUsernamePassword({ username, password: 'created-pw-1' })).toMatchObject({ statusCode: 400, apiCode: 2333 });

    const [first, second] = [name(`batch-${type}-`), name(`batch-${type}-`)];
    const batch = await mgmt.createUsersBatch({
      list: [{ username: first, password: sealed('batch-pw-1') }, { username: second, password: sealed('batch-pw-2') }],
      options: { passwordEncryptType: type },
    });
    expect(batch).toMatchObject({ statusCode: 200, data: [{ username: first }, { username: second }] });
    expect(await auth.signInByUsernamePassword({ username: first, password: 'batch-pw-1' })).toMatchObject({ statusCode: 200 });
    expect(await auth.signInByUsernamePassword({ username: second, password: sealed('batch-pw-2'), options: { passwordEncryptType: type } })).toMatchObject({ statusCode: 200 });
  });

  it('updates a password with both passwords encrypted', async () => {
    const auth = authentication(emulator);
    const username = name(`update-${type}-`);
    expect(await management(emulator).createUser({ username, password: 'old-pw-1' })).toMatchObject({ statusCode: 200 });
    const login = await auth.signInByUsernamePassword({ username, password: sealed('old-pw-1'), options: { passwordEncryptType: type } });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.message}`);
    auth.setAccessToken(login.data.access_token);

    // The old password is decrypted too: a wrong one is 2006, not a decryption failure.
    expect(await auth.updatePassword({ newPassword: sealed('new-pw-2'), oldPassword: sealed('wrong-pw'), passwordEncryptType: type })).toMatchObject({ statusCode: 400, apiCode: 2006 });
    expect(await auth.updatePassword({ newPassword: sealed('new-pw-2'), oldPassword: sealed('old-pw-1'), passwordEncryptType: type })).toMatchObject({ statusCode: 200 });
    const fresh = authentication(emulator);
    expect(await fresh.signInByUsernamePassword({ username, password: 'new-pw-2' })).toMatchObject({ statusCode: 200 });
    expect(await fresh.signInByUsernamePassword({ username, password: 'old-pw-1' })).toMatchObject({ statusCode: 400, apiCode: 2333 });
  });

  it('answers 400 naming the field, never the ciphertext, when a password does not decrypt', async () => {
    const other = type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
      : smCrypto.sm2.generateKeyPairHex().publicKey;
    const good = sealed('whatever-pw-1');
    const bad = [
      // Well formed, but for another key: the case RSA's implicit rejection would turn into a wrong password.
      encrypt[type](other, 'whatever-pw-1'),
      // Tampered with.
      type === 'rsa' ? Buffer.from(good, 'base64').reverse().toString('base64') : `${good.slice(0, -2)}${good.endsWith('00') ? '11' : '00'}`,
      // Not a ciphertext at all.
      'plain-text-password',
      type === 'rsa' ? Buffer.from('short').toString('base64') : 'sm2:abcd',
    ];
    const headers = { ...(await managementToken(emulator)), 'x-authing-lang': 'en-US' };
    for (const ciphertext of bad) {
      const username = name(`bad-${type}-`);
      const answer = await raw(emulator, 'POST', '/api/v3/create-user', { body: { username, password: ciphertext, options: { passwordEncryptType: type } }, headers });
      expect(answer, ciphertext).toMatchObject({
        status: 400,
        body: { statusCode: 400, message: `Parameter password could not be decrypted as passwordEncryptType ${type}: encrypt it with the ${type} public key from GET /api/v3/system` },
      });
      expect(JSON.stringify(answer.body)).not.toContain(ciphertext);
      // Nothing was stored.
      expect((await raw(emulator, 'POST', '/api/v3/is-user-exists', { body: { username }, headers })).body).toMatchObject({ data: { exists: false } });
    }

    // Through the SDK, an HTTP 400 is thrown (HttpError), with the envelope's message.
    const auth = authentication(emulator, { lang: 'en-US' });
    const refused = { status: 400, statusCode: 400, message: expect.stringContaining('passwordPayload.password could not be decrypted') };
    await expect(auth.signInByUsernamePassword({ username: 'anyone', password: bad[0]!, options: { passwordEncryptType: type } })).rejects.toMatchObject(refused);
    await expect(auth.signUpByUsernamePassword({ username: name('nobody'), password: bad[1]!, options: { context: {}, passwordEncryptType: type } })).rejects.toMatchObject(refused);
    await expect(management(emulator).createUsersBatch({ list: [{ username: name('nobody'), password: bad[2]! }], options: { passwordEncryptType: type } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('list[0].password'),
    });

    const username = name(`bad-update-${type}-`);
    expect(await management(emulator).createUser({ username, password: 'kept-pw-1' })).toMatchObject({ statusCode: 200 });
    const login = await auth.signInByUsernamePassword({ username, password: 'kept-pw-1' });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.message}`);
    auth.setAccessToken(login.data.access_token);
    await expect(auth.updatePassword({ newPassword: bad[0]!, oldPassword: sealed('kept-pw-1'), passwordEncryptType: type })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Parameter newPassword could not be decrypted'),
    });
    await expect(auth.updatePassword({ newPassword: sealed('next-pw-2'), oldPassword: bad[1]!, passwordEncryptType: type })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Parameter oldPassword could not be decrypted'),
    });
    // Neither refusal changed the password.
    expect(await authentication(emulator).signInByUsernamePassword({ username, password: 'kept-pw-1' })).toMatchObject({ statusCode: 200 });
  });
});

describe('SM2 ciphertext forms', () => {
  it('accepts C1C3C2 hex with or without `sm2:`, and with the 04 point marker on C1', async () => {
    const { sm2 } = await systemInfo();
    const auth = authentication(emulator);
    const username = name('sm2-forms-');
    expect(await management(emulator).createUser({ username, password: 'forms-pw-1' })).toMatchObject({ statusCode: 200 });
    const hex = smCrypto.sm2.doEncrypt('forms-pw-1', sm2.publicKey, 1);
    for (const password of [hex, `sm2:${hex}`, `04${hex}`, hex.toUpperCase()]) {
      expect(await auth.signInByUsernamePassword({ username, password, options: { passwordEncryptType: 'sm2' } }), password.slice(0, 8)).toMatchObject({ statusCode: 200 });
    }
  });

  it('rejects an unknown passwordEncryptType as an invalid value', async () => {
    const headers = { ...(await managementToken(emulator)), 'x-authing-lang': 'en-US' };
    const answer = await raw(emulator, 'POST', '/api/v3/create-user', { body: { username: name('aes-'), password: 'x', options: { passwordEncryptType: 'aes' } }, headers });
    expect(answer).toMatchObject({ status: 400, body: { statusCode: 400, message: 'Parameter options.passwordEncryptType has an invalid value' } });
  });
});
