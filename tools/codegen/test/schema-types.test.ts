import { describe, expect, it } from 'vitest';
import { schemaLookup } from '../src/schema-shape.ts';
import { declaration, reachableSchemas, typeExpression } from '../src/schema-types.ts';
import type { Schema } from '../src/spec.ts';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

describe('typeExpression', () => {
  it('maps primitives, keeping date-time a string and integers numbers', () => {
    expect(typeExpression({ type: 'string', format: 'date-time' })).toBe('string');
    expect(typeExpression({ type: 'integer' })).toBe('number');
    expect(typeExpression({ type: 'boolean', nullable: true })).toBe('boolean | null');
  });

  it('maps enums to literal unions, quoting and de-duplicating', () => {
    expect(typeExpression({ type: 'string', enum: ['a', "it's", 'a'] })).toBe("'a' | 'it\\'s'");
    expect(typeExpression({ type: 'number', enum: [1, 2] })).toBe('1 | 2');
  });

  it('follows references and combines allOf, oneOf and anyOf', () => {
    expect(typeExpression({ description: 'wrapped', allOf: [ref('UserDto')] })).toBe('UserDto');
    expect(typeExpression({ allOf: [ref('A'), { oneOf: [ref('B'), ref('C')] }] })).toBe('A & (B | C)');
    expect(typeExpression({ anyOf: [ref('A'), { type: 'string' }] })).toBe('A | string');
  });

  it('parenthesises union element types of arrays', () => {
    expect(typeExpression({ type: 'array', items: { oneOf: [ref('A'), { type: 'string' }] } })).toBe('(A | string)[]');
    expect(typeExpression({ type: 'array', items: ref('A'), nullable: true })).toBe('A[] | null');
    expect(typeExpression({ type: 'array' })).toBe('unknown[]');
  });

  it('never falls back to any', () => {
    expect(typeExpression({})).toBe('unknown');
    expect(typeExpression({ type: 'object' })).toBe('Record<string, unknown>');
    expect(typeExpression({ type: 'object', additionalProperties: { type: 'number' } })).toBe('Record<string, number>');
  });

  it('prints object literals with optional markers, quoted keys and one-line docs', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        id: { type: 'string', description: ' The id \nMore text that stays out.' },
        'zh-CN': { type: 'string', description: 'closes */ early' },
      },
      required: ['id'],
      additionalProperties: true,
    };
    expect(typeExpression(schema)).toBe(
      ['{', '  /** The id */', '  id: string;', '  /** closes *\\/ early */', "  'zh-CN'?: string;", '  [key: string]: unknown;', '}'].join('\n'),
    );
  });
});

describe('declaration', () => {
  it('declares plain objects as interfaces and everything else as aliases', () => {
    expect(declaration('Pet', { type: 'object', properties: { name: { type: 'string', deprecated: true } } })).toBe(
      'export interface Pet {\n  /** @deprecated */\n  name?: string;\n}\n',
    );
    expect(declaration('Empty', { type: 'object', properties: {} })).toBe('export type Empty = Record<string, unknown>;\n');
    expect(declaration('Kind', { enum: ['a', 'b'] })).toBe("export type Kind = 'a' | 'b';\n");
  });
});

describe('reachableSchemas', () => {
  it('collects what the roots lead to and nothing else', () => {
    const lookup = schemaLookup({
      A: { type: 'object', properties: { b: ref('B'), self: ref('A') } },
      B: { type: 'array', items: { allOf: [ref('C')] } },
      C: { type: 'string' },
      Unused: { type: 'string' },
    });
    expect([...reachableSchemas([ref('A')], lookup)].sort()).toEqual(['A', 'B', 'C']);
  });

  it('throws on a dangling reference', () => {
    expect(() => reachableSchemas([ref('Missing')], schemaLookup({}))).toThrow(/unknown schema Missing/);
  });
});
