import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, createClient, defineOperation, isSuccess, type Envelope } from '../src/index.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

interface User {
  userId: string;
}
const getUser = defineOperation<{ userId: string }, User>({ name: 'getUser', method: 'GET', path: '/api/v3/get-user', required: ['userId'], safe: true });

async function pool() {
  return startServer((req, res) => {
    if (req.url.includes('missing')) {
      return json(res, { statusCode: 404, apiCode: 2004, message: 'user not found', requestId: 'rid-1', data: null });
    }
    json(res, ok({ userId: 'u1' }));
  });
}

describe('result modes', () => {
  it('returns the envelope by default, and a success check narrows data', async () => {
    server = await pool();
    const client = createClient({ host: server.url });
    const found = await getUser(client, { userId: 'u1' });
    expectTypeOf(found).toEqualTypeOf<Envelope<User>>();
    if (found.statusCode === 200) {
      expectTypeOf(found.data).toEqualTypeOf<User>();
      expect(found.data.userId).toBe('u1');
    } else {
      expect.unreachable();
    }
    const missing = await getUser(client, { userId: 'missing' });
    expect(missing).toEqual({ statusCode: 404, apiCode: 2004, message: 'user not found', requestId: 'rid-1', data: null });
    expect(isSuccess(missing)).toBe(false);
  });

  it('with throwOnError on the client, returns data and throws ApiError', async () => {
    server = await pool();
    const client = createClient({ host: server.url, throwOnError: true });
    const user = await getUser(client, { userId: 'u1' });
    expectTypeOf(user).toEqualTypeOf<User>();
    expect(user).toEqual({ userId: 'u1' });
    const error = (await getUser(client, { userId: 'missing' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'api_error', status: 200, statusCode: 404, apiCode: 2004, requestId: 'rid-1', serverMessage: 'user not found' });
    expect(error.message).toBe('[HTTP 200, statusCode 404, apiCode 2004, requestId rid-1] user not found');
  });

  it('per call, throwOnError overrides the client in both directions', async () => {
    server = await pool();
    const envelopeClient = createClient({ host: server.url });
    const data = await getUser(envelopeClient, { userId: 'u1' }, { throwOnError: true });
    expectTypeOf(data).toEqualTypeOf<User>();
    expect(data.userId).toBe('u1');
    await expect(getUser(envelopeClient, { userId: 'missing' }, { throwOnError: true })).rejects.toBeInstanceOf(ApiError);

    const throwingClient = createClient({ host: server.url, throwOnError: true });
    const envelope = await getUser(throwingClient, { userId: 'missing' }, { throwOnError: false });
    expectTypeOf(envelope).toEqualTypeOf<Envelope<User>>();
    expect(envelope.statusCode).toBe(404);
  });
});
