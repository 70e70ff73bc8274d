import { ValidationError } from '@authing/core';

/** A password as v3 takes it: plain, or encrypted with the server's public key. */
export interface PasswordPayload {
  password: string;
  passwordEncryptType: 'none' | 'rsa' | 'sm2';
}

// The two libraries are loaded on first use only, so apps that do not encrypt never load them;
// bundlers put them in a chunk of their own. Typed here by the little this file uses.
interface Forge {
  pki: { publicKeyFromPem(pem: string): { encrypt(bytes: string, scheme: 'RSAES-PKCS1-V1_5'): string } };
  util: { encodeUtf8(text: string): string; encode64(bytes: string): string };
}
interface SmCrypto {
  sm2: { doEncrypt(message: string, publicKey: string, cipherMode?: 0 | 1): string };
}

/** Both libraries are CommonJS: an ESM import sees them as `default`, a CJS build as the module. */
function commonJs<T>(module: T & { default?: T }): T {
  return module.default ?? module;
}

const sm2Key = /^(04)?[0-9a-f]{128}$/i;

/**
 * Encrypts a password the v2 way when the client has `encPublicKey`: an RSA public key (PEM) gives
 * RSA PKCS#1 v1.5, base64; an SM2 public key (hex, optionally `sm2:`-prefixed) gives SM2 in
 * C1C3C2 order, hex, prefixed `sm2:` as v2 sent it. Without a key the password is sent as it is,
 * over TLS, which is v3's default.
 */
export async function passwordPayload(password: string, encPublicKey: string | undefined): Promise<PasswordPayload> {
  if (encPublicKey === undefined) return { password, passwordEncryptType: 'none' };
  const key = encPublicKey.trim();
  const sm2 = key.replace(/^sm2:/i, '');
  if (sm2Key.test(sm2)) {
    const { sm2: cipher } = commonJs((await import('sm-crypto')) as unknown as SmCrypto & { default?: SmCrypto });
    return { password: `sm2:${cipher.doEncrypt(password, sm2, 1)}`, passwordEncryptType: 'sm2' };
  }
  if (key.startsWith('-----BEGIN')) {
    const forge = commonJs((await import('node-forge')) as unknown as Forge & { default?: Forge });
    let publicKey: ReturnType<Forge['pki']['publicKeyFromPem']>;
    try {
      publicKey = forge.pki.publicKeyFromPem(key);
    } catch (cause) {
      throw new ValidationError(`invalid option \`encPublicKey\`: not an RSA public key (${(cause as Error).message})`, 'encPublicKey');
    }
    return { password: forge.util.encode64(publicKey.encrypt(forge.util.encodeUtf8(password), 'RSAES-PKCS1-V1_5')), passwordEncryptType: 'rsa' };
  }
  throw new ValidationError('invalid option `encPublicKey`: an RSA public key in PEM, or an SM2 public key in hex (`sm2:04…`)', 'encPublicKey');
}
