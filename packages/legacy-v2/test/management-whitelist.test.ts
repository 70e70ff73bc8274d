import { describe, expect, it } from 'vitest';
import { expectUnsupported, sortedKeys } from './assertions.ts';
import { prismManagement, recordingFetch, recordingPrismManagement, warningsCollector } from './servers.ts';

const entryKeys = ['createdAt', 'updatedAt', 'value'];

// The emulator has no whitelist endpoints: every method runs against Prism.
describe('whitelist (Prism)', () => {
  it('list resolves v2 entries (the document\'s single entry read as a list)', async () => {
    const { management, sent } = recordingPrismManagement();
    const entries = await management.whitelist.list('EMAIL');
    expect(entries).toEqual([{ createdAt: '65589653369', updatedAt: null, value: 'User' }]);
    for (const entry of entries) expect(sortedKeys(entry)).toEqual(entryKeys);
    expect(sent.find((request) => request.path === '/api/v3/list-whitelist')?.query.get('type')).toBe('EMAIL');
  });

  it('add sends the entries and resolves v2 entries; one string is taken as v2\'s own docs pass it', async () => {
    const { management, sent } = recordingPrismManagement();
    const added = await management.whitelist.add('EMAIL', ['a@example.com', 'b@example.com']);
    for (const entry of added) expect(sortedKeys(entry)).toEqual(entryKeys);
    expect(added[0]).toMatchObject({ value: expect.any(String), updatedAt: null });
    await management.whitelist.add('PHONE', '13800000000' as unknown as string[]);
    expect(sent.filter((request) => request.path === '/api/v3/add-whitelist').map((request) => request.body)).toEqual([
      { type: 'EMAIL', list: ['a@example.com', 'b@example.com'] },
      { type: 'PHONE', list: ['13800000000'] },
    ]);
  });

  it('remove sends the entries and resolves them as v2 entries', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.whitelist.remove('USERNAME', ['alice'])).toEqual([{ createdAt: null, updatedAt: null, value: 'alice' }]);
    expect(sent.find((request) => request.path === '/api/v3/delete-whitelist')?.body).toEqual({ type: 'USERNAME', list: ['alice'] });
  });

  it('a bad type or an empty list fails validation before anything is sent', async () => {
    // Every request recorded, the management token's too: none may be sent.
    const { fetch, sent } = recordingFetch();
    const management = prismManagement({ fetch });
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
    await expectUnsupported(prismManagement().whitelist[method]('EMAIL'), `whitelist.${method}`);
  });
});
