import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { EmulatorError } from './errors.ts';
import { message, type Lang } from './messages.ts';

/** A request id in Authing's style (32 hex characters), on every answer. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

/** The v3 envelope `{ statusCode, message, apiCode?, requestId, data }`. */
export interface Envelope {
  statusCode: number;
  message: string;
  apiCode?: number;
  requestId: string;
  data?: unknown;
}

export function success(requestId: string, data: unknown): Envelope {
  return { statusCode: 200, message: '', requestId, ...(data === undefined ? {} : { data }) };
}

export function failure(requestId: string, error: EmulatorError, lang: Lang): Envelope {
  return {
    statusCode: error.statusCode,
    message: message(error.key, lang, error.params),
    ...(error.apiCode === undefined ? {} : { apiCode: error.apiCode }),
    requestId,
    ...(error.data === undefined ? {} : { data: error.data }),
  };
}

/** Writes a JSON answer; `connection: close` when the request body was not read to its end. */
export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}
