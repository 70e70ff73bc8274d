import { describe, expect, it, vi } from 'vitest';
import { ManagementClient } from '../src/index.ts';
import { prismManagement, seed, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

/**
 * The management snippets of Authing's v2 docs, translated to TypeScript and run unchanged
 * against the emulator (only `host` is added: the docs' default is the public cloud).
 */
describe('v2 docs snippets: ManagementClient', () => {
  it('new ManagementClient({ userPoolId, secret }) then users.list() resolves { totalCount, list }', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const managementClient = new ManagementClient({
        userPoolId: seed.userPoolId,
        secret: seed.secret,
        host: emulator().url,
      });
      const created = await managementClient.users.create({ username: unique('docs'), password: 'passw0rd!' });
      const { totalCount, list } = await managementClient.users.list();
      expect(totalCount).toBeGreaterThanOrEqual(1);
      expect(list.map((user) => user.id)).toContain(created.id);
      // The default is one warning per method, printed, naming the v3 replacement.
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining('users.create() is deprecated; use ManagementClient.createUser() from @authing/management'),
        expect.stringContaining('users.list() is deprecated; use ManagementClient.listUsers() from @authing/management'),
      ]);
      await managementClient.users.list();
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it("roles.create('code', '角色名称') creates a role in the pool", async () => {
    const managementClient = new ManagementClient({ userPoolId: seed.userPoolId, secret: seed.secret, host: emulator().url, deprecationWarnings: false });
    const code = unique('docs-role');
    const role = await managementClient.roles.create(code, '角色名称');
    expect(role).toMatchObject({ code, description: '角色名称', namespace: 'default' });
    expect(await managementClient.roles.detail(code)).toMatchObject({ code, description: '角色名称' });
  });

  it('userpool.update({ registerDisabled: true }) (Prism: the emulator has no security settings)', async () => {
    const managementClient = prismManagement();
    const userpool = await managementClient.userpool.update({ registerDisabled: true });
    expect(userpool).toHaveProperty('registerDisabled');
    expect(typeof userpool.registerDisabled).toBe('boolean');
  });

  it('the v2 error path: code 2004 "user does not exist", onError called first with (code, message, data)', async () => {
    const seen: unknown[][] = [];
    const managementClient = new ManagementClient({
      userPoolId: seed.userPoolId,
      secret: seed.secret,
      host: emulator().url,
      onError: (code, message, data) => seen.push([code, message, data]),
      deprecationWarnings: false,
    });
    const error = await managementClient.users.detail('no-such-user-id').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AuthingV2Error', code: 2004, apiCode: 2004, statusCode: 404 });
    expect(seen).toEqual([[2004, (error as Error).message, (error as { data: unknown }).data]]);
    expect((error as { requestId?: string }).requestId).toEqual(expect.any(String));
  });

  it('silenced warnings print nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const managementClient = new ManagementClient({ userPoolId: seed.userPoolId, secret: seed.secret, host: emulator().url, deprecationWarnings: false });
      // A method no other test here calls, so that a broken silencing would print its first warning now.
      await managementClient.users.delete('also-missing').catch(() => {});
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
