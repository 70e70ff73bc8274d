import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError, createClient, defineOperation } from '../src/index.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

const createUser = defineOperation<{ email: string; name?: string }, unknown>({ name: 'createUser', method: 'POST', path: '/api/v3/create-user', required: ['email'] });
const getUser = defineOperation<{ userId: string }, unknown>({ name: 'getUser', method: 'GET', path: '/api/v3/get-user', required: ['userId'] });
const remove = defineOperation<{ id: string }, unknown>({ name: 'deleteIpList', method: 'DELETE', path: '/api/v3/ip-list/{id}', pathParams: ['id'], required: ['id'] });

describe('bad input is rejected before anything is sent', () => {
  it('missing required fields, non-object input, empty path parameters', async () => {
    server = await startServer((_req, res) => json(res, ok({})));
    const client = createClient({ host: server.url });
    const cases: Array<[Promise<unknown>, string | undefined]> = [
      [createUser(client, {} as { email: string }), 'email'],
      [createUser(client, { email: null } as unknown as { email: string }), 'email'],
      [createUser(client, 'alice' as unknown as { email: string }), undefined],
      [createUser(client, [] as unknown as { email: string }), undefined],
      [remove(client, { id: '' }), 'id'],
      [getUser(client, { userId: '' }), 'userId'],
      [remove(client, { id: { $ne: 1 } } as unknown as { id: string }), 'id'],
    ];
    for (const [promise, field] of cases) {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect((error as ValidationError).code).toBe('validation_error');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('invalid client options', () => {
    expect(() => createClient({ host: 'ftp://api.authing.cn' })).toThrow(ValidationError);
    expect(() => createClient({ host: 'http://api.authing.cn' })).toThrow(/https/);
    expect(() => createClient({ host: 'https://api.authing.cn?x=1' })).toThrow(ValidationError);
    expect(() => createClient({ host: 'https://api.authing.cn', timeout: -1 })).toThrow(/timeout/);
    expect(() => createClient({ host: 'https://api.authing.cn', retries: 1.5 })).toThrow(/retries/);
    expect(() => createClient({ host: 'https://api.authing.cn', headers: { nope: 'x' } as never })).toThrow(/headers\.nope/);
  });

  it('normalises hosts', () => {
    const host = (h: string) => createClient({ host: h }).host;
    expect(host('api.authing.cn')).toBe('https://api.authing.cn');
    expect(host('https://core.example.com///')).toBe('https://core.example.com');
    expect(host('https://idp.example.com/authing/')).toBe('https://idp.example.com/authing');
    expect(host('http://localhost:3000')).toBe('http://localhost:3000');
    expect(host('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(host('HTTPS://API.AUTHING.CN')).toBe('https://api.authing.cn');
  });
});
