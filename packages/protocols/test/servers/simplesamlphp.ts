/// <reference types="node" />
// A real SAML 2.0 IdP for the tests: Debian's SimpleSAMLphp 1.19 run by PHP's
// built-in web server (no Apache), with a throw-away config directory, a fresh
// IdP key, one user (alice) and the remote SPs each test file asks for.
// Also a tiny cookie-jar browser that logs in on the IdP's real login form.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SSP_WWW = '/usr/share/simplesamlphp/www';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

export interface RemoteSp {
  entityId: string;
  acsUrl: string;
  sloUrl?: string;
  /** SP certificate (PEM): lets the IdP check SP signatures and encrypt to the SP. */
  certificate?: string;
  signResponse?: boolean;
  signAssertion?: boolean;
  encryptAssertion?: boolean;
  /** Require signed AuthnRequests (needs `certificate`). */
  requireSignedAuthnRequests?: boolean;
  /** Require signed LogoutRequest/LogoutResponse from the SP (needs `certificate`). */
  requireSignedLogout?: boolean;
}

export interface SimpleSamlIdp {
  base: string;
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
  sloUrl: string;
  certificate: string;
  /** The IdP's DEBUG log plus php -S stderr, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

export interface KeyPair {
  privateKey: string;
  certificate: string;
}

/** A fresh self-signed RSA key and certificate from openssl. */
export function makeKeyPair(cn: string): KeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'saml-key-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', `/CN=${cn}`, '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')],
      { stdio: 'ignore' },
    );
    return { privateKey: readFileSync(join(dir, 'k.pem'), 'utf8'), certificate: readFileSync(join(dir, 'c.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Serialises a JSON-like value as a PHP literal (strings single-quoted and escaped). */
function php(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(php).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `[${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${php(k)} => ${php(v)}`)
      .join(', ')}]`;
  }
  throw new Error(`cannot write ${String(value)} as PHP`);
}

const certBody = (pem: string): string => pem.replace(/-----[^-]+-----|\s/g, '');

export async function startSimpleSamlIdp(sps: RemoteSp[]): Promise<SimpleSamlIdp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const root = mkdtempSync(join(tmpdir(), 'ssp-idp-'));
  for (const dir of ['config', 'metadata', 'cert', 'log', 'data', 'tmp', 'sessions']) mkdirSync(join(root, dir));
  const idpKey = makeKeyPair('127.0.0.1 test IdP');
  writeFileSync(join(root, 'cert', 'idp.key'), idpKey.privateKey);
  writeFileSync(join(root, 'cert', 'idp.crt'), idpKey.certificate);

  const config = {
    baseurlpath: base,
    certdir: `${root}/cert/`,
    loggingdir: `${root}/log/`,
    datadir: `${root}/data/`,
    tempdir: `${root}/tmp`,
    metadatadir: `${root}/metadata/`,
    secretsalt: 'test-only-salt-0123456789abcdef',
    'auth.adminpassword': 'test-only-admin-password',
    'admin.protectindexpage': false,
    'admin.protectmetadata': false,
    technicalcontact_name: 'Test',
    technicalcontact_email: 'admin@example.test',
    timezone: 'UTC',
    'logging.handler': 'file',
    'logging.logfile': 'simplesamlphp.log',
    'enable.saml20-idp': true,
    'module.enable': { exampleauth: true, core: true, saml: true, admin: true },
    'session.cookie.secure': false,
    'session.phpsession.savepath': `${root}/sessions`,
    'store.type': 'phpsession',
    'language.available': ['en'],
    'language.default': 'en',
    // Lets IdP-initiated logout (?ReturnTo=) come back to the tests' fake SP host.
    'trusted.url.domains': ['127.0.0.1:9'],
  };
  writeFileSync(
    join(root, 'config', 'config.php'),
    `<?php\n$config = ${php(config)};\n$config['logging.level'] = SimpleSAML\\Logger::DEBUG;\n`,
  );
  const alice = { uid: ['alice'], mail: ['alice@example.test'], eduPersonAffiliation: ['member', 'staff'] };
  writeFileSync(
    join(root, 'config', 'authsources.php'),
    `<?php\n$config = ${php({ admin: ['core:AdminPassword'], 'test-userpass': { 0: 'exampleauth:UserPass', 'alice:alicepass': alice } })};\n`,
  );
  const entityId = `${base}saml2/idp/metadata.php`;
  writeFileSync(
    join(root, 'metadata', 'saml20-idp-hosted.php'),
    `<?php\n$metadata[${php(entityId)}] = ${php({
      host: '__DEFAULT__',
      privatekey: 'idp.key',
      certificate: 'idp.crt',
      auth: 'test-userpass',
      'signature.algorithm': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      'attributes.NameFormat': 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
      // Redirect and POST at both endpoints, so the SP can be tested with either binding.
      'SingleSignOnServiceBinding': [REDIRECT, POST],
      'SingleLogoutServiceBinding': [REDIRECT, POST],
    })};\n`,
  );
  const remote = sps
    .map(
      (sp) =>
        `$metadata[${php(sp.entityId)}] = ${php({
          AssertionConsumerService: sp.acsUrl,
          SingleLogoutService: sp.sloUrl ? [{ Binding: REDIRECT, Location: sp.sloUrl }] : undefined,
          NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
          'simplesaml.nameidattribute': 'mail',
          'saml20.sign.response': sp.signResponse ?? true,
          'saml20.sign.assertion': sp.signAssertion ?? true,
          'sign.logout': true,
          'signature.algorithm': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
          'assertion.encryption': sp.encryptAssertion ?? false,
          'validate.authnrequest': sp.requireSignedAuthnRequests ?? false,
          'validate.logout': sp.requireSignedLogout ?? false,
          certData: sp.certificate ? certBody(sp.certificate) : undefined,
        })};`,
    )
    .join('\n');
  writeFileSync(join(root, 'metadata', 'saml20-sp-remote.php'), `<?php\n${remote}\n`);

  let stderr = '';
  const child: ChildProcess = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', SSP_WWW], {
    env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: join(root, 'config') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = (): string => {
    let file = '';
    try {
      file = readFileSync(join(root, 'log', 'simplesamlphp.log'), 'utf8');
    } catch {
      /* no log yet */
    }
    return `--- simplesamlphp.log (tail) ---\n${file.split('\n').filter((l) => !/ DEBUG /.test(l)).join('\n').slice(-4000)}\n--- php -S stderr (tail) ---\n${stderr.slice(-1500)}`;
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(entityId);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      const report = log();
      await stop();
      throw new Error(`SimpleSAMLphp did not start\n${report}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    base,
    entityId,
    metadataUrl: entityId,
    ssoUrl: `${base}saml2/idp/SSOService.php`,
    sloUrl: `${base}saml2/idp/SingleLogoutService.php`,
    certificate: idpKey.certificate,
    log,
    stop,
  };
}

const unhtml = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What the IdP posts to the SP (its auto-submit form). */
export interface PostedForm {
  action: string;
  fields: Record<string, string>;
}

/**
 * A minimal browser: a cookie jar, manual redirects, and the IdP's login form.
 * `stopAt` URLs (the SP's ACS and SLO) are never fetched: the browser returns
 * the redirect or the auto-submit form addressed to them instead.
 */
export class Browser {
  readonly cookies: Map<string, string> = new Map();
  constructor(private readonly stopAt: string[]) {}

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  private isStop(url: string): boolean {
    return this.stopAt.some((stop) => url.startsWith(stop));
  }

  /**
   * Follows redirects and logs in as alice whenever the login form shows up,
   * until the IdP redirects to or posts a form to one of the `stopAt` URLs.
   */
  async run(
    start: { url: string } | { action: string; fields: Record<string, string> },
    credentials = { username: 'alice', password: 'alicepass' },
  ): Promise<{ redirect: URL } | { form: PostedForm }> {
    let response =
      'url' in start
        ? await this.request(start.url)
        : await this.request(start.action, { method: 'POST', body: new URLSearchParams(start.fields) });
    let current = new URL('url' in start ? start.url : start.action);
    for (let hop = 0; hop < 20; hop++) {
      if (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get('location') ?? '', current);
        await response.arrayBuffer();
        if (this.isStop(next.href)) return { redirect: next };
        current = next;
        response = await this.request(next);
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) throw new Error(`IdP answered ${response.status} at ${current.href}: ${html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`);
      const action = html.match(/<form[^>]*action="([^"]*)"/)?.[1];
      const authState = html.match(/name="AuthState" value="([^"]+)"/)?.[1];
      if (authState) {
        // The login form's action is relative: resolve it against the current page, not the base URL.
        const target = new URL(unhtml(action ?? ''), current);
        current = target;
        response = await this.request(target, {
          method: 'POST',
          body: new URLSearchParams({ username: credentials.username, password: credentials.password, AuthState: unhtml(authState) }),
        });
        continue;
      }
      if (action && this.isStop(new URL(unhtml(action), current).href)) {
        const fields: Record<string, string> = {};
        for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[unhtml(m[1] as string)] = unhtml(m[2] as string);
        return { form: { action: new URL(unhtml(action), current).href, fields } };
      }
      throw new Error(`unexpected IdP page at ${current.href}: ${html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`);
    }
    throw new Error('too many redirects');
  }
}
