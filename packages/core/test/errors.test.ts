import { describe, expect, it } from 'vitest';
import { ApiError, AuthingError, HttpError, NetworkError, ValidationError, isAuthingError, redact } from '../src/index.ts';

describe('errors', () => {
  it('share a brand that survives a second copy of the package', () => {
    const error = new ValidationError('bad', 'field');
    expect(isAuthingError(error)).toBe(true);
    // what another bundle's instance looks like: a plain object carrying the registered symbol
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('@authing/core.error'), { value: true });
    expect(isAuthingError(foreign)).toBe(true);
    expect(isAuthingError(new Error('x'))).toBe(false);
    expect(isAuthingError(null)).toBe(false);
    expect(error).toBeInstanceOf(AuthingError);
    expect(error.name).toBe('ValidationError');
  });

  it('serialise to JSON with their code, details and cause', () => {
    const cause = new TypeError('fetch failed: Bearer abcdefghijklmnop');
    const error = new NetworkError('listUsers: the request could not reach api.authing.cn', { cause });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NetworkError',
      code: 'network_error',
      message: 'listUsers: the request could not reach api.authing.cn',
      cause: { name: 'TypeError', message: 'fetch failed: Bearer [REDACTED]' },
    });
    const api = new ApiError({ status: 200, statusCode: 400, apiCode: 2006, requestId: 'r', message: 'wrong password', data: { x: 1 } });
    expect(api.toJSON()).toMatchObject({ name: 'ApiError', code: 'api_error', statusCode: 400, apiCode: 2006, requestId: 'r', data: { x: 1 } });
  });

  it('redact secrets from messages and bodies', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
    const text = redact(
      `authorization: Bearer ${'t'.repeat(20)} basic Basic dXNlcjpwYXNzd29yZA== {"password":"hunter2","accessKeySecret":"sk-live","client_secret":"cs"} app_secret=abc&x=1 token ${jwt} authing ak:c2lnbmF0dXJl`,
    );
    for (const secret of ['t'.repeat(20), 'dXNlcjpwYXNzd29yZA==', 'hunter2', 'sk-live', '"cs"', 'abc&', jwt, 'c2lnbmF0dXJl']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('x=1');
    const error = new HttpError('http_error', { status: 500, message: 'echo {"password": "p@ss"}', body: '{"refresh_token":"rt-123"}' });
    expect(error.message).not.toContain('p@ss');
    expect(error.serverMessage).not.toContain('p@ss');
    expect(error.body).not.toContain('rt-123');
    expect(JSON.stringify(error)).not.toMatch(/p@ss|rt-123/);
  });
});
