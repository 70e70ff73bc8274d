import { describe, expect, it } from 'vitest';
import { rejection, sortedKeys } from './assertions.ts';
import { emulatorManagement, newUser, prismManagement, recordingFetch, recordingPrismManagement, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

const fieldKeys = ['dataType', 'key', 'label', 'options', 'targetType'];
const valueKeys = ['dataType', 'key', 'label', 'value'];

describe('udf (emulator): custom values', () => {
  it('setUdvBatch sets a user\'s values as they are and resolves all of them; listUdv reads them back typed', async () => {
    const { fetch, sent } = recordingFetch();
    const management = emulatorManagement(emulator(), { fetch });
    const user = await newUser(management, {}, { customData: { tier: 'gold' } });

    const all = await management.udf.setUdvBatch('USER', user.id, [
      { key: 'age', value: 18 },
      { key: 'vip', value: true },
      { key: 'school', value: 'pku' },
    ]);
    for (const item of all) expect(sortedKeys(item)).toEqual(valueKeys);
    expect(all).toEqual([
      { key: 'tier', dataType: 'STRING', value: 'gold', label: null },
      { key: 'age', dataType: 'NUMBER', value: 18, label: null },
      { key: 'vip', dataType: 'BOOLEAN', value: true, label: null },
      { key: 'school', dataType: 'STRING', value: 'pku', label: null },
    ]);
    expect(sent.find((request) => request.path === '/api/v3/set-custom-data')?.body).toEqual({
      targetType: 'USER',
      targetIdentifier: user.id,
      list: [{ key: 'age', value: 18 }, { key: 'vip', value: true }, { key: 'school', value: 'pku' }],
    });
    expect(await management.udf.listUdv('USER', user.id)).toEqual(all);
  });

  it('without a tenant, getCustomData is sent without tenantId (the official SDKs never send it)', async () => {
    const { fetch, sent } = recordingFetch();
    const management = emulatorManagement(emulator(), { fetch });
    const code = unique('udvgroup');
    await management.groups.create(code, 'With data');
    await management.udf.setUdvBatch('GROUP', code, [{ key: 'color', value: 'blue' }]);
    expect(await management.udf.listUdv('GROUP', code)).toEqual([{ key: 'color', dataType: 'STRING', value: 'blue', label: null }]);
    const read = sent.filter((request) => request.path === '/api/v3/get-custom-data').at(-1);
    expect(Object.fromEntries(read?.query ?? [])).toEqual({ targetType: 'GROUP', targetIdentifier: code });
  });

  it('an unknown user throws AuthingV2Error 2004; bad input fails validation before anything is sent', async () => {
    const { fetch, sent } = recordingFetch();
    const management = emulatorManagement(emulator(), { fetch });
    const error = await rejection(management.udf.listUdv('USER', 'no-such-user'));
    expect(error).toMatchObject({ code: 2004 });
    sent.length = 0;
    await expect(management.udf.setUdvBatch('USER', 'u1', [])).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.udf.setUdvBatch('USER', 'u1', [{ key: '', value: 1 }])).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.udf.listUdv('USER', '')).rejects.toMatchObject({ code: 'validation_error' });
    expect(sent).toEqual([]);
  });
});

describe('udf (Prism): field definitions', () => {
  it('list resolves v2 field definitions (v3 enum choices JSON-encoded in options)', async () => {
    const { management, sent } = recordingPrismManagement();
    const fields = await management.udf.list('USER');
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(sortedKeys(field)).toEqual(fieldKeys);
    expect(fields[0]).toEqual({ targetType: 'USER', dataType: 'STRING', key: 'school', label: '学校', options: JSON.stringify([{ value: 'pku', label: '北京大学' }]) });
    // v2's NODE is v3's DEPARTMENT.
    await management.udf.list('NODE');
    expect(sent.filter((request) => request.path === '/api/v3/get-custom-fields').map((request) => request.query.get('targetType'))).toEqual(['USER', 'DEPARTMENT']);
  });

  it('set sends one field definition and resolves it in v2\'s shape', async () => {
    const { management, sent } = recordingPrismManagement();
    const field = await management.udf.set('USER', 'school', 'STRING', '学校');
    expect(sortedKeys(field)).toEqual(fieldKeys);
    expect(field).toMatchObject({ targetType: 'USER', key: 'school', dataType: 'STRING', label: '学校' });
    expect(sent.find((request) => request.path === '/api/v3/set-custom-fields')?.body).toEqual({
      list: [{ targetType: 'USER', key: 'school', dataType: 'STRING', label: '学校' }],
    });
  });

  it('remove resolves v2\'s { code: 200, message }, with the client\'s tenant when it has one', async () => {
    const { management, sent } = recordingPrismManagement({ tenantId: 'tenant1' });
    expect(await management.udf.remove('ROLE', 'level')).toEqual({ code: 200, message: expect.any(String) });
    expect(sent.find((request) => request.path === '/api/v3/delete-custom-fields')?.body).toEqual({ list: [{ targetType: 'ROLE', key: 'level' }], tenantId: 'tenant1' });
  });

  it('remove without a tenant sends no tenantId', async () => {
    const { management, sent } = recordingPrismManagement();
    // Prism enforces the document's (wrongly) required tenantId with a 422; what was sent is the point.
    await management.udf.remove('USER', 'school').catch(() => undefined);
    expect(sent.find((request) => request.path === '/api/v3/delete-custom-fields')?.body).toEqual({ list: [{ targetType: 'USER', key: 'school' }] });
  });

  it('listUdv of a role reads its custom data by code, with the client\'s tenant', async () => {
    const { management, sent } = recordingPrismManagement({ tenantId: 'tenant1' });
    const values = await management.udf.listUdv('ROLE', 'role1');
    expect(values).toEqual([
      { key: 'age', dataType: 'NUMBER', value: 18, label: null },
      { key: 'school', dataType: 'STRING', value: 'pku', label: null },
    ]);
    expect(Object.fromEntries(sent.find((request) => request.path === '/api/v3/get-custom-data')?.query ?? [])).toEqual({ targetType: 'ROLE', targetIdentifier: 'role1', tenantId: 'tenant1' });
  });

  it.each([
    ['ORG', () => prismManagement().udf.list('ORG'), 'targetType'],
    ['APPLICATION', () => prismManagement().udf.listUdv('APPLICATION', 'app1'), 'targetType'],
    ['OBJECT fields', () => prismManagement().udf.set('USER', 'profile', 'OBJECT', 'Profile'), 'dataType'],
  ])('%s: no v3 custom fields there, a validation_error', async (_name, call, field) => {
    const error = await rejection(call());
    expect(error).toMatchObject({ code: 'validation_error', message: expect.stringContaining(field) });
  });
});
