import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V2User } from '../src/index.ts';
import { rejection } from './assertions.ts';
import { emulatorAuthentication, emulatorManagement, emulatorPublicKeys, recordingFetch, unique, useEmulator, type SentRequest } from './servers.ts';

const emulator = useEmulator();

/** The JSON body of the one recorded request to `path`. */
function bodyOf(sent: SentRequest[], path: string): { password?: string; options?: { passwordEncryptType?: string }; passwordPayload?: { password?: string } } {
  const matching = sent.filter((request) => request.path === path);
  expect(matching).toHaveLength(1);
  return matching[0]!.body as ReturnType<typeof bodyOf>;
}

/** Every message on the error and its causes. */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) parts.push(current.message);
  return parts.join(' | ');
}

/**
 * Creates a user through a v2 ManagementClient with `encPublicKey`, then signs in through a v2
 * AuthenticationClient with the same key. The emulator stores and checks only the plain password,
 * so both succeed only if it decrypted what the shim sent.
 */
async function roundTrip(encPublicKey: string, type: 'rsa' | 'sm2'): Promise<void> {
  const username = unique(`enc${type}`);
  const password = `pässwörd-${type}-${unique('')}`;

  const admin = recordingFetch();
  const created = await emulatorManagement(emulator(), { encPublicKey, fetch: admin.fetch }).users.create({ username, password });
  expect(created).toMatchObject({ username, userPoolId: 'emulator-pool', password: null, token: null });
  const createBody = bodyOf(admin.sent, '/api/v3/create-user');
  expect(createBody.options?.passwordEncryptType).toBe(type);
  expect(createBody.password).not.toBe(password);
  if (type === 'sm2') expect(createBody.password).toMatch(/^sm2:[0-9a-f]{194,}$/);
  else expect(Buffer.from(createBody.password!, 'base64')).toHaveLength(256);
  expect(JSON.stringify(admin.sent.map((request) => request.body))).not.toContain(password);

  const user = recordingFetch();
  const signedIn: V2User = await emulatorAuthentication(emulator(), { encPublicKey, fetch: user.fetch }).loginByUsername(username, password);
  expect(signedIn).toMatchObject({ id: created.id, username, userPoolId: 'emulator-pool' });
  expect(signedIn.token).toEqual(expect.any(String));
  const signInBody = bodyOf(user.sent, '/api/v3/signin');
  expect(signInBody.options?.passwordEncryptType).toBe(type);
  expect(signInBody.passwordPayload?.password).not.toBe(password);
  expect(signInBody.passwordPayload?.password).not.toBe(createBody.password);
  expect(JSON.stringify(user.sent.map((request) => request.body))).not.toContain(password);

  // What the emulator stored is the plain password: a client without a key signs in with it.
  await expect(emulatorAuthentication(emulator()).loginByUsername(username, password)).resolves.toMatchObject({ id: created.id });
}

describe('encPublicKey against the emulator', () => {
  let keys: { rsa: string; sm2: string };
  beforeAll(async () => {
    keys = await emulatorPublicKeys(emulator());
  });

  it("RSA: users.create and loginByUsername send the password encrypted with the server's PEM key", async () => {
    expect(keys.rsa).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    await roundTrip(keys.rsa, 'rsa');
  });

  it('SM2: the same with the key given as `sm2:04…`', async () => {
    expect(keys.sm2).toMatch(/^04[0-9a-f]{128}$/);
    await roundTrip(`sm2:${keys.sm2}`, 'sm2');
  });

  it('takes the keys as v2 apps kept them: PEM with literal `\\n`, a bare base64 body, SM2 hex without `04`', async () => {
    await roundTrip(keys.rsa.trim().replaceAll('\n', '\\n'), 'rsa');
    await roundTrip(keys.rsa.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'rsa');
    await roundTrip(keys.sm2.slice(2), 'sm2');
  });

  it('a wrong password is 2333 and no message carries the password', async () => {
    const username = unique('encwrong');
    const password = `right-${unique('')}`;
    await emulatorManagement(emulator(), { encPublicKey: keys.rsa }).users.create({ username, password });
    for (const encPublicKey of [keys.rsa, `sm2:${keys.sm2}`]) {
      const wrong = `wrong-${unique('')}`;
      const error = await rejection(emulatorAuthentication(emulator(), { encPublicKey }).loginByUsername(username, wrong));
      expect(error.code).toBe(2333);
      expect(messages(error)).not.toContain(wrong);
      expect(JSON.stringify(error.data) ?? '').not.toContain(wrong);
    }
  });
});

describe('a malformed encPublicKey', () => {
  const sm2Point = '04'.padEnd(130, '0');
  const malformed = [
    'not a key',
    '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    // An EC key in PEM: a public key, but not RSA.
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    // SM2-shaped hex that is no point of the curve.
    `sm2:${sm2Point}`,
    'sm2:04abcdef',
  ];

  it.each(malformed.map((key) => [key.slice(0, 30).replaceAll('\n', ' '), key]))('%s rejects with validation_error before anything is sent', async (_label, encPublicKey) => {
    const password = `secret-${unique('')}`;
    const { fetch, sent } = recordingFetch();
    const management = emulatorManagement(emulator(), { encPublicKey, fetch });
    const created = await rejection(management.users.create({ username: unique('bad'), password }));
    expect(created.code).toBe('validation_error');
    expect(created.message).toMatch(/encPublicKey/);
    const auth = emulatorAuthentication(emulator(), { encPublicKey, fetch });
    const login = await rejection(auth.loginByUsername(unique('bad'), password));
    expect(login.code).toBe('validation_error');
    expect(sent).toEqual([]);
    for (const error of [created, login]) expect(messages(error)).not.toContain(password);
  });

  it('a password too long for the RSA key rejects with validation_error, without the password', async () => {
    const { rsa } = await emulatorPublicKeys(emulator());
    const password = `long-${'x'.repeat(300)}`;
    const { fetch, sent } = recordingFetch();
    const error = await rejection(emulatorManagement(emulator(), { encPublicKey: rsa, fetch }).users.create({ username: unique('long'), password }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toMatch(/at most 245 bytes/);
    expect(messages(error)).not.toContain('xxxxxxxx');
    expect(sent).toEqual([]);
  });
});

describe('the encryption libraries load only when used', () => {
  const root = resolve(import.meta.dirname, '..');
  let outDir: string;
  beforeAll(async () => {
    // The package as published, built here from the current source: `dist/` may be stale, or
    // rebuilt by a concurrent `build` task. Under node_modules so that its imports resolve.
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    outDir = mkdtempSync(join(cache, 'legacy-v2-password-'));
    await build({
      cwd: root,
      config: false,
      entry: { index: 'src/index.ts' },
      outDir,
      format: ['esm', 'cjs'],
      dts: false,
      logLevel: 'error',
      checks: { legacyCjs: false },
    });
  });
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  // Runs in a fresh Node: records every module resolved (require and import alike), uses the
  // clients without a key, then with each kind of key, and prints what was loaded at each step.
  const probe = `
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
const resolved = new Set();
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); resolved.add(result.url); return result; } });
const entry = process.env.PROBE_ENTRY;
const legacy = entry.endsWith('.cjs') ? createRequire(pathToFileURL(entry))(entry) : await import(pathToFileURL(entry).href);
const loaded = () => ({ forge: [...resolved].some((url) => url.includes('/node-forge/')), smCrypto: [...resolved].some((url) => url.includes('/sm-crypto/')) });
const offline = { fetch: async () => { throw new Error('offline'); }, retries: 0, deprecationWarnings: false };
const auth = (extra) => new legacy.AuthenticationClient({ appId: 'app', appHost: 'http://127.0.0.1:9', ...offline, ...extra });
new legacy.ManagementClient({ userPoolId: 'pool', secret: 'secret', host: 'http://127.0.0.1:9', ...offline });
await new legacy.ManagementClient({ userPoolId: 'pool', secret: 'secret', host: 'http://127.0.0.1:9', ...offline }).users.create({ username: 'u', password: 'p' }).catch(() => {});
await auth({}).loginByUsername('u', 'p').catch(() => {});
const plain = loaded();
await auth({ encPublicKey: process.env.PROBE_RSA }).loginByUsername('u', 'p').catch(() => {});
const rsa = loaded();
await auth({ encPublicKey: process.env.PROBE_SM2 }).loginByUsername('u', 'p').catch(() => {});
console.log(JSON.stringify({ plain, rsa, sm2: loaded(), resolved: resolved.size }));
`;

  it.each(['index.mjs', 'index.cjs'])('%s: neither node-forge nor sm-crypto until a key asks for it', async (file) => {
    const { rsa, sm2 } = await emulatorPublicKeys(emulator());
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', probe], {
      cwd: root,
      env: { ...process.env, PROBE_ENTRY: join(outDir, file), PROBE_RSA: rsa, PROBE_SM2: `sm2:${sm2}` },
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report).toEqual({
      plain: { forge: false, smCrypto: false },
      // The same probe sees each library once it is used, so a library loaded eagerly would show in `plain`.
      rsa: { forge: true, smCrypto: false },
      sm2: { forge: true, smCrypto: true },
      resolved: expect.any(Number),
    });
    expect(report.resolved).toBeGreaterThan(3);
  });
});
