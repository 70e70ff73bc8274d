import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * RFC 6238 TOTP as authenticator apps compute it: HMAC-SHA1 over the 30-second
 * step counter (RFC 4226 HOTP with dynamic truncation), 6 digits, the secret
 * shared as RFC 4648 base32 without padding.
 */
export const totpPeriod: number = 30;
export const totpDigits: number = 6;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding; undefined on any other character. */
export function base32Decode(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The HOTP value of `key` at `counter`, zero-padded. */
export function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** totpDigits).padStart(totpDigits, '0');
}

/** The step counter at `timeMs`. */
export function totpStep(timeMs: number = Date.now()): number {
  return Math.floor(timeMs / 1000 / totpPeriod);
}

/** The code of a base32 secret at `timeMs`. */
export function totpAt(secret: string, timeMs: number = Date.now()): string {
  return hotp(base32Decode(secret) ?? Buffer.alloc(0), totpStep(timeMs));
}

/**
 * True when `code` is the secret's code for the current step or one step
 * either side (RFC 6238 §5.2: one step of network delay and clock drift).
 */
export function verifyTotp(secret: string, code: string, timeMs: number = Date.now(), window = 1): boolean {
  const key = base32Decode(secret);
  if (!key || !/^\d{6}$/.test(code)) return false;
  const step = totpStep(timeMs);
  let ok = false;
  // Every candidate is compared, so the time taken does not reveal which step matched.
  for (let delta = -window; delta <= window; delta++) {
    const expected = Buffer.from(hotp(key, step + delta));
    if (timingSafeEqual(expected, Buffer.from(code))) ok = true;
  }
  return ok;
}

/** The `otpauth://` URI authenticator apps scan (Google Authenticator's Key Uri Format). */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret, period: String(totpPeriod), digits: String(totpDigits), algorithm: 'SHA1', issuer });
  return `otpauth://totp/${label}?${query.toString()}`;
}
