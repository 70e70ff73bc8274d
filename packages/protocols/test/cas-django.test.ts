// CAS client against a real CAS server: Debian's django-cas-server 2.0.0,
// started by ./servers/cas-server.ts for this file and stopped after it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CasError,
  buildLoginUrl,
  buildLogoutUrl,
  createCasClient,
  parseProxyCallback,
  requestProxyTicket,
  validateProxyTicket,
  validateTicketV1,
  validateTicketV2,
  validateTicketV3,
  type CasClient,
} from '../src/cas/index.ts';
import { CookieJar, casUser, loginThroughForm, startCasServer, type CasTestServer } from './servers/cas-server.ts';

let cas: CasTestServer;
let client: CasClient;
let app: Server;
let appBase: string;
let service: string;
let pgtUrl: string;
/** Every GET the CAS server made to our pgtUrl receiver. */
const callbacks: string[] = [];

beforeAll(async () => {
  // The "application": serves as the service URL host and the proxy callback
  // (pgtUrl) receiver, which must answer 200 for the server to issue a PGT.
  app = createServer((req, res) => {
    if (req.url?.startsWith('/pgtCallback')) callbacks.push(req.url);
    res.end('ok');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appBase = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  service = `${appBase}/app`;
  pgtUrl = `${appBase}/pgtCallback`;
  cas = await startCasServer();
  client = createCasClient({ serverUrl: cas.serverUrl });
}, 60_000);

afterAll(async () => {
  await cas?.stop();
  await new Promise((resolve) => app?.close(resolve));
});

afterEach(({ task }) => {
  if (task.result?.state === 'fail') console.error(`--- django-cas-server log tail ---\n${cas.logTail()}`);
});

/** A fresh service ticket for `forService`, through the real login form. */
async function serviceTicket(forService = service, jar?: CookieJar): Promise<string> {
  const back = await loginThroughForm(buildLoginUrl(client, { service: forService }), jar);
  const ticket = back.searchParams.get('ticket');
  expect(ticket).toMatch(/^ST-/);
  return ticket!;
}

async function casError(promise: Promise<unknown>): Promise<CasError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CasError);
  return error as CasError;
}

describe('login', () => {
  it('encodes a service URL with a query and spaces so the server gives it back intact', async () => {
    const odd = `${appBase}/app?a=1&b=2&note=hello world`;
    const loginUrl = buildLoginUrl(client, { service: odd });
    expect(loginUrl.startsWith(`${cas.serverUrl}/login?service=`)).toBe(true);
    expect(loginUrl).toContain('%3Fa%3D1%26b%3D2%26note%3Dhello+world');
    expect(new URL(loginUrl).searchParams.get('service')).toBe(odd);
    expect([...new URL(loginUrl).searchParams.keys()]).toEqual(['service']);

    const back = await loginThroughForm(loginUrl);
    expect(back.origin + back.pathname).toBe(`${appBase}/app`);
    expect(back.searchParams.get('a')).toBe('1');
    expect(back.searchParams.get('b')).toBe('2');
    const ticket = back.searchParams.get('ticket')!;
    await expect(validateTicketV2(client, { ticket, service: odd })).resolves.toMatchObject({ user: casUser.username });
  });
});

describe('CAS 1.0 /validate', () => {
  it('answers the user for a fresh ticket, then `no` for the same ticket', async () => {
    const ticket = await serviceTicket();
    await expect(validateTicketV1(client, { ticket, service })).resolves.toEqual({ user: casUser.username });
    const error = await casError(validateTicketV1(client, { ticket, service }));
    expect(error.casCode).toBe('NO');
    expect(error.code).toBe('cas_error');
  });
});

describe('CAS 2.0 /serviceValidate', () => {
  it('validates a service ticket', async () => {
    const result = await validateTicketV2(client, { ticket: await serviceTicket(), service });
    expect(result.user).toBe(casUser.username);
    expect(result.proxyGrantingTicket).toBeUndefined();
    expect(result.proxies).toBeUndefined();
  });

  it('django-cas-server ignores format=JSON and answers XML, which is parsed all the same', async () => {
    const result = await validateTicketV2(client, { ticket: await serviceTicket(), service, format: 'JSON' });
    expect(result.user).toBe(casUser.username);
  });

  it('rejects a replayed ticket with INVALID_TICKET', async () => {
    const ticket = await serviceTicket();
    await validateTicketV2(client, { ticket, service });
    const error = await casError(validateTicketV2(client, { ticket, service }));
    expect(error.casCode).toBe('INVALID_TICKET');
  });

  it('rejects a ticket presented for another service with INVALID_SERVICE', async () => {
    const ticket = await serviceTicket();
    const error = await casError(validateTicketV2(client, { ticket, service: `${appBase}/other` }));
    expect(error.casCode).toBe('INVALID_SERVICE');
    expect(error.serverMessage).not.toBe('');
  });

  it('with renew, rejects a ticket that came from the SSO session', async () => {
    const jar = new CookieJar();
    await serviceTicket(service, jar); // primary login: sets the SSO cookie
    const fromSso = await serviceTicket(service, jar);
    const error = await casError(validateTicketV2(client, { ticket: fromSso, service, renew: true }));
    expect(error.casCode).toBe('INVALID_TICKET');
  });
});

describe('CAS 3.0 /p3/serviceValidate', () => {
  it('returns the attributes, multi-valued ones as arrays, entities decoded', async () => {
    const result = await validateTicketV3(client, { ticket: await serviceTicket(), service });
    expect(result.user).toBe(casUser.username);
    expect(result.attributes.email).toBe('casuser@example.test');
    expect(result.attributes.displayName).toBe('Cas User & Co');
    expect(result.attributes.memberOf).toEqual(['staff', 'admins', 'dev ops']);
    expect(result.attributes.isFromNewLogin).toBe('true');
    expect(result.attributes.authenticationDate).toMatch(/^\d{4}-\d\d-\d\d/);
  });

  it('rejects a replayed ticket with INVALID_TICKET', async () => {
    const ticket = await serviceTicket();
    await validateTicketV3(client, { ticket, service });
    expect((await casError(validateTicketV3(client, { ticket, service }))).casCode).toBe('INVALID_TICKET');
  });
});

describe('proxy authentication', () => {
  it('gets a PGT through pgtUrl, a PT from /proxy, and validates it with its proxies chain', async () => {
    callbacks.length = 0;
    const validated = await validateTicketV3(client, { ticket: await serviceTicket(), service, pgtUrl });
    expect(validated.proxyGrantingTicket).toMatch(/^PGTIOU-/);
    const delivered = callbacks.map((url) => parseProxyCallback(url)).find((cb) => cb?.pgtIou === validated.proxyGrantingTicket);
    expect(delivered?.pgtId).toMatch(/^PGT-/);

    const target = `${appBase}/backend?x=1&y=2`;
    const { proxyTicket } = await requestProxyTicket(client, { pgt: delivered!.pgtId, targetService: target });
    expect(proxyTicket).toMatch(/^PT-/);
    const proxied = await validateProxyTicket(client, { ticket: proxyTicket, service: target });
    expect(proxied.user).toBe(casUser.username);
    expect(proxied.proxies).toEqual([pgtUrl]);
    expect(proxied.attributes.memberOf).toEqual(['staff', 'admins', 'dev ops']);

    // CAS 2.0 /proxyValidate accepts a PT as well
    const second = await requestProxyTicket(client, { pgt: delivered!.pgtId, targetService: target });
    await expect(validateProxyTicket(client, { ticket: second.proxyTicket, service: target, version: 2 })).resolves.toMatchObject({
      user: casUser.username,
      proxies: [pgtUrl],
    });

    // /serviceValidate must refuse proxy tickets (CAS 3.0 §2.5)
    const third = await requestProxyTicket(client, { pgt: delivered!.pgtId, targetService: target });
    expect((await casError(validateTicketV2(client, { ticket: third.proxyTicket, service: target }))).casCode).toBe('INVALID_TICKET');
  });

  it('turns a /proxy failure into CasError', async () => {
    const error = await casError(requestProxyTicket(client, { pgt: 'PGT-does-not-exist', targetService: `${appBase}/backend` }));
    expect(error.casCode).toBe('INVALID_TICKET');
  });
});

describe('logout', () => {
  it('builds a /logout?service= URL that ends the SSO session on the server', async () => {
    const jar = new CookieJar();
    await serviceTicket(service, jar);
    // with the session, /login answers with a redirect and no form
    expect((await jar.fetch(buildLoginUrl(client, { service }))).status).toBe(302);

    const logoutUrl = buildLogoutUrl(client, { service });
    expect(new URL(logoutUrl).pathname).toBe(new URL(`${cas.serverUrl}/logout`).pathname);
    expect(new URL(logoutUrl).searchParams.get('service')).toBe(service);
    const response = await jar.fetch(logoutUrl);
    await response.arrayBuffer();
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(service);

    // the session is gone: the form is back
    const again = await jar.fetch(buildLoginUrl(client, { service }));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('csrfmiddlewaretoken');
  });
});
