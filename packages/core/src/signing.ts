import { base64, randomHex } from './base64.ts';
import type { AuthContext, Authenticator, HeaderKey } from './client.ts';

/** One header value as authing-node-sdk 4 canonicalises it. */
function canonicalValue(value: string): string {
  return value.replace(/[\t\n\r\f]/g, ' ').trim();
}

function paramValue(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * The string that AK/SK signing covers, byte-compatible with authing-node-sdk 4:
 * `METHOD\n`, then each signed header as `name:value\n` sorted by name, then the
 * path, then `?k=v&…` over the sorted parameters (query for GET, body
 * otherwise), unencoded, with objects as JSON and `undefined` skipped.
 */
export function stringToSign(
  method: string,
  headers: ReadonlyArray<readonly [string, string]>,
  path: string,
  params: Readonly<Record<string, unknown>> | undefined,
): string {
  const canonicalHeaders = [...headers]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${canonicalValue(value)}\n`)
    .join('');
  let resource = path;
  // authing-node-sdk tests for keys before dropping undefined values, so an
  // object of undefined values still yields a trailing "?"; the server expects that.
  if (params && Object.keys(params).length > 0) {
    resource += `?${Object.keys(params)
      .sort()
      .filter((key) => params[key] !== undefined)
      .map((key) => `${key}=${paramValue(params[key])}`)
      .join('&')}`;
  }
  return `${method.toUpperCase()}\n${canonicalHeaders}${resource}`;
}

/** HMAC-SHA1 of the string to sign, base64, with WebCrypto. */
export async function hmacSha1Base64(secret: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  return base64(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
}

const renamable: HeaderKey[] = ['userpool-id', 'app-id', 'tenant-id', 'lang', 'sdk-version', 'request-from'];

/**
 * Opt-in management authentication compatible with authing-node-sdk 4: every
 * attempt, retries included, is signed with a fresh nonce and date.
 */
export function requestSigningAuth(credentials: { accessKeyId: string; accessKeySecret: string }): Authenticator {
  return {
    async authorize(request: Request, context: AuthContext) {
      request.headers.set('x-authing-signature-nonce', randomHex(16));
      request.headers.set('x-authing-signature-method', 'HMAC-SHA1');
      request.headers.set('x-authing-signature-version', '1.0');
      request.headers.set('date', new Date().toUTCString());
      const renamed = new Set(renamable.map((key) => context.client.headerName(key)));
      const signed: Array<[string, string]> = [];
      request.headers.forEach((value, name) => {
        if (name.startsWith('x-authing-') || name === 'date' || renamed.has(name)) signed.push([name, value]);
      });
      const params = context.query ?? context.body;
      const text = stringToSign(request.method, signed, context.path, params);
      const signature = await hmacSha1Base64(credentials.accessKeySecret, text);
      request.headers.set('authorization', `authing ${credentials.accessKeyId}:${signature}`);
    },
  };
}
