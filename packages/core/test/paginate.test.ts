import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError, createClient, defineOperation, paginate, type ListData } from '../src/index.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

const total = 23;
const items = Array.from({ length: total }, (_, i) => ({ userId: `u${i + 1}` }));

async function pool() {
  return startServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let page: number;
    let limit: number;
    if (req.method === 'GET') {
      page = Number(url.searchParams.get('page'));
      limit = Number(url.searchParams.get('limit'));
    } else {
      const body = JSON.parse(req.body) as { options: { pagination: { page: number; limit: number } }; keywords: string };
      ({ page, limit } = body.options.pagination);
      if (body.keywords !== 'a') return json(res, { statusCode: 400, message: 'keywords lost' });
    }
    json(res, ok({ totalCount: total, list: items.slice((page - 1) * limit, page * limit) }));
  });
}

type User = { userId: string };
const listRoles = defineOperation<{ page?: number; limit?: number }, ListData<User>>({ name: 'listRoles', method: 'GET', path: '/api/v3/list-roles', safe: true, paging: 'query' });
const listUsers = defineOperation<{ keywords?: string; options?: { pagination?: { page?: number; limit?: number } } }, ListData<User>>({
  name: 'listUsers',
  method: 'POST',
  path: '/api/v3/list-users',
  safe: true,
  paging: 'options',
});

describe('paginate', () => {
  it('walks query-paged endpoints item by item and stops at the last page', async () => {
    server = await pool();
    const client = createClient({ host: server.url });
    const seen: string[] = [];
    for await (const user of paginate(listRoles, client, {}, { maxItems: 1000, pageSize: 10 })) seen.push(user.userId);
    expect(seen).toEqual(items.map((u) => u.userId));
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v3/list-roles?page=1&limit=10',
      '/api/v3/list-roles?page=2&limit=10',
      '/api/v3/list-roles?page=3&limit=10',
    ]);
  });

  it('stops at maxItems and exposes raw pages; options.pagination paging keeps other input', async () => {
    server = await pool();
    const client = createClient({ host: server.url });
    const pages = [];
    for await (const page of paginate(listUsers, client, { keywords: 'a' }, { maxItems: 12, pageSize: 5 }).pages()) pages.push(page);
    expect(pages.map((p) => [p.page, p.items.length, p.totalCount])).toEqual([
      [1, 5, 23],
      [2, 5, 23],
      [3, 2, 23],
    ]);
    expect(pages[0]?.envelope.data.list).toHaveLength(5);
  });

  it('requires maxItems and a paged endpoint, and throws ApiError on failure', async () => {
    server = await pool();
    const client = createClient({ host: server.url });
    expect(() => paginate(listRoles, client, {}, {} as { maxItems: number })).toThrow(ValidationError);
    const notPaged = defineOperation<object, ListData<User>>({ name: 'getUser', method: 'GET', path: '/x' });
    expect(() => paginate(notPaged, client, {}, { maxItems: 1 })).toThrow(/getUser/);
    const iterator = paginate(listUsers, client, { keywords: 'b' }, { maxItems: 5 });
    await expect((async () => { for await (const _ of iterator) void _; })()).rejects.toMatchObject({ name: 'ApiError', statusCode: 400 });
  });
});
