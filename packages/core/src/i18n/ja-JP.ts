import type { Messages } from './messages.ts';

export const jaJP: Messages = {
  required: '{operation}：必須パラメーター `{field}` がありません',
  notObject: '{operation}：入力はオブジェクトである必要があります',
  pathParam: '{operation}：`{field}` は空でない文字列または数値である必要があります',
  host: '無効な host {host}：https://api.authing.cn のような完全な URL を指定してください',
  insecureHost: '無効な host {host}：https を使用してください（http は localhost のみ許可されます）',
  timeout: '{operation}：{timeout} ミリ秒以内に応答がありませんでした',
  network: '{operation}：{host} に接続できませんでした',
  aborted: '{operation}：呼び出し元によって中止されました',
  option: '無効なオプション `{field}`：{reason}',
};
