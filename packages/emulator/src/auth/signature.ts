import { createHmac } from 'node:crypto';
import { stringToSign } from '@authing/core';
import { paramsOf, type RequestContext } from '../context.ts';
import { ApiCode, EmulatorError } from '../errors.ts';
import type { MessageKey } from '../messages.ts';
import { sameSecret, secretOf } from './management.ts';

/** Authing rejects a `date` more than 15 minutes from its clock. */
const maxSkewMs = 15 * 60_000;

function reject(apiCode: number): EmulatorError {
  return new EmulatorError(401, `sig${apiCode}` as MessageKey, { apiCode, httpStatus: 401 });
}

/** A `date` header: RFC 1123, as authing-node-sdk sends it, or Unix milliseconds, as authing-java-sdk did. */
function parseDate(value: string): number | undefined {
  if (/^\d{10,}$/.test(value)) return Number(value);
  // Date.parse accepts many shapes; require the RFC 1123 one the SDKs send.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The parameters as the client signed them. The SDK signs its input object
 * before encoding it: for GET, query values that were arrays are JSON text,
 * numbers are digits, and those print the same from the decoded query string.
 */
function signedParams(context: RequestContext): Record<string, unknown> {
  const params = paramsOf(context);
  if (context.method !== 'GET' && context.method !== 'DELETE') return { ...params };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = value;
  return out;
}

function candidates(context: RequestContext, headers: Array<[string, string]>): string[] {
  const params = signedParams(context);
  const text = stringToSign(context.method, headers, context.path, params);
  const out = [text];
  // A body whose fields were all undefined is sent as `{}` but signed with a
  // trailing `?` (authing-node-sdk's quirk, which the SDK reproduces).
  if (Object.keys(params).length === 0) out.push(`${text}?`);
  // A one-element array arrives in a query string as a bare value, but was signed as `["x"]`.
  if (context.method === 'GET' || context.method === 'DELETE') {
    const asArrays = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? [value] : value]));
    for (const key of Object.keys(params)) {
      if (typeof params[key] === 'string') out.push(stringToSign(context.method, headers, context.path, { ...params, [key]: asArrays[key] }));
    }
  }
  return out;
}

/** Checks an AK/SK-signed request in the order Authing documents its codes. */
export function verifySignature(context: RequestContext, authorization: string): void {
  const match = /^authing ([^:\s]+):(\S+)$/i.exec(authorization);
  if (!match) throw reject(ApiCode.badSignature);
  const [, accessKeyId, signature] = match as unknown as [string, string, string];
  const secret = secretOf(context, accessKeyId);
  if (secret === undefined) throw reject(ApiCode.badSignature);

  const get = (name: string) => {
    const value = context.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  if (get('x-authing-signature-method') !== 'HMAC-SHA1') throw reject(ApiCode.signatureMethod);
  if (get('x-authing-signature-version') !== '1.0') throw reject(ApiCode.signatureVersion);
  const date = get('date');
  if (date === undefined || date === '') throw reject(ApiCode.missingDate);
  const time = parseDate(date);
  if (time === undefined) throw reject(ApiCode.badDate);
  if (Math.abs(Date.now() - time) > maxSkewMs) throw reject(ApiCode.clockSkew);
  const nonce = get('x-authing-signature-nonce');
  if (!nonce) throw reject(ApiCode.badSignature);

  // The signed headers: every x-authing-* header and date, as the client sent them.
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(context.headers)) {
    if ((name.startsWith('x-authing-') || name === 'date') && value !== undefined) {
      headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
    }
  }
  const valid = candidates(context, headers).some((text) =>
    sameSecret(createHmac('sha1', secret).update(text, 'utf8').digest('base64'), signature),
  );
  if (!valid) throw reject(ApiCode.badSignature);

  // Checked only after the signature, so a forger cannot burn someone's nonces.
  const { nonces } = context.services;
  const now = Date.now();
  if ((nonces.get(nonce) ?? 0) > now) throw reject(ApiCode.nonceReplay);
  // Kept for the whole window in which its date would still be accepted.
  nonces.set(nonce, time + maxSkewMs + 60_000);
  if (nonces.size > 10_000) {
    for (const [key, until] of nonces) if (until <= now) nonces.delete(key);
  }
}
