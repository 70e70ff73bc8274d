import { describe, expect, inject, it } from 'vitest';
import { AuthingV2Error, ManagementClient } from '../src/index.ts';

/** A v2 client on Prism that also records the v3 requests it sends (path and JSON body). */
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

/** v2's GraphQL `UserPool` fields. */
const userPoolKeys = [
  'allowedOrigins', 'app2WxappLoginStrategy', 'appSsoEnabled', 'changeEmailStrategy', 'changePhoneStrategy', 'createdAt', 'customSMSProvider', 'description',
  'domain', 'emailVerifiedDefault', 'frequentRegisterCheck', 'id', 'isDeleted', 'jwtSecret', 'loginFailCheck', 'loginFailStrategy', 'loginPasswordFailCheck',
  'loginRequireEmailVerified', 'logo', 'name', 'ownerId', 'packageType', 'qrcodeLoginStrategy', 'registerDisabled', 'secret', 'sendWelcomeEmail',
  'showWxQRCodeWhenRegisterDisabled', 'tokenExpiresAfter', 'updatedAt', 'useCustomUserStore', 'userpoolTypes', 'verifyCodeLength', 'whitelist',
];

describe('userpool (Prism)', () => {
  it('detail resolves v2 UserPool from the security settings, secrets null', async () => {
    const { management } = recordingPrism();
    const pool = await management.userpool.detail();
    expect(Object.keys(pool).sort()).toEqual(userPoolKeys);
    expect(pool).toMatchObject({
      id: 'pool',
      secret: null,
      jwtSecret: null,
      name: null,
      registerDisabled: false,
      allowedOrigins: 'https://example.com \n https://example.com',
      tokenExpiresAfter: 129600,
      frequentRegisterCheck: { timeInterval: 300, limit: 50, enabled: false },
      loginFailCheck: { timeInterval: 300, limit: 50, enabled: false },
      loginFailStrategy: 'captcha',
      changePhoneStrategy: { verifyOldPhone: true },
      qrcodeLoginStrategy: { qrcodeExpiresAfter: 120, ticketExpiresAfter: 300, returnFullUserInfo: false, allowExchangeUserInfoFromBrowser: true },
      loginRequireEmailVerified: true,
      verifyCodeLength: 6,
    });
  });

  it('update sends top-level settings in one request; origins become a list', async () => {
    const { management, requests } = recordingPrism();
    const pool = await management.userpool.update({ registerDisabled: true, allowedOrigins: 'https://a.example\nhttps://b.example\n', tokenExpiresAfter: 3600, changeEmailStrategy: { verifyOldEmail: false } });
    expect(Object.keys(pool).sort()).toEqual(userPoolKeys);
    expect(requests).toEqual([
      {
        path: '/api/v3/update-security-settings',
        body: { registerDisabled: true, allowedOrigins: ['https://a.example', 'https://b.example'], authingTokenExpiresIn: 3600, changeEmailStrategy: { verifyOldEmail: false } },
      },
    ]);
  });

  it('update of a nested check reads the current settings and changes only what was given', async () => {
    const { management, requests } = recordingPrism();
    await management.userpool.update({ loginFailCheck: { enabled: true }, frequentRegisterCheck: { limit: 5 } });
    expect(requests.map((request) => request.path)).toEqual(['/api/v3/get-security-settings', '/api/v3/update-security-settings']);
    const body = requests[1]?.body as { loginAnomalyDetection: Record<string, unknown>; registerAnomalyDetection: unknown };
    expect(body.registerAnomalyDetection).toEqual({ enabled: false, limit: 5, timeInterval: 300 });
    expect(body.loginAnomalyDetection).toMatchObject({
      loginFailStrategy: 'captcha',
      robotVerify: 'condition_set',
      loginFailCheck: { enabled: true, limit: 50, timeInterval: 300, unit: 'Second' },
      loginPasswordFailCheck: { enabled: false, limit: 50, timeInterval: 300, unit: 'Second' },
    });
  });

  it('update refuses fields v3 cannot set, before sending anything', async () => {
    const { management, requests } = recordingPrism();
    const error = await failure(management.userpool.update({ name: 'renamed', registerDisabled: true, whitelist: { emailEnabled: true } }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('`name`');
    expect(error.message).toContain('`whitelist`');
    expect(requests).toEqual([]);
  });

  it.each([
    ['listEnv', (management: ManagementClient) => management.userpool.listEnv()],
    ['addEnv', (management: ManagementClient) => management.userpool.addEnv('LARK_WEBHOOK', 'https://example.com/hook')],
    ['removeEnv', (management: ManagementClient) => management.userpool.removeEnv('LARK_WEBHOOK')],
  ])('%s has no v3 equivalent and says so', async (method, call) => {
    const error = await failure(call(recordingPrism().management));
    expect(error.code).toBe(501);
    expect(error.message).toContain(`userpool.${method}()`);
  });
});
