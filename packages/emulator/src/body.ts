import type { IncomingMessage } from 'node:http';

/** Authing's documented limit for a request body. */
export const maxBodyBytes: number = 1024 * 1024;

// Past the limit the rest is still read (and dropped) so that the client gets
// the 413 answer instead of a reset connection; beyond this it is cut off.
const maxDrainBytes = 64 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/** Reads a request body up to `maxBodyBytes`, without ever buffering more. */
export function readBody(request: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > maxBodyBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (size > maxDrainBytes) {
        settle({ ok: false, reason: 'too-large' });
        request.destroy();
      }
    });
    request.on('end', () => settle(tooLarge ? { ok: false, reason: 'too-large' } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => settle({ ok: false, reason: 'aborted' }));
    request.on('close', () => settle(tooLarge ? { ok: false, reason: 'too-large' } : { ok: false, reason: 'aborted' }));
  });
}
