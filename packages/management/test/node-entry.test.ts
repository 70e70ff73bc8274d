import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManagementClient as PlainClient } from '../src/index.ts';
import { ManagementClient } from '../src/node.ts';

describe('@authing/management/node', () => {
  it('honours rejectUnauthorized: false for that client only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authing-mgmt-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
    const server = createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      const data = req.url === '/api/v3/get-management-token' ? { access_token: 't', expires_in: 60 } : { totalCount: 0, list: [] };
      res.end(JSON.stringify({ statusCode: 200, message: '', data }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const insecure = new ManagementClient({ accessKeyId: 'tls-1', accessKeySecret: 's', host, rejectUnauthorized: false });
      expect(await insecure.listUsers({})).toMatchObject({ statusCode: 200, data: { totalCount: 0 } });
      const strict = new ManagementClient({ accessKeyId: 'tls-2', accessKeySecret: 's', host, retries: 0 });
      await expect(strict.listUsers({})).rejects.toMatchObject({ name: 'NetworkError' });
      const plain = new PlainClient({ accessKeyId: 'tls-3', accessKeySecret: 's', host, retries: 0 });
      await expect(plain.listUsers({})).rejects.toMatchObject({ name: 'NetworkError' });
    } finally {
      server.close();
    }
  });
});
