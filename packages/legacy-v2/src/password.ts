import { ValidationError } from '@authing/core';

/** A password as v3 takes it: plain, or encrypted with the server's public key. */
export interface PasswordPayload {
  password: string;
  passwordEncryptType: 'none' | 'rsa' | 'sm2';
}

// The two libraries are loaded on first use only, so apps that do not encrypt never load them;
// bundlers put them in a chunk of their own. Typed here by the little this file uses.
interface ForgeRsaKey {
  n: { bitLength(): number };
  encrypt(bytes: string, scheme: 'RSAES-PKCS1-V1_5'): string;
}
interface Forge {
  pki: { publicKeyFromPem(pem: string): ForgeRsaKey };
  util: { encodeUtf8(text: string): string; encode64(bytes: string): string };
}
interface SmCrypto {
  sm2: { doEncrypt(message: string, publicKey: string, cipherMode?: 0 | 1): string };
}

/** Both libraries are CommonJS: an ESM import sees them as `default`, a CJS build as the module. */
function commonJs<T>(module: T & { default?: T }): T {
  return module.default ?? module;
}

const sm2Key = /^(04)?([0-9a-f]{128})$/i;
const base64Body = /^[A-Za-z0-9+/]+={0,2}$/;

const invalidKey = (why: string) => new ValidationError(`invalid option \`encPublicKey\`: ${why}`, 'encPublicKey');

async function sm2Encrypt(password: string, point: string): Promise<PasswordPayload> {
  const { sm2 } = commonJs((await import('sm-crypto')) as unknown as SmCrypto & { default?: SmCrypto });
  let encrypted: string;
  try {
    encrypted = sm2.doEncrypt(password, `04${point}`, 1);
  } catch {
    // sm-crypto checks that the key is a point of the curve only here, and throws a bare Error.
    throw invalidKey('not a point of the SM2 curve');
  }
  return { password: `sm2:${encrypted}`, passwordEncryptType: 'sm2' };
}

async function rsaEncrypt(password: string, pem: string): Promise<PasswordPayload> {
  const forge = commonJs((await import('node-forge')) as unknown as Forge & { default?: Forge });
  let publicKey: ForgeRsaKey;
  try {
    publicKey = forge.pki.publicKeyFromPem(pem);
  } catch (cause) {
    throw invalidKey(`not an RSA public key (${(cause as Error).message})`);
  }
  const bytes = forge.util.encodeUtf8(password);
  // PKCS#1 v1.5 keeps 11 bytes of the modulus for its padding; forge would throw a bare Error.
  const room = Math.ceil(publicKey.n.bitLength() / 8) - 11;
  if (bytes.length > room) {
    throw new ValidationError(`the password is too long to encrypt with \`encPublicKey\`: at most ${room} bytes of UTF-8 for this key`, 'password');
  }
  return { password: forge.util.encode64(publicKey.encrypt(bytes, 'RSAES-PKCS1-V1_5')), passwordEncryptType: 'rsa' };
}

/**
 * Encrypts a password the v2 way when the client has `encPublicKey`: an RSA public key (PEM, or
 * its base64 body alone as JSEncrypt took it) gives RSA PKCS#1 v1.5, base64; an SM2 public key
 * (hex, `04` + x + y, optionally `sm2:`-prefixed) gives SM2 in C1C3C2 order, hex, prefixed `sm2:` as
 * v2 sent it. Without a key the password is sent as it is, over TLS, which is v3's default. A key
 * that is neither is a `ValidationError`, thrown before anything is sent; no message carries the
 * password.
 */
export async function passwordPayload(password: string, encPublicKey: string | undefined): Promise<PasswordPayload> {
  if (encPublicKey === undefined) return { password, passwordEncryptType: 'none' };
  // Keys kept in environment variables often carry their line breaks as the two characters `\n`.
  const key = encPublicKey.replaceAll('\\n', '\n').trim();
  const sm2 = sm2Key.exec(key.replace(/^sm2:/i, ''));
  if (sm2) return sm2Encrypt(password, sm2[2]!);
  if (key.startsWith('-----BEGIN')) return rsaEncrypt(password, key);
  const body = key.replace(/\s+/g, '');
  if (base64Body.test(body)) {
    // forge reads an RSAPublicKey (PKCS#1) under this label too, as JSEncrypt did with a bare body.
    return rsaEncrypt(password, `-----BEGIN PUBLIC KEY-----\n${body.replace(/.{1,64}/g, '$&\n')}-----END PUBLIC KEY-----\n`);
  }
  throw invalidKey('an RSA public key in PEM, or an SM2 public key in hex (`sm2:04…`)');
}
