import { ValidationError } from '@authing/core';
import type { CustomFieldDto, UserDto } from '@authing/management';
import { toV2User, type V2User } from './user.ts';

/** v2's custom-field targets. v3 has custom fields on users, roles, groups and departments (v2's `NODE`) only. */
export type V2UdfTargetType = 'NODE' | 'ORG' | 'USER' | 'USERPOOL' | 'ROLE' | 'PERMISSION' | 'APPLICATION' | 'GROUP';

export type V2UdfDataType = 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' | 'OBJECT';

/** A custom field's definition as v2 returned it (v2's GraphQL `UserDefinedField`). */
export interface V2UserDefinedField {
  targetType: V2UdfTargetType;
  /** v3's `ENUM` fields read as `STRING`: their values are strings. */
  dataType: V2UdfDataType;
  key: string;
  label: string | null;
  /** The choices of an enum field, JSON-encoded as v2 kept them. */
  options: string | null;
}

/**
 * One custom value of a user, role, group or department, as v2 returned it (v2's
 * `UserDefinedData`): `udf.listUdv` and `udf.setUdvBatch`, and the AuthenticationClient's
 * `listUdv`, `setUdv` and `removeUdv`.
 */
export interface V2UserDefinedData {
  key: string;
  /** Read from the value: v3 answers values without their field's type. */
  dataType: V2UdfDataType;
  /**
   * The management calls give it parsed, as v2's SDK did; the AuthenticationClient's give it
   * JSON-encoded, as v2's GraphQL `udv` query sent it (a string).
   */
  value: unknown;
  /** v3 answers values without their field's label. */
  label: null;
}

/** v2's `KeyValuePair`: custom values by key. */
export type V2KeyValuePair = Record<string, unknown>;

type V3Target = CustomFieldDto['targetType'];

const v3Targets = new Map<string, V3Target>([
  ['USER', 'USER'],
  ['ROLE', 'ROLE'],
  ['GROUP', 'GROUP'],
  ['NODE', 'DEPARTMENT'],
]);

/** v2's target type as v3's; a ValidationError for the targets v3 has no custom fields on. */
export function toV3TargetType(targetType: unknown): V3Target {
  const mapped = typeof targetType === 'string' ? v3Targets.get(targetType) : undefined;
  if (!mapped) {
    throw new ValidationError(`invalid \`targetType\`: one of USER, ROLE, GROUP, NODE (v3 has no custom fields on ${String(targetType)})`, 'targetType');
  }
  return mapped;
}

const v3DataTypes = new Set(['STRING', 'NUMBER', 'DATETIME', 'BOOLEAN']);

/** v2's data type as v3's; v3 has no `OBJECT` fields. */
export function toV3DataType(dataType: unknown): 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' {
  if (typeof dataType !== 'string' || !v3DataTypes.has(dataType)) {
    throw new ValidationError(`invalid \`dataType\`: one of STRING, NUMBER, DATETIME, BOOLEAN (v3 has no ${String(dataType)} custom fields)`, 'dataType');
  }
  return dataType as 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN';
}

/** A v3 custom field definition in v2's shape. */
export function toV2UserDefinedField(field: CustomFieldDto): V2UserDefinedField {
  return {
    targetType: field.targetType === 'DEPARTMENT' ? 'NODE' : field.targetType,
    dataType: field.dataType === 'ENUM' ? 'STRING' : field.dataType,
    key: field.key,
    label: field.label ?? null,
    options: field.options === undefined ? null : JSON.stringify(field.options),
  };
}

/** v2's data type of a custom value, read from the value itself (v3 answers values without their field's type). */
export function dataTypeOf(value: unknown): V2UdfDataType {
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'object' && value !== null) return 'OBJECT';
  return 'STRING';
}

/** v3's custom data (`{ key: value }`) as v2's list of values. */
export function toV2UserDefinedData(data: V2KeyValuePair): V2UserDefinedData[] {
  return Object.entries(data).map(([key, value]) => ({ key, dataType: dataTypeOf(value), value, label: null }));
}

/** A member of a role or a group in v2's shape: `customData` as `{ key: value }` when asked for, else `null`, as v2's queries did. */
export function toV2Member(user: UserDto, userPoolId: string, withCustomData: boolean): V2User {
  return { ...toV2User(user, userPoolId), customData: withCustomData ? { ...user.customData } : null };
}
