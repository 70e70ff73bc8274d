import { describe, expect, it } from 'vitest';
import { SampleError, Sampler, type OpenApiDocument, type Schema } from '../src/sample.ts';

const doc: OpenApiDocument = {
  paths: {},
  components: {
    schemas: {
      Target: {
        type: 'object',
        properties: {
          targetType: { type: 'string', enum: ['USER', 'ROLE'] },
          targetIdentifier: { type: 'string', example: 'user1' },
        },
        required: ['targetType', 'targetIdentifier'],
      },
      Options: { type: 'object', properties: { resetPasswordOnFirstLogin: { type: 'boolean' } } },
      Loop: { $ref: '#/components/schemas/Loop' },
    },
  },
};
const sampler = new Sampler(doc);
const sample = (schema: Schema) => sampler.sample(schema);

describe('Sampler.sample', () => {
  it('fills only required properties, following $ref and allOf', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        nickname: { type: 'string' },
        target: { allOf: [{ $ref: '#/components/schemas/Target' }] },
        options: { $ref: '#/components/schemas/Options' },
      },
      required: ['email', 'target'],
    };
    expect(sample(schema)).toEqual({ email: 'user@example.com', target: { targetType: 'USER', targetIdentifier: 'user1' } });
  });

  it('uses a valid example and ignores an invalid one', () => {
    expect(sample({ type: 'string', example: 'abc' })).toBe('abc');
    expect(sample({ type: 'number', example: 'ten' })).toBe(1);
    expect(sample({ type: 'string', enum: ['A', 'B'], example: 'C' })).toBe('A');
    expect(sample({ type: 'string', format: 'date-time', example: 'yesterday' })).toBe('2024-01-02T03:04:05.000Z');
    expect(sample({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'], example: {} })).toEqual({ a: 1 });
  });

  it('honours formats, lengths and numeric bounds', () => {
    expect(sample({ type: 'string', format: 'uri' })).toBe('https://example.com/callback');
    expect(sample({ type: 'string', minLength: 10 })).toBe('samplexxxx');
    expect(sample({ type: 'string', maxLength: 3 })).toBe('sam');
    expect(sample({ type: 'number', minimum: 5, maximum: 9 })).toBe(5);
    expect(sample({ type: 'integer', maximum: 0 })).toBe(0);
    expect(sample({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true })).toBe(0.5);
  });

  it('builds arrays within bounds, with distinct items when uniqueItems', () => {
    expect(sample({ type: 'array', items: { type: 'string' } })).toEqual(['sample']);
    expect(sample({ type: 'array', minItems: 3, uniqueItems: true, items: { type: 'string' } })).toEqual(['sample', 'sample1', 'sample2']);
    expect(sample({ type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', enum: ['X', 'Y'] } })).toEqual(['X', 'Y']);
    expect(sample({ type: 'array', maxItems: 0, items: { type: 'string' } })).toEqual([]);
  });

  it('picks a oneOf branch that matches exactly one branch', () => {
    const schema: Schema = {
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string' } },
      ],
    };
    const value = sample(schema);
    expect(value).toBe('sample');
    expect(sampler.conforms(schema, value)).toBe(true);
    expect(sampler.conforms(schema, 3)).toBe(false);
  });

  it('handles patterns it can satisfy and reports those it cannot', () => {
    expect(sample({ type: 'string', pattern: '^[a-z]+$' })).toBe('sample');
    expect(sample({ type: 'string', pattern: '^\\d{6}$', example: '123456' })).toBe('123456');
    expect(() => sample({ type: 'string', pattern: '^\\d{6}$' })).toThrow(/cannot build a string matching/);
  });

  it('reports broken $refs and required cycles', () => {
    expect(() => sample({ $ref: '#/components/schemas/Nope' })).toThrow(SampleError);
    expect(() => sample({ $ref: '#/components/schemas/Loop' })).toThrow(/unresolvable/);
    const cyclic: OpenApiDocument = {
      paths: {},
      components: { schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } }, required: ['child'] } } },
    };
    expect(() => new Sampler(cyclic).sample({ $ref: '#/components/schemas/Node' })).toThrow(/nests too deeply/);
  });
});

describe('Sampler.input', () => {
  it('merges required path and query parameters, preferring parameter examples', () => {
    const input = sampler.input({
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'userId', in: 'query', required: true, example: 'u1', schema: { type: 'string' } },
        { name: 'page', in: 'query', required: false, schema: { type: 'number' } },
        { name: 'qrcodeId', in: 'query', required: true, example: '', schema: { type: 'string' } },
        { name: 'userIds', in: 'query', required: true, schema: { type: 'array', minItems: 1, items: { type: 'string' } } },
      ],
    });
    expect(input).toEqual({ id: 'sample', userId: 'u1', qrcodeId: 'sample', userIds: ['sample'] });
  });

  it('flattens the required properties of the JSON body into the input', () => {
    const input = sampler.input({
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Target' } } } },
    });
    expect(input).toEqual({ targetType: 'USER', targetIdentifier: 'user1' });
  });
});
