import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError, createClient, defineOperation, enUS, format } from '../src/index.ts';
import { jaJP } from '../src/i18n/ja-JP.ts';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { zhTW } from '../src/i18n/zh-TW.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

const catalogs = { 'en-US': enUS, 'zh-CN': zhCN, 'zh-TW': zhTW, 'ja-JP': jaJP };

describe('i18n', () => {
  it('every catalog has every message, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [lang, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(enUS).sort());
      for (const key of Object.keys(enUS) as Array<keyof typeof enUS>) {
        expect(placeholders(catalog[key]), `${lang}.${key}`).toEqual(placeholders(enUS[key]));
      }
    }
    expect(format(zhCN, 'required', { operation: 'getUser', field: 'userId' })).toBe('getUser：缺少必填参数 `userId`');
  });

  it('sends lang as x-authing-lang and uses the chosen catalog for SDK messages', async () => {
    server = await startServer((_req, res) => json(res, ok({})));
    const getUser = defineOperation<{ userId: string }, unknown>({ name: 'getUser', method: 'GET', path: '/api/v3/get-user', required: ['userId'], safe: true });
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const client = createClient({ host: server.url, lang: lang as keyof typeof catalogs, messages: catalog });
      await getUser(client, { userId: 'u' });
      expect(server.requests.at(-1)?.headers['x-authing-lang']).toBe(lang);
      const error = await getUser(client, {} as { userId: string }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toBe(format(catalog, 'required', { operation: 'getUser', field: 'userId' }));
    }
  });

  it('rejects an unknown lang before sending anything', () => {
    expect(() => createClient({ host: 'https://api.authing.cn', lang: 'fr-FR' as 'en-US' })).toThrow(ValidationError);
  });
});
