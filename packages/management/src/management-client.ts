import { enUS, type Lang, type Messages } from '@authing/core';
import { jaJP } from '@authing/core/i18n/ja-JP';
import { zhCN } from '@authing/core/i18n/zh-CN';
import { zhTW } from '@authing/core/i18n/zh-TW';
import { createManagementClient, type ManagementClientOptions } from './client.ts';
import { ManagementApi } from './generated/api.ts';

const catalogs: Readonly<Record<Lang, Messages>> = { 'en-US': enUS, 'zh-CN': zhCN, 'zh-TW': zhTW, 'ja-JP': jaJP };

/**
 * Every Management API endpoint as a method, as in Authing's official SDK:
 *
 * ```ts
 * const management = new ManagementClient({ accessKeyId, accessKeySecret });
 * const { statusCode, data } = await management.listUsers({ options: { pagination: { page: 1, limit: 10 } } });
 * ```
 *
 * The SDK's own messages follow `lang`. Apps that call only a few endpoints
 * ship less code with `createManagementClient` and the per-resource functions.
 */
export class ManagementClient<ThrowOnError extends boolean = false> extends ManagementApi<ThrowOnError> {
  constructor(options: ManagementClientOptions<ThrowOnError>) {
    const messages = options?.messages ?? (options?.lang ? catalogs[options.lang] : undefined);
    super(createManagementClient({ ...options, ...(messages ? { messages } : {}) }));
  }
}
