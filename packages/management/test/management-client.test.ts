import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ManagementClient, ValidationError, createManagementClient, type Envelope, type UserPagingDto } from '../src/index.ts';
import { listUsers } from '../src/resources/users.ts';
import { createRole } from '../src/resources/roles.ts';

interface Seen {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
let close: (() => void) | undefined;
afterEach(() => close?.());

/** A tiny local stand-in for the Authing API: the token endpoint plus echo. */
async function authing(): Promise<{ host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ url: req.url ?? '', headers: req.headers, body });
    res.setHeader('content-type', 'application/json');
    if (req.url === '/api/v3/get-management-token') {
      return res.end(JSON.stringify({ statusCode: 200, message: '', data: { access_token: 'tok-1', expires_in: 7200 } }));
    }
    if (req.url === '/api/v3/list-users') {
      return res.end(JSON.stringify({ statusCode: 200, message: '', data: { totalCount: 1, list: [{ userId: 'u1' }] } }));
    }
    res.end(JSON.stringify({ statusCode: 400, apiCode: 2004, message: 'user not found', requestId: 'rid' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return { host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('ManagementClient', () => {
  it('calls endpoints as methods with the management token, and returns the envelope', async () => {
    const { host, seen } = await authing();
    const management = new ManagementClient({ accessKeyId: 'pool-1', accessKeySecret: 'secret-1', host, lang: 'en-US', tenantId: 't-1' });
    const res = await management.listUsers({ options: { pagination: { page: 1, limit: 10 } } });
    expectTypeOf(res).toEqualTypeOf<Envelope<UserPagingDto>>();
    expect(res).toEqual({ statusCode: 200, message: '', data: { totalCount: 1, list: [{ userId: 'u1' }] } });
    const call = seen.find((s) => s.url === '/api/v3/list-users')!;
    expect(call.headers).toMatchObject({
      authorization: 'Bearer tok-1',
      'x-authing-userpool-id': 'pool-1',
      'x-authing-lang': 'en-US',
      'x-authing-app-tenant-id': 't-1',
    });
    expect(JSON.parse(call.body)).toEqual({ options: { pagination: { page: 1, limit: 10 } } });
  });

  it('throws ApiError with throwOnError, and its SDK messages follow lang', async () => {
    const { host } = await authing();
    const management = new ManagementClient({ accessKeyId: 'pool-2', accessKeySecret: 'secret-2', host, lang: 'zh-CN', throwOnError: true });
    await expect(management.createRole({ code: 'admin' })).rejects.toMatchObject({ name: 'ApiError', apiCode: 2004, requestId: 'rid' });
    await expect(management.createRole({} as { code: string })).rejects.toThrow('createRole：缺少必填参数 `code`');
  });

  it('works the same through the tree-shakeable functions', async () => {
    const { host, seen } = await authing();
    const client = createManagementClient({ accessKeyId: 'pool-3', accessKeySecret: 'secret-3', host, throwOnError: true });
    const data = await listUsers(client, {});
    expectTypeOf(data).toEqualTypeOf<UserPagingDto>();
    expect(data.list).toEqual([{ userId: 'u1' }]);
    await expect(createRole(client, { code: 'x' })).rejects.toMatchObject({ apiCode: 2004 });
    expect(seen.filter((s) => s.url === '/api/v3/get-management-token')).toHaveLength(1);
  });

  it('signs requests instead when asked', async () => {
    const { host, seen } = await authing();
    const management = new ManagementClient({ accessKeyId: 'pool-4', accessKeySecret: 'secret-4', host, requestSigning: true });
    await management.listUsers({});
    expect(seen.map((s) => s.url)).toEqual(['/api/v3/list-users']);
    expect(seen[0]?.headers.authorization).toMatch(/^authing pool-4:[A-Za-z0-9+/]+=*$/);
  });

  it('rejects bad options before anything is sent, without echoing the secret', () => {
    expect(() => new ManagementClient({ accessKeyId: '', accessKeySecret: 'x' })).toThrow(ValidationError);
    expect(() => new ManagementClient({ accessKeyId: 'x' } as never)).toThrow(/accessKeySecret/);
    const error = (() => {
      try {
        return new ManagementClient({ accessKeyId: 'a', accessKeySecret: 'super-secret-value', host: 'http://authing.example.com' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).not.toContain('super-secret-value');
    expect(() => new ManagementClient({ accessKeyId: 'a', accessKeySecret: 'b', rejectUnauthorized: false })).toThrow(/@authing\/management\/node/);
  });

  it('defaults to the public cloud host', () => {
    expect(createManagementClient({ accessKeyId: 'a', accessKeySecret: 'b' }).host).toBe('https://api.authing.cn');
  });
});
