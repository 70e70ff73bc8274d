import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { management, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  await emulator.stop();
});

describe('custom data', () => {
  it('sets and reads a user\'s and a group\'s custom data, key by key', async () => {
    const mgmt = management(emulator);
    const created = await mgmt.createUser({ username: 'cd-user', password: 'cd-user-pw', customData: { tier: 'silver', region: 'cn' } });
    if (created.statusCode !== 200) throw new Error(created.message);
    const userId = created.data.userId;

    expect(await mgmt.setCustomData({ targetType: 'USER', targetIdentifier: userId, list: [{ key: 'tier', value: 'gold' }] })).toMatchObject({ statusCode: 200, data: { success: true } });
    // The spec makes tenantId required on this read; the emulator ignores it.
    expect(await mgmt.getCustomData({ tenantId: 'default', targetType: 'USER', targetIdentifier: userId })).toMatchObject({ statusCode: 200, data: { tier: 'gold', region: 'cn' } });

    await mgmt.createGroup({ code: 'cd-group', name: 'CD', description: 'custom data group', type: 'static' });
    await mgmt.setCustomData({ targetType: 'GROUP', targetIdentifier: 'cd-group', list: [{ key: 'color', value: 'blue' }] });
    expect(await mgmt.getCustomData({ tenantId: 'default', targetType: 'GROUP', targetIdentifier: 'cd-group' })).toMatchObject({ data: { color: 'blue' } });
  });

  it('answers 2004 for an unknown user, 400 naming a bad field, and 501 for target types it does not emulate', async () => {
    const mgmt = management(emulator);
    expect(await mgmt.getCustomData({ tenantId: 'default', targetType: 'USER', targetIdentifier: 'nobody' })).toMatchObject({ apiCode: 2004 });
    await expect(mgmt.setCustomData({ targetType: 'USER', targetIdentifier: 'x', list: [{ value: 'v' } as never] })).rejects.toMatchObject({
      name: 'HttpError',
      status: 400,
      message: expect.stringContaining('list[0].key'),
    });
    await expect(mgmt.getCustomData({ tenantId: 'default', targetType: 'ROLE', targetIdentifier: 'admin' })).rejects.toMatchObject({ name: 'HttpError', status: 501 });
  });
});
