import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError, createClient, defineOperation } from '../src/index.ts';
import { createNodeFetch } from '../src/node.ts';

let server: Server;
let host: string;
let cert: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'authing-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: 200, message: 'ok', data: { method: req.method } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const createRole = defineOperation<{ code: string }, { method: string }>({ name: 'createRole', method: 'POST', path: '/api/v3/create-role', required: ['code'] });

describe('createNodeFetch (private deployments with self-signed TLS)', () => {
  it('rejects a self-signed certificate by default', async () => {
    await expect(createRole(createClient({ host, retries: 0 }), { code: 'a' })).rejects.toBeInstanceOf(NetworkError);
    await expect(createRole(createClient({ host, fetch: createNodeFetch() }), { code: 'a' })).rejects.toBeInstanceOf(NetworkError);
  });

  it('accepts it for one client only with rejectUnauthorized: false, or with the CA', async () => {
    const insecure = createClient({ host, fetch: createNodeFetch({ rejectUnauthorized: false }), throwOnError: true });
    expect(await createRole(insecure, { code: 'a' })).toEqual({ method: 'POST' });
    const pinned = createClient({ host, fetch: createNodeFetch({ ca: cert }), throwOnError: true });
    expect(await createRole(pinned, { code: 'a' })).toEqual({ method: 'POST' });
    // the rest of the process still verifies
    await expect(createRole(createClient({ host, retries: 0 }), { code: 'a' })).rejects.toBeInstanceOf(NetworkError);
    await expect(fetch(host)).rejects.toThrow();
  });
});
