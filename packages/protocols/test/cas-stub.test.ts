// Behaviour a real django-cas-server cannot show: the CAS 3.0 JSON bodies
// (django-cas-server ignores format=JSON and always answers XML), hostile XML,
// malformed answers, slow servers and network failures. A local stub server
// on 127.0.0.1 sends exactly the bodies each test needs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError } from '@authing/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CasError,
  CasResponseError,
  createCasClient,
  requestProxyTicket,
  validateProxyTicket,
  validateTicketV1,
  validateTicketV2,
  validateTicketV3,
  type CasClient,
} from '../src/cas/index.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
let seen: URL[];

/** Answers every request with this status and body. */
function answer(body: string, status = 200, type = 'text/xml; charset=utf-8'): void {
  handler = (_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(new URL(req.url ?? '/', base));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen = [];
  handler = (_req, res) => res.end('unset');
});

const service = 'https://app.example.test/callback?a=1&b=two words';
const cas = (): CasClient => createCasClient({ serverUrl: `${base}/cas` });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('JSON answers (CAS 3.0 §2.5.2, §2.5.7, §2.6.2)', () => {
  it('parses the §2.5.7 success body: attributes, multi-valued arrays, PGT IOU, proxies', async () => {
    answer(
      JSON.stringify({
        serviceResponse: {
          authenticationSuccess: {
            user: 'username',
            proxyGrantingTicket: 'PGTIOU-84678-8a9d',
            proxies: ['https://proxy1/pgtUrl', 'https://proxy2/pgtUrl'],
            attributes: { firstName: 'John', affiliation: ['staff', 'faculty'], title: 'Mr.', single: ['only'], age: 42 },
          },
        },
      }),
      200,
      'application/json',
    );
    const result = await validateTicketV3(cas(), { ticket: 'ST-1', service, format: 'JSON' });
    expect(result).toEqual({
      user: 'username',
      proxyGrantingTicket: 'PGTIOU-84678-8a9d',
      proxies: ['https://proxy1/pgtUrl', 'https://proxy2/pgtUrl'],
      attributes: { firstName: 'John', affiliation: ['staff', 'faculty'], title: 'Mr.', single: ['only'], age: '42' },
    });
    expect(seen[0]!.pathname).toBe('/cas/p3/serviceValidate');
    expect(seen[0]!.searchParams.get('format')).toBe('JSON');
    expect(seen[0]!.searchParams.get('service')).toBe(service);
  });

  it('parses the §2.5.2 failure body into CasError', async () => {
    answer(JSON.stringify({ serviceResponse: { authenticationFailure: { code: 'INVALID_TICKET', description: 'Ticket ST-1 not recognized' } } }));
    const error = (await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service, format: 'JSON' }))) as CasError;
    expect(error).toBeInstanceOf(CasError);
    expect(error.casCode).toBe('INVALID_TICKET');
    expect(error.serverMessage).toBe('Ticket ST-1 not recognized');
  });

  it('parses /proxy JSON success and failure', async () => {
    answer(JSON.stringify({ serviceResponse: { proxySuccess: { proxyTicket: 'PT-1856392' } } }));
    await expect(requestProxyTicket(cas(), { pgt: 'PGT-1', targetService: 'imap://mail.example.test' })).resolves.toEqual({ proxyTicket: 'PT-1856392' });
    expect(seen[0]!.searchParams.get('targetService')).toBe('imap://mail.example.test');
    answer(JSON.stringify({ serviceResponse: { authenticationFailure: { code: 'INVALID_REQUEST', description: "'pgt' and 'targetService' parameters are both required" } } }));
    const error = (await rejection(requestProxyTicket(cas(), { pgt: 'PGT-1', targetService: 'x' }))) as CasError;
    expect(error.casCode).toBe('INVALID_REQUEST');
  });

  it('refuses JSON without the serviceResponse shape', async () => {
    answer('{"user":"alice"}');
    const error = (await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }))) as CasResponseError;
    expect(error).toBeInstanceOf(CasResponseError);
    expect(error.problem).toBe('unexpected_shape');
    answer('{"serviceResponse": ');
    expect(((await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }))) as CasResponseError).problem).toBe('malformed');
  });
});

describe('XML answers', () => {
  const failure = (code: string) =>
    `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="${code}">\n  why &amp; how\n</cas:authenticationFailure></cas:serviceResponse>`;

  it.each(['INVALID_REQUEST', 'INVALID_TICKET_SPEC', 'UNAUTHORIZED_SERVICE_PROXY', 'INVALID_PROXY_CALLBACK', 'INVALID_TICKET', 'INVALID_SERVICE', 'INTERNAL_ERROR'])(
    'turns %s into CasError with the server message',
    async (code) => {
      answer(failure(code));
      const error = (await rejection(validateProxyTicket(cas(), { ticket: 'PT-1', service }))) as CasError;
      expect(error).toBeInstanceOf(CasError);
      expect(error.code).toBe('cas_error');
      expect(error.casCode).toBe(code);
      expect(error.serverMessage).toBe('why & how');
      expect(error.message).toBe(`CAS ${code}: why & how`);
    },
  );

  it('parses a proxyFailure from /proxy', async () => {
    answer('<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:proxyFailure code="UNAUTHORIZED_SERVICE">no</cas:proxyFailure></cas:serviceResponse>');
    expect(((await rejection(requestProxyTicket(cas(), { pgt: 'PGT-1', targetService: service }))) as CasError).casCode).toBe('UNAUTHORIZED_SERVICE');
  });

  it('keeps attribute names that shadow Object.prototype as plain own properties', async () => {
    answer(
      `<serviceResponse><authenticationSuccess><user>a&lt;b&#62;&#x21;</user><attributes><constructor>c</constructor><__proto__>p</__proto__><toString>t</toString><empty/></attributes></authenticationSuccess></serviceResponse>`,
    );
    const result = await validateTicketV3(cas(), { ticket: 'ST-1', service });
    expect(result.user).toBe('a<b>!');
    expect(Object.getPrototypeOf(result.attributes)).toBe(Object.prototype);
    expect(Object.keys(result.attributes)).toEqual(['constructor', '__proto__', 'toString', 'empty']);
    expect(Object.getOwnPropertyDescriptor(result.attributes, '__proto__')?.value).toBe('p');
    expect(result.attributes.constructor).toBe('c');
  });

  it('reads name/value <cas:attribute> elements when there is no <cas:attributes> block', async () => {
    answer(
      `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>u</cas:user><cas:attribute name="role" value="a"/><cas:attribute name="role" value="b &amp; c"/></cas:authenticationSuccess></cas:serviceResponse>`,
    );
    await expect(validateTicketV3(cas(), { ticket: 'ST-1', service })).resolves.toEqual({ user: 'u', attributes: { role: ['a', 'b & c'] } });
  });

  it('refuses ill-formed XML, a missing user, and an HTML page', async () => {
    answer('<cas:serviceResponse xmlns:cas="x"><cas:authenticationSuccess><cas:user>u</cas:user></cas:serviceResponse>');
    expect(((await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }))) as CasResponseError).problem).toBe('malformed');
    answer('<cas:serviceResponse xmlns:cas="x"><cas:authenticationSuccess></cas:authenticationSuccess></cas:serviceResponse>');
    expect(((await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }))) as CasResponseError).problem).toBe('unexpected_shape');
    answer('<html><body>Welcome</body></html>');
    const error = (await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }))) as CasResponseError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe('invalid_response');
    expect(error.status).toBe(200);
  });

  it('reports a non-2xx page that is not a CAS document as HttpError http_error', async () => {
    answer('<html><h1>502 Bad Gateway</h1></html>', 502, 'text/html');
    const error = (await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(CasResponseError);
    expect(error.code).toBe('http_error');
    expect(error.status).toBe(502);
  });
});

describe('hostile XML is refused before parsing', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>&xxe;</cas:user></cas:authenticationSuccess></cas:serviceResponse>`;
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_TICKET">&lol9;</cas:authenticationFailure></cas:serviceResponse>`;

  it.each([
    ['an external entity (XXE)', xxe, 200],
    ['billion laughs', laughs, 200],
    ['a DOCTYPE on an error status', xxe, 500],
    ['a lower-case doctype', xxe.replace('DOCTYPE', 'doctype'), 200],
  ])('%s', async (_name, body, status) => {
    answer(body, status);
    const started = performance.now();
    const error = (await rejection(validateTicketV3(cas(), { ticket: 'ST-1', service }))) as CasResponseError;
    expect(error).toBeInstanceOf(CasResponseError);
    expect(error.problem).toBe('unsafe_xml');
    expect(error.message).not.toContain('root:');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('also on /proxy', async () => {
    answer(laughs.replace('authenticationFailure code="INVALID_TICKET"', 'proxySuccess').replace('</cas:authenticationFailure>', '</cas:proxySuccess>'));
    expect(((await rejection(requestProxyTicket(cas(), { pgt: 'PGT-1', targetService: service }))) as CasResponseError).problem).toBe('unsafe_xml');
  });

  it('leaves an undeclared entity reference as written, never resolving it', async () => {
    answer('<serviceResponse><authenticationSuccess><user>u&xxe;</user></authenticationSuccess></serviceResponse>');
    await expect(validateTicketV2(cas(), { ticket: 'ST-1', service })).resolves.toMatchObject({ user: 'u&xxe;' });
  });
});

describe('CAS 1.0 answers', () => {
  it('refuses anything but yes/no', async () => {
    answer('yes\n', 200, 'text/plain');
    expect(((await rejection(validateTicketV1(cas(), { ticket: 'ST-1', service }))) as CasResponseError).problem).toBe('unexpected_shape');
    answer('<html>login</html>', 200, 'text/html');
    expect(await rejection(validateTicketV1(cas(), { ticket: 'ST-1', service }))).toBeInstanceOf(CasResponseError);
    answer('no\n', 503, 'text/plain');
    expect(((await rejection(validateTicketV1(cas(), { ticket: 'ST-1', service }))) as HttpError).code).toBe('http_error');
  });

  it('accepts CRLF line ends', async () => {
    answer('yes\r\nalice\r\n', 200, 'text/plain');
    await expect(validateTicketV1(cas(), { ticket: 'ST-1', service, renew: true })).resolves.toEqual({ user: 'alice' });
    expect(seen[0]!.pathname).toBe('/cas/validate');
    expect(seen[0]!.searchParams.get('renew')).toBe('true');
  });
});

describe('transport', () => {
  it('times out a server that never answers (per-call timeout)', async () => {
    handler = () => {}; // never answers
    const started = performance.now();
    const error = (await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }, { timeout: 200 }))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeout).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('times out a server that sends headers and then stalls (client timeout)', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<cas:serviceResponse');
    };
    const slow = createCasClient({ serverUrl: `${base}/cas`, timeout: 200 });
    expect(await rejection(validateTicketV2(slow, { ticket: 'ST-1', service }))).toBeInstanceOf(TimeoutError);
  });

  it('turns the caller aborting into AbortError, before or during the call', async () => {
    handler = () => {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }, { signal: controller.signal }))).toBeInstanceOf(AbortError);
    const count = seen.length;
    expect(await rejection(validateTicketV2(cas(), { ticket: 'ST-1', service }, { signal: AbortSignal.abort() }))).toBeInstanceOf(AbortError);
    expect(seen.length).toBe(count);
  });

  it('turns a refused connection into NetworkError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(validateTicketV2(createCasClient({ serverUrl: `http://127.0.0.1:${port}/cas` }), { ticket: 'ST-1', service }));
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('uses the injected fetch and encodes every query value', async () => {
    const urls: string[] = [];
    const fake: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response('yes\nbob\n');
    };
    const client = createCasClient({ serverUrl: 'https://cas.example.test/cas/', fetch: fake });
    await expect(validateTicketV1(client, { ticket: 'ST-1&x=y', service: 'https://a.test/p?q=1&r=a b#frag' })).resolves.toEqual({ user: 'bob' });
    expect(urls).toEqual(['https://cas.example.test/cas/validate?service=https%3A%2F%2Fa.test%2Fp%3Fq%3D1%26r%3Da+b%23frag&ticket=ST-1%26x%3Dy']);
  });
});

describe('input is checked before anything is sent', () => {
  const calls: string[] = [];
  const counting = createCasClient({
    serverUrl: 'https://cas.example.test/cas',
    fetch: async (input) => {
      calls.push(String(input));
      return new Response('');
    },
  });

  it.each([
    ['missing ticket', () => validateTicketV2(counting, { ticket: '', service }), 'ticket'],
    ['missing service', () => validateTicketV3(counting, { ticket: 'ST-1', service: undefined as unknown as string }), 'service'],
    ['relative service', () => validateTicketV1(counting, { ticket: 'ST-1', service: '/callback' }), 'service'],
    ['scheme-less service', () => validateTicketV2(counting, { ticket: 'ST-1', service: 'app.example.test/cb' }), 'service'],
    ['plain-http pgtUrl off loopback', () => validateTicketV2(counting, { ticket: 'ST-1', service, pgtUrl: 'http://app.example.test/pgt' }), 'pgtUrl'],
    ['unknown format', () => validateTicketV2(counting, { ticket: 'ST-1', service, format: 'YAML' as 'XML' }), 'format'],
    ['missing pgt', () => requestProxyTicket(counting, { pgt: '', targetService: service }), 'pgt'],
    ['missing targetService', () => requestProxyTicket(counting, { pgt: 'PGT-1', targetService: ' ' }), 'targetService'],
    ['bad per-call timeout', () => validateTicketV2(counting, { ticket: 'ST-1', service }, { timeout: -1 }), 'timeout'],
  ] as const)('%s', async (_name, run, field) => {
    const error = (await rejection(run())) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(calls).toEqual([]);
  });
});
