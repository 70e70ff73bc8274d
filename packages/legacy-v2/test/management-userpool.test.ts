import { describe, expect, it } from 'vitest';
import type { ManagementClient } from '../src/index.ts';
import { expectUnsupported, rejection, sortedKeys } from './assertions.ts';
import { prismManagement, recordingPrismManagement } from './servers.ts';

/** v2's GraphQL `UserPool` fields. */
const userPoolKeys = [
  'allowedOrigins', 'app2WxappLoginStrategy', 'appSsoEnabled', 'changeEmailStrategy', 'changePhoneStrategy', 'createdAt', 'customSMSProvider', 'description',
  'domain', 'emailVerifiedDefault', 'frequentRegisterCheck', 'id', 'isDeleted', 'jwtSecret', 'loginFailCheck', 'loginFailStrategy', 'loginPasswordFailCheck',
  'loginRequireEmailVerified', 'logo', 'name', 'ownerId', 'packageType', 'qrcodeLoginStrategy', 'registerDisabled', 'secret', 'sendWelcomeEmail',
  'showWxQRCodeWhenRegisterDisabled', 'tokenExpiresAfter', 'updatedAt', 'useCustomUserStore', 'userpoolTypes', 'verifyCodeLength', 'whitelist',
];

describe('userpool (Prism)', () => {
  it('detail resolves v2 UserPool from the security settings, secrets null', async () => {
    const { management } = recordingPrismManagement();
    const pool = await management.userpool.detail();
    expect(sortedKeys(pool)).toEqual(userPoolKeys);
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
    const { management, sent } = recordingPrismManagement();
    const pool = await management.userpool.update({ registerDisabled: true, allowedOrigins: 'https://a.example\nhttps://b.example\n', tokenExpiresAfter: 3600, changeEmailStrategy: { verifyOldEmail: false } });
    expect(sortedKeys(pool)).toEqual(userPoolKeys);
    expect(sent.map(({ path, body }) => ({ path, body }))).toEqual([
      {
        path: '/api/v3/update-security-settings',
        body: { registerDisabled: true, allowedOrigins: ['https://a.example', 'https://b.example'], authingTokenExpiresIn: 3600, changeEmailStrategy: { verifyOldEmail: false } },
      },
    ]);
  });

  it('update of a nested check reads the current settings and changes only what was given', async () => {
    const { management, sent } = recordingPrismManagement();
    await management.userpool.update({ loginFailCheck: { enabled: true }, frequentRegisterCheck: { limit: 5 } });
    expect(sent.map((request) => request.path)).toEqual(['/api/v3/get-security-settings', '/api/v3/update-security-settings']);
    const body = sent[1]?.body as { loginAnomalyDetection: Record<string, unknown>; registerAnomalyDetection: unknown };
    expect(body.registerAnomalyDetection).toEqual({ enabled: false, limit: 5, timeInterval: 300 });
    expect(body.loginAnomalyDetection).toMatchObject({
      loginFailStrategy: 'captcha',
      robotVerify: 'condition_set',
      loginFailCheck: { enabled: true, limit: 50, timeInterval: 300, unit: 'Second' },
      loginPasswordFailCheck: { enabled: false, limit: 50, timeInterval: 300, unit: 'Second' },
    });
  });

  it('update refuses fields v3 cannot set, before sending anything', async () => {
    const { management, sent } = recordingPrismManagement();
    const error = await rejection(management.userpool.update({ name: 'renamed', registerDisabled: true, whitelist: { emailEnabled: true } }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('`name`');
    expect(error.message).toContain('`whitelist`');
    expect(sent).toEqual([]);
  });

  it.each([
    ['listEnv', (management: ManagementClient) => management.userpool.listEnv()],
    ['addEnv', (management: ManagementClient) => management.userpool.addEnv('LARK_WEBHOOK', 'https://example.com/hook')],
    ['removeEnv', (management: ManagementClient) => management.userpool.removeEnv('LARK_WEBHOOK')],
  ])('%s has no v3 equivalent and says so', async (method, call) => {
    await expectUnsupported(call(prismManagement()), `userpool.${method}`);
  });
});
