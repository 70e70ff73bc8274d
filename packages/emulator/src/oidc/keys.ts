import { generateKeyPair, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The provider's secrets: its RS256 signing keys and the keys that sign its cookies. */
export interface OidcKeys {
  format: 1;
  jwks: { keys: Array<Record<string, unknown>> };
  cookieKeys: string[];
}

/** Kept next to the emulator's state when it has a data directory. */
export const keysFileName = 'oidc-keys.json';

async function generate(): Promise<OidcKeys> {
  const privateKey = await new Promise<import('node:crypto').KeyObject>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, key) => (error ? reject(error) : resolve(key))),
  );
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return {
    format: 1,
    jwks: { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('hex')],
  };
}

/**
 * RS256 keys generated at start; with a data directory they are read from (or first written
 * to) `oidc-keys.json`, so ID tokens and sessions signed before a restart still verify.
 */
export async function loadOrCreateKeys(dataDir: string | undefined): Promise<OidcKeys> {
  if (!dataDir) return generate();
  const path = join(dataDir, keysFileName);
  try {
    const keys = JSON.parse(await readFile(path, 'utf8')) as OidcKeys;
    if (keys.format !== 1 || !Array.isArray(keys.jwks?.keys) || !Array.isArray(keys.cookieKeys)) throw new Error(`${path}: unknown format`);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = await generate();
  // Written whole, then renamed: a crash leaves no half-written key file.
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(keys), { mode: 0o600 });
  await rename(temp, path);
  return keys;
}
