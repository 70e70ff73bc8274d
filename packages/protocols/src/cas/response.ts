import { HttpError } from '@authing/core';
import type { CasAnswer } from './http.ts';
import { CasError, CasResponseError, type CasResponseProblem } from './errors.ts';
import { XmlRejected, attr, child, childEntries, children, parseCasXml, text, type XmlNode } from './xml.ts';

/** CAS attributes by name; an attribute the server sent more than once is an array, in the server's order. */
export type CasAttributes = Record<string, string | string[]>;

/** A successful ticket validation, from either the XML or the JSON answer. */
export interface CasValidationResult {
  /** The authenticated user's identifier (`cas:user`). */
  user: string;
  /** `cas:attributes` (CAS 3.0); empty when the server released none. */
  attributes: CasAttributes;
  /**
   * The PGT **IOU** (`PGTIOU-…`) when a `pgtUrl` was given. The PGT itself was
   * sent to the pgtUrl as `pgtId` together with this value as `pgtIou`.
   */
  proxyGrantingTicket?: string;
  /** For proxy tickets: the pgtUrls the authentication went through, most recent first (CAS 3.0 §2.6.2). */
  proxies?: string[];
}

function reject(problem: CasResponseProblem, answer: CasAnswer, message: string, cause?: unknown): CasResponseError {
  return new CasResponseError(problem, { status: answer.status, message, body: answer.body }, cause === undefined ? undefined : { cause });
}

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A non-2xx answer that is not a CAS failure document is an HTTP error, not a malformed CAS body. */
function httpFailure(answer: CasAnswer, operation: string): HttpError {
  return new HttpError('http_error', { status: answer.status, message: `${operation}: unexpected HTTP status`, body: answer.body });
}

function setAttribute(into: CasAttributes, name: string, value: string): void {
  const previous = Object.prototype.hasOwnProperty.call(into, name) ? into[name] : undefined;
  const next = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  // defineProperty, so a name like `__proto__` becomes an own property, never a prototype.
  Object.defineProperty(into, name, { value: next, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------- XML

type Parsed =
  | { kind: 'success'; node: XmlNode }
  | { kind: 'jsonSuccess'; json: Record<string, unknown> }
  | { kind: 'failure'; code: string; message: string } | { kind: 'proxy'; ticket: string };

function parseXmlDocument(answer: CasAnswer): Parsed {
  let doc: Record<string, XmlNode[]>;
  try {
    doc = parseCasXml(answer.body);
  } catch (error) {
    if (error instanceof XmlRejected) throw reject(error.problem, answer, error.message, error);
    throw error;
  }
  const response = doc.$serviceResponse?.[0];
  if (response === undefined) throw reject('unexpected_shape', answer, 'the answer has no <cas:serviceResponse>');
  const failure = child(response, 'authenticationFailure') ?? child(response, 'proxyFailure');
  if (failure !== undefined) return { kind: 'failure', code: attr(failure, 'code') ?? 'UNKNOWN', message: text(failure) ?? '' };
  const proxy = child(response, 'proxySuccess');
  if (proxy !== undefined) {
    const ticket = text(child(proxy, 'proxyTicket'));
    if (!ticket) throw reject('unexpected_shape', answer, '<cas:proxySuccess> has no <cas:proxyTicket>');
    return { kind: 'proxy', ticket };
  }
  const success = child(response, 'authenticationSuccess');
  if (success !== undefined) return { kind: 'success', node: success };
  throw reject('unexpected_shape', answer, '<cas:serviceResponse> holds neither a success nor a failure');
}

function xmlResult(answer: CasAnswer, node: XmlNode): CasValidationResult {
  const user = text(child(node, 'user'));
  if (!user) throw reject('unexpected_shape', answer, '<cas:authenticationSuccess> has no <cas:user>');
  const attributes: CasAttributes = {};
  const block = child(node, 'attributes');
  if (block !== undefined) {
    // CAS 3.0 Appendix A: one element per value, repeated for multi-valued attributes.
    for (const [name, values] of childEntries(block)) {
      for (const value of values) {
        const content = text(value);
        if (content !== undefined) setAttribute(attributes, name, content);
      }
    }
  } else {
    // Older servers put <cas:attribute name="…" value="…"/> directly in the success
    // element instead. Only read when the standard block is absent, because some
    // servers (django-cas-server) send both, and reading both would double every value.
    for (const element of children(node, 'attribute')) {
      const name = attr(element, 'name');
      const value = attr(element, 'value');
      if (name !== undefined && value !== undefined) setAttribute(attributes, name, value);
    }
  }
  const result: CasValidationResult = { user, attributes };
  const pgtIou = text(child(node, 'proxyGrantingTicket'));
  if (pgtIou) result.proxyGrantingTicket = pgtIou;
  const proxies = child(node, 'proxies');
  if (proxies !== undefined) result.proxies = children(proxies, 'proxy').map((p) => text(p) ?? '').filter((p) => p !== '');
  return result;
}

// ---------------------------------------------------------------- JSON (CAS 3.0 §2.5.2, §2.5.7, §2.6.2)

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function parseJsonDocument(answer: CasAnswer): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(answer.body);
  } catch (error) {
    throw reject('malformed', answer, 'the CAS response is not valid JSON', error);
  }
  const response = isObject(doc) ? doc.serviceResponse : undefined;
  if (!isObject(response)) throw reject('unexpected_shape', answer, 'the answer has no "serviceResponse" object');
  const failure = response.authenticationFailure ?? response.proxyFailure;
  if (isObject(failure)) {
    return { kind: 'failure', code: scalar(failure.code) ?? 'UNKNOWN', message: (scalar(failure.description) ?? '').trim() };
  }
  if (isObject(response.proxySuccess)) {
    const ticket = scalar(response.proxySuccess.proxyTicket);
    if (!ticket) throw reject('unexpected_shape', answer, '"proxySuccess" has no "proxyTicket"');
    return { kind: 'proxy', ticket };
  }
  if (isObject(response.authenticationSuccess)) return { kind: 'jsonSuccess', json: response.authenticationSuccess };
  throw reject('unexpected_shape', answer, '"serviceResponse" holds neither a success nor a failure');
}

function jsonResult(answer: CasAnswer, success: Record<string, unknown>): CasValidationResult {
  const user = scalar(success.user);
  if (!user) throw reject('unexpected_shape', answer, '"authenticationSuccess" has no "user"');
  const attributes: CasAttributes = {};
  if (isObject(success.attributes)) {
    for (const [name, raw] of Object.entries(success.attributes)) {
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        const content = scalar(value);
        if (content !== undefined) setAttribute(attributes, name, content);
      }
      // An attribute sent as a one-element array stays an array: the server said it is multi-valued.
      if (Array.isArray(raw) && raw.length === 1 && typeof attributes[name] === 'string') {
        Object.defineProperty(attributes, name, { value: [attributes[name]], enumerable: true, writable: true, configurable: true });
      }
    }
  }
  const result: CasValidationResult = { user, attributes };
  const pgtIou = scalar(success.proxyGrantingTicket);
  if (pgtIou) result.proxyGrantingTicket = pgtIou;
  if (Array.isArray(success.proxies)) result.proxies = success.proxies.map(scalar).filter((p): p is string => !!p);
  return result;
}

// ---------------------------------------------------------------- entry points

/**
 * Parses a `/serviceValidate`-family answer. The format is taken from the body,
 * not from what was asked for: servers that ignore `format=JSON` answer XML.
 */
function parseDocument(answer: CasAnswer, operation: string): Parsed {
  try {
    return answer.body.trimStart().startsWith('{') ? parseJsonDocument(answer) : parseXmlDocument(answer);
  } catch (error) {
    // Unsafe XML is reported as such whatever the status; anything else from a
    // non-2xx answer (an HTML error page, …) is an HTTP error.
    if (error instanceof CasResponseError && error.problem !== 'unsafe_xml' && !ok(answer.status)) throw httpFailure(answer, operation);
    throw error;
  }
}

/** Turns a validation answer into a result, or throws `CasError` / `CasResponseError` / `HttpError`. */
export function parseValidation(answer: CasAnswer, operation: string): CasValidationResult {
  const parsed = parseDocument(answer, operation);
  if (parsed.kind === 'failure') throw new CasError({ casCode: parsed.code, serverMessage: parsed.message, status: answer.status });
  if (!ok(answer.status)) throw httpFailure(answer, operation);
  if (parsed.kind === 'jsonSuccess') return jsonResult(answer, parsed.json);
  if (parsed.kind === 'success') return xmlResult(answer, parsed.node);
  throw reject('unexpected_shape', answer, 'expected <cas:authenticationSuccess>');
}

/** Turns a `/proxy` answer into the proxy ticket. */
export function parseProxy(answer: CasAnswer, operation: string): string {
  const parsed = parseDocument(answer, operation);
  if (parsed.kind === 'failure') throw new CasError({ casCode: parsed.code, serverMessage: parsed.message, status: answer.status });
  if (!ok(answer.status)) throw httpFailure(answer, operation);
  if (parsed.kind !== 'proxy') throw reject('unexpected_shape', answer, 'expected <cas:proxySuccess>');
  return parsed.ticket;
}

/** CAS 1.0 (§2.4.2): `yes\n<user>\n` or `no\n`. */
export function parseV1(answer: CasAnswer, operation: string): { user: string } {
  const lines = answer.body.split(/\r?\n/);
  const verdict = lines[0]?.trim();
  if (verdict === 'no' && ok(answer.status)) throw new CasError({ casCode: 'NO', serverMessage: 'the server answered `no`', status: answer.status });
  if (!ok(answer.status)) throw httpFailure(answer, operation);
  const user = lines[1]?.trim();
  if (verdict === 'yes' && user) return { user };
  throw reject('unexpected_shape', answer, 'expected `yes\\n<user>\\n` or `no\\n` from CAS 1.0 /validate');
}
