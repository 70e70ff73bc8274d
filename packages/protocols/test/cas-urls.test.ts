// URL building and client options: no network involved.
import { ValidationError } from '@authing/core';
import { describe, expect, it } from 'vitest';
import {
  authingCasLogout,
  authingCasServerUrl,
  buildLoginUrl,
  buildLogoutUrl,
  createCasClient,
  parseProxyCallback,
} from '../src/cas/index.ts';

const service = 'https://app.example.test/cb?a=1&b=2&c=x y#top';

describe('createCasClient', () => {
  it('normalises the server URL and keeps its path', () => {
    const client = createCasClient({ serverUrl: 'https://sso.example.edu/cas///' });
    expect(client.serverUrl).toBe('https://sso.example.edu/cas');
    expect(client.timeout).toBe(10_000);
    expect(client.logoutUrl).toBe('https://sso.example.edu/cas/logout');
  });

  it.each([
    ['relative', { serverUrl: '/cas' }, 'serverUrl'],
    ['plain http off loopback', { serverUrl: 'http://sso.example.edu/cas' }, 'serverUrl'],
    ['with a query', { serverUrl: 'https://sso.example.edu/cas?x=1' }, 'serverUrl'],
    ['not http', { serverUrl: 'ftp://sso.example.edu/cas' }, 'serverUrl'],
    ['zero timeout', { serverUrl: 'https://sso.example.edu/cas', timeout: 0 }, 'timeout'],
  ])('refuses %s', (_name, options, field) => {
    expect(() => createCasClient(options)).toThrow(ValidationError);
    try {
      createCasClient(options);
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
  });
});

describe('buildLoginUrl', () => {
  const client = createCasClient({ serverUrl: 'https://sso.example.edu/cas' });

  it('encodes the service, including its query, spaces and fragment', () => {
    const url = buildLoginUrl(client, { service });
    expect(url).toBe('https://sso.example.edu/cas/login?service=https%3A%2F%2Fapp.example.test%2Fcb%3Fa%3D1%26b%3D2%26c%3Dx+y%23top');
    expect(new URL(url).searchParams.get('service')).toBe(service);
  });

  it('adds renew or gateway, never both', () => {
    expect(new URL(buildLoginUrl(client, { service, renew: true })).searchParams.get('renew')).toBe('true');
    expect(new URL(buildLoginUrl(client, { service, gateway: true })).searchParams.get('gateway')).toBe('true');
    expect(new URL(buildLoginUrl(client, { service, renew: false })).searchParams.has('renew')).toBe(false);
    expect(() => buildLoginUrl(client, { service, renew: true, gateway: true })).toThrow(ValidationError);
  });

  it('refuses a relative service', () => {
    expect(() => buildLoginUrl(client, { service: 'cb?x=1' })).toThrow(ValidationError);
  });
});

describe('Authing', () => {
  it('builds the per-application CAS base and the /cas-idp/logout?url= endpoint', () => {
    const serverUrl = authingCasServerUrl('https://example.authing.cn/', '60a1b2c3');
    expect(serverUrl).toBe('https://example.authing.cn/cas-idp/60a1b2c3');
    expect(authingCasServerUrl('example.authing.cn', 'a/b')).toBe('https://example.authing.cn/cas-idp/a%2Fb');
    const client = createCasClient({ serverUrl, logout: authingCasLogout('https://example.authing.cn') });
    expect(buildLoginUrl(client, { service })).toMatch(/^https:\/\/example\.authing\.cn\/cas-idp\/60a1b2c3\/login\?service=https%3A/);
    expect(buildLogoutUrl(client, { service })).toBe(
      'https://example.authing.cn/cas-idp/logout?url=https%3A%2F%2Fapp.example.test%2Fcb%3Fa%3D1%26b%3D2%26c%3Dx+y%23top',
    );
    expect(() => authingCasServerUrl('https://example.authing.cn', '')).toThrow(ValidationError);
  });
});

describe('buildLogoutUrl', () => {
  it('uses CAS 3.0 /logout?service= by default, and no parameter without a service', () => {
    const client = createCasClient({ serverUrl: 'https://sso.example.edu/cas' });
    expect(buildLogoutUrl(client)).toBe('https://sso.example.edu/cas/logout');
    expect(new URL(buildLogoutUrl(client, { service })).searchParams.get('service')).toBe(service);
    expect(() => buildLogoutUrl(client, { service: '/home' })).toThrow(ValidationError);
  });
});

describe('parseProxyCallback', () => {
  it('reads pgtId and pgtIou, and ignores the server probing without them', () => {
    expect(parseProxyCallback('/pgt?pgtIou=PGTIOU-1&pgtId=PGT-2')).toEqual({ pgtId: 'PGT-2', pgtIou: 'PGTIOU-1' });
    expect(parseProxyCallback('/pgt')).toBeUndefined();
  });
});
