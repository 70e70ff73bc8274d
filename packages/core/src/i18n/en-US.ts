import type { Messages } from './messages.ts';

export const enUS: Messages = {
  required: '{operation}: `{field}` is required',
  notObject: '{operation}: the input must be an object',
  pathParam: '{operation}: `{field}` must be a non-empty string or a number',
  host: 'invalid host {host}: expected an absolute URL such as https://api.authing.cn',
  insecureHost: 'invalid host {host}: use https (plain http is allowed only for localhost)',
  timeout: '{operation}: no response within {timeout} ms',
  network: '{operation}: the request could not reach {host}',
  aborted: '{operation}: aborted by the caller',
  option: 'invalid option `{field}`: {reason}',
};
