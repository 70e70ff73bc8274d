import type { Messages } from './messages.ts';

export const zhCN: Messages = {
  required: '{operation}：缺少必填参数 `{field}`',
  notObject: '{operation}：参数必须是一个对象',
  pathParam: '{operation}：`{field}` 必须是非空字符串或数字',
  host: '无效的 host {host}：应为完整的 URL，例如 https://api.authing.cn',
  insecureHost: '无效的 host {host}：请使用 https（仅 localhost 允许使用 http）',
  timeout: '{operation}：{timeout} 毫秒内未收到响应',
  network: '{operation}：无法连接到 {host}',
  aborted: '{operation}：请求已被调用方取消',
  option: '无效的选项 `{field}`：{reason}',
};
