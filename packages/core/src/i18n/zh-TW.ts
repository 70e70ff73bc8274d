import type { Messages } from './messages.ts';

export const zhTW: Messages = {
  required: '{operation}：缺少必填參數 `{field}`',
  notObject: '{operation}：參數必須是一個物件',
  pathParam: '{operation}：`{field}` 必須是非空字串或數字',
  host: '無效的 host {host}：應為完整的 URL，例如 https://api.authing.cn',
  insecureHost: '無效的 host {host}：請使用 https（僅 localhost 允許使用 http）',
  timeout: '{operation}：{timeout} 毫秒內未收到回應',
  network: '{operation}：無法連線到 {host}',
  aborted: '{operation}：請求已被呼叫方取消',
  option: '無效的選項 `{field}`：{reason}',
};
