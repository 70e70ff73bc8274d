import { describe, expect, inject, it } from 'vitest';
import { AuthingV2Error, ManagementClient } from '../src/index.ts';

/** A v2 client on Prism that also records the JSON bodies of the v3 requests it sends. */
function recordingPrism(): { management: ManagementClient; requests: { path: string; body: unknown }[] } {
  const requests: { path: string; body: unknown }[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v3/get-management-token') {
      if (!request.headers.has('authorization')) request.headers.set('authorization', 'Bearer contract-test-bootstrap');
    } else {
      const text = await request.clone().text();
      requests.push({ path: pathname, body: text ? JSON.parse(text) : undefined });
    }
    return fetch(request);
  };
  return { management: new ManagementClient({ userPoolId: 'pool', secret: 'pool-secret', host: inject('prismManagement'), retries: 0, fetch: recording, deprecationWarnings: false }), requests };
}

async function failure(promise: Promise<unknown>): Promise<AuthingV2Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthingV2Error);
  return error as AuthingV2Error;
}

describe('statistics.listUserActions (Prism)', () => {
  it('resolves { totalCount, list } of v2 UserLogsInfo', async () => {
    const { management } = recordingPrism();
    const { totalCount, list } = await management.statistics.listUserActions();
    expect(totalCount).toBe(1);
    expect(list).toEqual([
      {
        userpoolId: 'pool',
        userId: 'xxx',
        username: '张三',
        cityName: 'Beijing',
        regionName: 'Beijing',
        clientIp: '127.0.0.1',
        operationDesc: '登录账户「 test@example.com 」',
        operationName: 'login',
        timestamp: '2022-09-20T08:55:00.188+0800',
        appId: 'xxx',
        appName: '示例应用',
      },
    ]);
  });

  it('sends v2 filters as v3 ones: action name → event type, one user, one app, page', async () => {
    const { management, requests } = recordingPrism();
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
    expect(requests.find((request) => request.path === '/api/v3/get-user-action-logs')?.body).toEqual({
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
    const { management, requests } = recordingPrism();
    const error = await failure(management.statistics.listUserActions({ userIds: ['u1', 'u2'] }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('userIds');
    expect(requests).toEqual([]);
  });
});

describe('statistics.listAuditLogs (Prism)', () => {
  it('resolves { totalCount, list } of v2 AdminLogsInfo', async () => {
    const { management } = recordingPrism();
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
    const { management, requests } = recordingPrism();
    await management.statistics.listAuditLogs({ operationNames: ['deleteUser', 'deleteUsers'], userIds: ['admin1'], page: 1, limit: 20 });
    expect(requests.find((request) => request.path === '/api/v3/get-admin-audit-logs')?.body).toEqual({
      operationType: 'delete',
      resourceType: 'user',
      userId: 'admin1',
      pagination: { page: 1, limit: 20 },
    });
  });

  it('refuses filters v3 does not have: by app, or an action name it cannot express', async () => {
    const { management, requests } = recordingPrism();
    expect((await failure(management.statistics.listAuditLogs({ appIds: ['app1'] }))).message).toContain('appIds');
    expect((await failure(management.statistics.listAuditLogs({ operationNames: ['refreshToken'] }))).message).toContain('refreshToken');
    expect((await failure(management.statistics.listAuditLogs({ operationNames: ['createUser', 'deleteUser'] }))).code).toBe('validation_error');
    expect(requests).toEqual([]);
  });
});
