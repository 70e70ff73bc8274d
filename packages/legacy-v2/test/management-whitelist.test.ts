import { describe, expect, it } from 'vitest';
import { AuthingV2Error } from '../src/index.ts';
import { prismManagement, warningsCollector } from './servers.ts';

const entryKeys = ['createdAt', 'updatedAt', 'value'];

/** A Prism-backed client that also records the bodies it sends (the bootstrap token as `servers.ts` does). */
function recordingPrism() {
  const sent: { path: string; query: URLSearchParams; body: unknown }[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname === '/api/v3/get-management-token' && !request.headers.has('authorization')) {
      request.headers.set('authorization', 'Bearer contract-test-bootstrap');
    }
    const text = request.method === 'GET' ? '' : await request.clone().text();
    sent.push({ path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined });
    return fetch(request);
  };
  return { management: prismManagement({ fetch: recording }), sent };
}

// The emulator has no whitelist endpoints: every method runs against Prism.
describe('whitelist (Prism)', () => {
  it('list resolves v2 entries (the document\'s single entry read as a list)', async () => {
    const { management, sent } = recordingPrism();
    const entries = await management.whitelist.list('EMAIL');
    expect(entries).toEqual([{ createdAt: '65589653369', updatedAt: null, value: 'User' }]);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(entryKeys);
    expect(sent.find((request) => request.path === '/api/v3/list-whitelist')?.query.get('type')).toBe('EMAIL');
  });

  it('add sends the entries and resolves v2 entries; one string is taken as v2\'s own docs pass it', async () => {
    const { management, sent } = recordingPrism();
    const added = await management.whitelist.add('EMAIL', ['a@example.com', 'b@example.com']);
    for (const entry of added) expect(Object.keys(entry).sort()).toEqual(entryKeys);
    expect(added[0]).toMatchObject({ value: expect.any(String), updatedAt: null });
    await management.whitelist.add('PHONE', '13800000000' as unknown as string[]);
    expect(sent.filter((request) => request.path === '/api/v3/add-whitelist').map((request) => request.body)).toEqual([
      { type: 'EMAIL', list: ['a@example.com', 'b@example.com'] },
      { type: 'PHONE', list: ['13800000000'] },
    ]);
  });

  it('remove sends the entries and resolves them as v2 entries', async () => {
    const { management, sent } = recordingPrism();
    expect(await management.whitelist.remove('USERNAME', ['alice'])).toEqual([{ createdAt: null, updatedAt: null, value: 'alice' }]);
    expect(sent.find((request) => request.path === '/api/v3/delete-whitelist')?.body).toEqual({ type: 'USERNAME', list: ['alice'] });
  });

  it('a bad type or an empty list fails validation before anything is sent', async () => {
    const { management, sent } = recordingPrism();
    await expect(management.whitelist.list('NAME' as 'EMAIL')).rejects.toMatchObject({ name: 'AuthingV2Error', code: 'validation_error' });
    await expect(management.whitelist.add('EMAIL', [])).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.whitelist.remove('EMAIL', [''])).rejects.toMatchObject({ code: 'validation_error' });
    expect(sent).toEqual([]);
  });

  it('warns once per method, naming the v3 replacement', async () => {
    const collector = warningsCollector();
    const management = prismManagement({ deprecationWarnings: collector.deprecationWarnings });
    await management.whitelist.list('PHONE');
    await management.whitelist.list('PHONE');
    expect(collector.warnings.map(({ method, replacement }) => [method, replacement])).toEqual([['whitelist.list', 'ManagementClient.listWhitelists() from @authing/management']]);
  });

  it.each(['enable', 'disable'] as const)('%s has no v3 equivalent and says so', async (method) => {
    const error = await prismManagement().whitelist[method]('EMAIL').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthingV2Error);
    expect(error).toMatchObject({ code: 501, message: expect.stringContaining(`whitelist.${method}()`) });
  });
});
