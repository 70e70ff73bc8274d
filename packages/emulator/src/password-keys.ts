import { constants, createPrivateKey, generateKeyPair, privateDecrypt, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import smCrypto from 'sm-crypto';
import { EmulatorError } from './errors.ts';
import type { PasswordKeysRecord } from './state.ts';
import type { Store } from './store.ts';
import { optEnum, type Fields } from './validate.ts';

/** How a client sent a password: `passwordEncryptType` of the v3 request DTOs. */
export type PasswordEncryptType = 'none' | 'rsa' | 'sm2';

const encryptTypes: readonly PasswordEncryptType[] = ['none', 'rsa', 'sm2'];

/** `passwordEncryptType` of `fields` (a request body or its `options`); `none` when absent, as Authing's default. */
export function encryptTypeOf(fields: Fields | undefined, path: string = 'passwordEncryptType'): PasswordEncryptType {
  return (fields && optEnum(fields, 'passwordEncryptType', encryptTypes, path)) ?? 'none';
}

interface LoadedKeys {
  record: PasswordKeysRecord;
  rsa: KeyObject;
  /** The RSA modulus in bytes: every ciphertext is exactly this long. */
  rsaSize: number;
}

const generateRsa = promisify(generateKeyPair);

async function generate(): Promise<PasswordKeysRecord> {
  const rsa = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const sm2 = smCrypto.sm2.generateKeyPairHex();
  return { rsa: { publicKey: rsa.publicKey, privateKey: rsa.privateKey }, sm2: { publicKey: sm2.publicKey, privateKey: sm2.privateKey } };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * RSAES-PKCS1-v1_5 (RFC 8017 §7.2.2), base64. The padding is checked here on a raw decryption:
 * Node's `RSA_PKCS1_PADDING` now uses implicit rejection (the Marvin countermeasure), which turns a
 * bad ciphertext into random bytes instead of an error, and a client that encrypted with the wrong
 * key deserves a 400 rather than "wrong password". Timing leaks do not matter on a local emulator.
 */
function rsaDecrypt(keys: LoadedKeys, text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length !== keys.rsaSize) return undefined;
  let block: Buffer;
  try {
    block = privateDecrypt({ key: keys.rsa, padding: constants.RSA_NO_PADDING }, bytes);
  } catch {
    return undefined;
  }
  // 0x00 0x02, at least eight nonzero padding bytes, 0x00, then the message.
  if (block[0] !== 0 || block[1] !== 2) return undefined;
  const separator = block.indexOf(0, 2);
  if (separator < 10) return undefined;
  return utf8(block.subarray(separator + 1));
}

/** SM2 in C1C3C2 order, hex, as sm-crypto's `doEncrypt(text, key, 1)`; v2 SDKs prefix it `sm2:`. */
function sm2Decrypt(keys: LoadedKeys, text: string): string | undefined {
  const hex = text.trim().replace(/^sm2:/i, '');
  // C1 (64 bytes) and C3 (32 bytes) come before at least one byte of C2.
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex) || hex.length <= 192) return undefined;
  const attempt = (cipher: string): string => {
    try {
      return smCrypto.sm2.doDecrypt(cipher, keys.record.sm2.privateKey, 1);
    } catch {
      return '';
    }
  };
  // sm-crypto leaves out C1's 0x04 point marker; other implementations (BouncyCastle, GmSSL) keep it.
  // sm-crypto answers '' when the SM3 check (C3) fails, so a wrong guess cannot pass.
  const plain = attempt(hex) || (hex.startsWith('04') && hex.length > 194 ? attempt(hex.slice(2)) : '');
  return plain === '' ? undefined : plain;
}

/**
 * The emulator's key pairs for encrypted passwords. They are made on first use (so a start costs
 * nothing when no client encrypts) and kept in the state, so with a data directory they survive a
 * restart like everything else and clients may cache the public keys.
 */
export class PasswordKeys {
  readonly #store: Store;
  #loaded: Promise<LoadedKeys> | undefined;

  constructor(store: Store) {
    this.#store = store;
  }

  #load(): Promise<LoadedKeys> {
    this.#loaded ??= (async () => {
      if (!this.#store.state.passwordKeys) {
        // Generated outside the write queue (it takes tens of milliseconds); the first stored pair wins.
        const fresh = await generate();
        await this.#store.write((state) => {
          state.passwordKeys ??= fresh;
        });
      }
      const record = this.#store.state.passwordKeys!;
      const rsa = createPrivateKey(record.rsa.privateKey);
      return { record, rsa, rsaSize: (rsa.asymmetricKeyDetails?.modulusLength ?? 2048) / 8 };
    })().catch((error: unknown) => {
      this.#loaded = undefined;
      throw error;
    });
    return this.#loaded;
  }

  /** The public keys `GET /api/v3/system` hands out: RSA as SPKI PEM, SM2 as uncompressed hex (`04…`). */
  async publicKeys(): Promise<{ rsa: string; sm2: string }> {
    const { record } = await this.#load();
    return { rsa: record.rsa.publicKey, sm2: record.sm2.publicKey };
  }

  /**
   * The password a client sent, decrypted as `type` says. A value that does not decrypt is a 400
   * naming the field; neither the ciphertext nor anything decrypted is ever put in a message.
   */
  async plain(value: string, type: PasswordEncryptType, field: string): Promise<string> {
    if (type === 'none') return value;
    const keys = await this.#load();
    const plain = type === 'rsa' ? rsaDecrypt(keys, value) : sm2Decrypt(keys, value);
    if (plain === undefined || plain === '') throw new EmulatorError(400, 'badCiphertext', { params: { field, type }, httpStatus: 400 });
    return plain;
  }
}
