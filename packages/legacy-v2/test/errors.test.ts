import { ApiError } from '@authing/core';
import { describe, expect, it } from 'vitest';
import { toV2Error, v2Code } from '../src/errors.ts';
import { AuthingV2Error } from '../src/index.ts';

describe('toV2Error', () => {
  it('keeps a v3 API failure as v2 code, server message and data, with the v3 details', () => {
    const v3 = new ApiError({ status: 200, statusCode: 404, apiCode: 2004, requestId: 'req-1', message: '用户不存在', data: { hint: 1 } });
    expect(toV2Error(v3)).toMatchObject({ code: 2004, message: '用户不存在', data: { hint: 1 }, statusCode: 404, apiCode: 2004, requestId: 'req-1', cause: v3 });
  });

  it('maps a bare statusCode 401 to v2\'s 2020 and lets other statuses through', () => {
    expect(v2Code(undefined, 401)).toBe(2020);
    expect(v2Code(undefined, 403)).toBe(403);
    expect(v2Code(2333, 400)).toBe(2333);
  });

  it('an error from outside the SDK becomes unknown_error, with secrets redacted from its message', () => {
    const error = toV2Error(new Error('upstream said: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl password=hunter22'));
    expect(error).toBeInstanceOf(AuthingV2Error);
    expect(error.code).toBe('unknown_error');
    expect(error.message).not.toContain('eyJ');
    expect(error.message).not.toContain('hunter22');
  });
});
