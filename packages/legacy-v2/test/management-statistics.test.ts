import { describe, expect, it } from 'vitest';
import { rejection } from './assertions.ts';
import { prismUserActionLog, recordingPrismManagement } from './servers.ts';

describe('statistics.listUserActions (Prism)', () => {
  it('resolves { totalCount, list } of v2 UserLogsInfo', async () => {
    const { management } = recordingPrismManagement();
    const { totalCount, list } = await management.statistics.listUserActions();
    expect(totalCount).toBe(1);
    expect(list).toEqual([prismUserActionLog]);
  });

  it('sends v2 filters as v3 ones: action name → event type, one user, one app, page', async () => {
    const { management, sent } = recordingPrismManagement();
    const { list } = await management.statistics.listUserActions({
      clientIp: '127.0.0.1',
      operationNames: ['updatePassword'],
      userIds: ['u1'],
      appIds: ['app1'],
      start: 1_600_000_000_000,
      end: 1_700_000_000_000,
      page: 2,
      limit: 5,
      excludeNonAppRecords: true,
    });
    expect(list).toHaveLength(1);
    expect(sent.find((request) => request.path === '/api/v3/get-user-action-logs')?.body).toEqual({
      clientIp: '127.0.0.1',
      eventType: 'updateUserPassword',
      userId: 'u1',
      appId: 'app1',
      start: 1_600_000_000_000,
      end: 1_700_000_000_000,
      pagination: { page: 2, limit: 5 },
    });
  });

  it('refuses several users (v3 filters by one) before sending anything', async () => {
    const { management, sent } = recordingPrismManagement();
    const error = await rejection(management.statistics.listUserActions({ userIds: ['u1', 'u2'] }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('userIds');
    expect(sent).toEqual([]);
  });
});

describe('statistics.listAuditLogs (Prism)', () => {
  it('resolves { totalCount, list } of v2 AdminLogsInfo', async () => {
    const { management } = recordingPrismManagement();
    const { totalCount, list } = await management.statistics.listAuditLogs();
    expect(totalCount).toBe(1);
    expect(list).toEqual([
      {
        userpoolId: 'pool',
        operatorType: null,
        operatorId: 'xxx',
        operatorName: '张三',
        operationName: 'all',
        cityName: 'Beijing',
        regionName: 'Beijing',
        clientIp: '127.0.0.1',
        resourceType: 'all',
        resourceDesc: '修改了集成应用「Discourse」',
        resource_arn: null,
        timestamp: '2022-09-20T08:55:00.188+0800',
      },
    ]);
  });

  it('maps a v2 action name to v3 operation and resource types', async () => {
    const { management, sent } = recordingPrismManagement();
    await management.statistics.listAuditLogs({ operationNames: ['deleteUser', 'deleteUsers'], userIds: ['admin1'], page: 1, limit: 20 });
    expect(sent.find((request) => request.path === '/api/v3/get-admin-audit-logs')?.body).toEqual({
      operationType: 'delete',
      resourceType: 'user',
      userId: 'admin1',
      pagination: { page: 1, limit: 20 },
    });
  });

  it('refuses filters v3 does not have: by app, or an action name it cannot express', async () => {
    const { management, sent } = recordingPrismManagement();
    expect((await rejection(management.statistics.listAuditLogs({ appIds: ['app1'] }))).message).toContain('appIds');
    expect((await rejection(management.statistics.listAuditLogs({ operationNames: ['refreshToken'] }))).message).toContain('refreshToken');
    expect((await rejection(management.statistics.listAuditLogs({ operationNames: ['createUser', 'deleteUser'] }))).code).toBe('validation_error');
    expect(sent).toEqual([]);
  });
});
