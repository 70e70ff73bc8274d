// ID-token validation throughput with a warm JWKS, in one process: our
// `verifyIdToken(client, token, { nonce })` against jose's `jwtVerify` with a
// local JWK set, on the SAME RS256 token and key. Our client gets its discovery
// document and JWKS from a node:http server on 127.0.0.1 and is warmed with one
// call first; the run then checks that it fetched nothing more.
//
// Method: awaited calls, one in flight. R rounds (default 5) of M ms per case
// (default 1500), each round split into 10 slices (150 ms per case) that
// alternate between the cases in rotating order, so load drift on a shared
// machine hits every case alike (3 slices gave per-round ratios 75-100 %, 10
// slices 78-97 %). One shorter, discarded warm-up round first. Reported: ops/s
// median of rounds, min..max, CPU µs per op (process.cpuUsage, all threads:
// WebCrypto runs on libuv's pool), and ours / jose per round (median, min..max).
//
//   node jwt.mjs [--rounds 5] [--ms 1500] [--json]   (or BENCH_JWT_ROUNDS, BENCH_JWT_MS, BENCH_JWT_SLICES)
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import { checkOurDist, fmt, machine, median, outDir, table, versionOf } from './lib.mjs';

/** The target: ours at least 90 % of jose's throughput. */
export const TARGET_RATIO = 0.9;
const APP_ID = 'bench-app';
const NONCE = 'n-0S6_WzA2Mj';

const argValue = (args, name) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : undefined;
};

/** A local OIDC server: discovery and JWKS only, counting the requests it serves. */
async function startServer(jwks) {
  const hits = { discovery: 0, jwks: 0, other: 0 };
  const server = http.createServer((req, res) => {
    const issuer = `http://127.0.0.1:${server.address().port}/oidc`;
    let body;
    if (req.url === '/oidc/.well-known/openid-configuration') {
      hits.discovery++;
      body = {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/me`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
      };
    } else if (req.url === '/oidc/.well-known/jwks.json') {
      hits.jwks++;
      body = jwks;
    } else {
      hits.other++;
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, hits, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Key, JWKS, server and the token(s) every case verifies. */
async function setup() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-rs256', alg: 'RS256', use: 'sig' };
  const jwks = { keys: [jwk] };
  const { server, hits, origin } = await startServer(jwks);
  const issuer = `${origin}/oidc`;
  const now = Math.floor(Date.now() / 1000);
  // An Authing-like ID token (profile claims included); valid for an hour, longer than any run.
  const claims = { sub: 'user-6139f3b6', nonce: NONCE, auth_time: now, name: 'Bench User', email: 'bench@example.com', email_verified: true };
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(APP_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  // oauth4webapi validates access tokens only (RFC 9068: typ at+jwt, jti, client_id), so it gets a
  // sibling token with the same key, algorithm and claims.
  const accessToken = await new SignJWT({ ...claims, client_id: APP_ID, scope: 'openid profile' })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(APP_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .setJti('bench-jti')
    .sign(privateKey);
  return { server, hits, origin, issuer, jwk, jwks, idToken, accessToken };
}

/** The cases, each with a check of what one call returns (run once before timing). */
async function makeCases(ctx) {
  const { createOidcClient, verifyIdToken } = await import('@authing/protocols/oidc');
  const { issuer, idToken, accessToken } = ctx;
  const client = createOidcClient({ appId: APP_ID, appHost: ctx.origin });
  const localJwks = createLocalJWKSet(ctx.jwks);
  const as = await oauth.processDiscoveryResponse(
    new URL(issuer),
    await oauth.discoveryRequest(new URL(issuer), { algorithm: 'oidc', [oauth.allowInsecureRequests]: true }),
  );
  const bearer = new Request(`${ctx.origin}/api/resource`, { headers: { authorization: `Bearer ${accessToken}` } });
  const keyObject = createPublicKey({ key: ctx.jwk, format: 'jwk' });
  const [head, payload, signature] = idToken.split('.');
  const signed = Buffer.from(`${head}.${payload}`);
  const sigBytes = Buffer.from(signature, 'base64url');
  const sub = 'user-6139f3b6';

  return [
    {
      id: 'ours',
      label: '@authing/protocols verifyIdToken(client, token, { nonce })',
      version: versionOf('@authing/protocols'),
      checks: 'signature (JWKS from 127.0.0.1, cached), alg allow-list, iss, aud, azp, exp/nbf/iat, sub, nonce, typ',
      run: () => verifyIdToken(client, idToken, { nonce: NONCE }),
      expect: (claims) => claims.sub === sub && claims.nonce === NONCE,
      // Run once after warming: the same client must refuse another nonce, from its cache.
      rejectsOtherNonce: () => verifyIdToken(client, idToken, { nonce: 'other' }).then(() => false, (e) => e?.check === 'nonce'),
    },
    {
      id: 'jose',
      label: "jose jwtVerify(token, createLocalJWKSet(jwks), { issuer, audience, algorithms: ['RS256'] })",
      version: versionOf('jose'),
      checks: 'signature, alg allow-list, iss, aud, exp/nbf (no nonce)',
      run: () => jwtVerify(idToken, localJwks, { issuer, audience: APP_ID, algorithms: ['RS256'] }),
      expect: (r) => r.payload.sub === sub,
    },
    {
      id: 'oauth4webapi',
      label: 'oauth4webapi validateJwtAccessToken (JWKS from 127.0.0.1, cached); sibling at+jwt token',
      version: versionOf('oauth4webapi'),
      checks: 'signature, iss, aud, exp/iat, RFC 9068 claims (a reference: access-token profile, not an ID token)',
      run: () => oauth.validateJwtAccessToken(as, bearer, APP_ID, { [oauth.allowInsecureRequests]: true }),
      expect: (claims) => claims.sub === sub && claims.client_id === APP_ID,
    },
    {
      id: 'floor',
      label: 'node:crypto verify(RSA-SHA256, KeyObject) + JSON.parse (floor, no claim checks)',
      version: process.version,
      checks: 'signature only, synchronous OpenSSL (no WebCrypto)',
      run: () => {
        if (!cryptoVerify('RSA-SHA256', signed, keyObject, sigBytes)) throw new Error('bad signature');
        return JSON.parse(Buffer.from(payload, 'base64url').toString());
      },
      expect: (claims) => claims.sub === sub,
    },
  ];
}

/** Runs `fn` back to back (awaited, one in flight) for `ms`; returns ops, wall ms and CPU µs. */
async function slice(fn, ms) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + ms;
  let ops = 0;
  let now = t0;
  while (now < end) {
    await fn();
    ops++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { ops, ms: now - t0, cpuUs: cpu.user + cpu.system };
}

export async function runJwt({
  rounds = Number(process.env.BENCH_JWT_ROUNDS) || 5,
  ms = Number(process.env.BENCH_JWT_MS) || 1500,
  slices = Number(process.env.BENCH_JWT_SLICES) || 10,
  quiet = false,
} = {}) {
  const problems = checkOurDist('@authing/protocols', ['./oidc']).concat(checkOurDist('@authing/core', ['.']));
  if (problems.length) {
    const report = { kind: 'jwt', machine: machine(), problems, results: [] };
    if (!quiet) console.log(renderJwt(report));
    return report;
  }
  const ctx = await setup();
  const started = performance.now();
  const loadBefore = machine().loadavg;
  try {
    const cases = await makeCases(ctx);
    // Warm: one call each (our client fetches discovery + JWKS here), checked, plus a rejected nonce.
    for (const c of cases) {
      const result = await c.run();
      if (!c.expect(result)) problems.push(`${c.id}: unexpected result ${JSON.stringify(result).slice(0, 200)}`);
    }
    if (!(await cases[0].rejectsOtherNonce())) problems.push('ours: a wrong nonce was not rejected with check "nonce"');
    const hitsAfterWarm = { ...ctx.hits };

    const per = new Map(cases.map((c) => [c.id, []]));
    const sliceMs = ms / slices;
    for (let round = -1; round < rounds; round++) {
      const acc = new Map(cases.map((c) => [c.id, { ops: 0, ms: 0, cpuUs: 0 }]));
      for (let s = 0; s < slices; s++) {
        const rot = Math.max(round, 0) * slices + s;
        for (let i = 0; i < cases.length; i++) {
          const c = cases[(i + rot) % cases.length];
          // Warm-up round: shorter, discarded.
          const r = await slice(c.run, round < 0 ? Math.min(sliceMs, 200) : sliceMs);
          const a = acc.get(c.id);
          a.ops += r.ops;
          a.ms += r.ms;
          a.cpuUs += r.cpuUs;
        }
      }
      if (round < 0) continue;
      for (const c of cases) {
        const a = acc.get(c.id);
        per.get(c.id).push({ opsPerSec: (a.ops * 1000) / a.ms, cpuUsPerOp: a.cpuUs / a.ops, ops: a.ops });
      }
    }
    const fetchedDuringRun = {
      discovery: ctx.hits.discovery - hitsAfterWarm.discovery,
      jwks: ctx.hits.jwks - hitsAfterWarm.jwks,
    };
    if (fetchedDuringRun.discovery || fetchedDuringRun.jwks) {
      problems.push(`the JWKS/discovery was fetched again during the timed run: ${JSON.stringify(fetchedDuringRun)} (not warm)`);
    }

    const results = cases.map((c) => {
      const rs = per.get(c.id);
      const ops = rs.map((r) => r.opsPerSec);
      return {
        id: c.id,
        label: c.label,
        version: c.version,
        checks: c.checks,
        opsPerSec: { median: median(ops), min: Math.min(...ops), max: Math.max(...ops), rounds: ops },
        cpuUsPerOp: median(rs.map((r) => r.cpuUsPerOp)),
        totalOps: rs.reduce((s, r) => s + r.ops, 0),
      };
    });
    const ours = per.get('ours');
    const jose = per.get('jose');
    const ratios = ours.map((r, i) => r.opsPerSec / jose[i].opsPerSec);
    const ratio = {
      median: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      rounds: ratios,
      cpu: median(jose.map((r) => r.cpuUsPerOp)) / median(ours.map((r) => r.cpuUsPerOp)),
      target: TARGET_RATIO,
    };
    const report = {
      kind: 'jwt',
      method: { rounds, msPerCasePerRound: ms, slicesPerRound: slices, inFlight: 1, alg: 'RS256 (2048-bit RSA)' },
      machine: { ...machine(), loadavgBefore: loadBefore },
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      server: { hitsAfterWarm, fetchedDuringRun },
      results,
      ratio,
      problems,
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'jwt.json'), `${JSON.stringify(report, null, 2)}\n`);
    if (!quiet) console.log(renderJwt(report));
    return report;
  } finally {
    ctx.server.closeAllConnections?.();
    ctx.server.close();
  }
}

const pct = (x) => `${(100 * x).toFixed(0)} %`;

export function renderJwt(report) {
  if (!report.results.length) {
    return ['## ID-token validation throughput', '', '**Problems:**', ...report.problems.map((p) => `- ${p}`)].join('\n');
  }
  const { method: m, ratio, machine: mc } = report;
  const rows = report.results.map((r) => [
    `${r.label} @${r.version}`,
    fmt(Math.round(r.opsPerSec.median)),
    `${fmt(Math.round(r.opsPerSec.min))}..${fmt(Math.round(r.opsPerSec.max))}`,
    `±${(((r.opsPerSec.max - r.opsPerSec.min) / 2 / r.opsPerSec.median) * 100).toFixed(0)} %`,
    (1e6 / r.opsPerSec.median).toFixed(0),
    r.cpuUsPerOp.toFixed(0),
    r.checks,
  ]);
  const verdict = ratio.median >= ratio.target ? 'meets' : 'BELOW';
  return [
    `## ID-token validation throughput (${m.alg}, warm JWKS, ${m.inFlight} in flight; ${m.rounds} rounds × ${m.msPerCasePerRound} ms per case, ${m.slicesPerRound} interleaved slices per round)`,
    '',
    table(['Case', 'ops/s median', 'min..max', 'half-range', 'µs/op wall', 'CPU µs/op', 'Checks'], rows, 'lrrrrrl'),
    '',
    `- **ours / jose: ${pct(ratio.median)}** (median of per-round ratios; rounds ${ratio.rounds.map(pct).join(', ')}; by CPU per op ${pct(ratio.cpu)}); target ≥ ${pct(ratio.target)}: ${verdict}.`,
    `- Local server (127.0.0.1) hits: ${report.server.hitsAfterWarm.discovery} discovery + ${report.server.hitsAfterWarm.jwks} JWKS while warming (our client and oauth4webapi, one each), ${report.server.fetchedDuringRun.discovery} + ${report.server.fetchedDuringRun.jwks} during the timed run. The same token and key for ours and jose; a wrong nonce is rejected by ours (checked).`,
    ...(report.problems.length ? ['', '**Problems:**', ...report.problems.map((p) => `- ${p}`)] : []),
    '',
    `_${mc.date}, node ${mc.node}, ${mc.cpu}, load ${mc.loadavgBefore.join('/')} → ${mc.loadavg.join('/')}, ${report.seconds} s_`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const report = await runJwt({ rounds: argValue(args, '--rounds'), ms: argValue(args, '--ms'), quiet: json });
  if (json) console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.problems.length ? 1 : 0;
}
