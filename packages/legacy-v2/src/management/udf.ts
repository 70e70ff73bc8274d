import { ValidationError, call, type OperationSpec } from '@authing/core';
import { deleteCustomFields, getCustomData, type CustomFieldDto } from '@authing/management';
import type { V2CommonMessage } from '../shapes/paginated.ts';
import {
  toV2UserDefinedData,
  toV2UserDefinedField,
  toV3DataType,
  toV3TargetType,
  type V2KeyValuePair,
  type V2UdfDataType,
  type V2UdfTargetType,
  type V2UserDefinedData,
  type V2UserDefinedField,
} from '../shapes/udf.ts';
import type { ManagementContext } from './context.ts';
import { isRecord, requireString } from './input-checks.ts';

type V3Target = CustomFieldDto['targetType'];

/** The client's tenant (v2's `tenantId` option), which the v3 client sends as `x-authing-app-tenant-id`. */
function tenantOf({ v3 }: ManagementContext): string | undefined {
  return v3.client.headers[v3.client.headerName('tenant-id')];
}

/**
 * The v3 document marks `tenantId` required on `getCustomData` and `deleteCustomFields`, yet
 * Authing's own SDKs never send it, and the server then answers for the pool. With a tenant the v3
 * method is called as it is; without one, the same endpoint is called without the field rather
 * than with an invented tenant.
 */
function withoutTenant(spec: OperationSpec): OperationSpec {
  return { ...spec, required: (spec.required ?? []).filter((field) => field !== 'tenantId') };
}

/** The custom data of one user, role (by code), group (by code) or department, as `{ key: value }`. */
export async function readCustomData(context: ManagementContext, targetType: V3Target, targetIdentifier: string, namespace?: string): Promise<V2KeyValuePair> {
  const tenantId = tenantOf(context);
  const input = { targetType, targetIdentifier, ...(namespace ? { namespace } : {}) };
  const data = tenantId
    ? await context.v3.getCustomData({ ...input, tenantId })
    : await call(context.v3.client, withoutTenant(getCustomData.spec), input, { throwOnError: true });
  return isRecord(data) ? data : {};
}

/** Sets custom values key by key; keys not named keep their values. */
export async function writeCustomData(context: ManagementContext, targetType: V3Target, targetIdentifier: string, values: V2KeyValuePair, namespace?: string): Promise<void> {
  const tenantId = tenantOf(context);
  await context.v3.setCustomData({
    targetType,
    targetIdentifier,
    ...(namespace ? { namespace } : {}),
    ...(tenantId ? { tenantId } : {}),
    // The v3 document types `value` as a string, but the server takes any value of the field's
    // type (a number for a NUMBER field), as v2 callers pass them.
    list: Object.entries(values).map(([key, value]) => ({ key, value: value as string })),
  });
}

/**
 * v2's `managementClient.udf`: custom field definitions (`list`, `set`, `remove`) and the custom
 * values of one user, role, group or department (`listUdv`, `setUdvBatch`). v2's `NODE` target is
 * v3's department; v3 has no custom fields on organisations, the pool, permissions or applications.
 */
export class UdfManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** The custom fields defined on `targetType`. */
  list(targetType: V2UdfTargetType): Promise<V2UserDefinedField[]> {
    const { v3, shim } = this.#context;
    return shim.run('udf.list', 'getCustomFields', async () => {
      const fields = await v3.getCustomFields({ targetType: toV3TargetType(targetType) });
      return (fields ?? []).map(toV2UserDefinedField);
    });
  }

  /** Creates the custom field `key`, or updates its label when it exists (its data type cannot change). */
  set(targetType: V2UdfTargetType, key: string, dataType: V2UdfDataType, label: string): Promise<V2UserDefinedField> {
    const { v3, shim } = this.#context;
    return shim.run('udf.set', 'setCustomFields', async () => {
      const field = { targetType: toV3TargetType(targetType), key: requireString(key, 'key'), dataType: toV3DataType(dataType), label };
      const saved = await v3.setCustomFields({ list: [field] });
      const answer = (saved ?? []).find((candidate) => candidate.key === key && candidate.targetType === field.targetType) ?? saved?.[0];
      // An answer without the field still means it was saved: report what was sent.
      return toV2UserDefinedField(answer ?? { ...field, isUnique: false, visibleInAdminConsole: true });
    });
  }

  /** Deletes the custom field `key` (and its values); resolves v2's `{ code: 200, message }`. */
  remove(targetType: V2UdfTargetType, key: string): Promise<V2CommonMessage> {
    const context = this.#context;
    return context.shim.run('udf.remove', 'deleteCustomFields', async () => {
      const tenantId = tenantOf(context);
      const list = [{ targetType: toV3TargetType(targetType), key: requireString(key, 'key') }];
      if (tenantId) await context.v3.deleteCustomFields({ list, tenantId });
      else await call(context.v3.client, withoutTenant(deleteCustomFields.spec), { list }, { throwOnError: true });
      return { code: 200 as const, message: 'deleted' };
    });
  }

  /** The custom values of one target (a user id, a role or group code, a department id). */
  listUdv(targetType: V2UdfTargetType, targetId: string): Promise<V2UserDefinedData[]> {
    const context = this.#context;
    return context.shim.run('udf.listUdv', 'getCustomData', async () =>
      toV2UserDefinedData(await readCustomData(context, toV3TargetType(targetType), requireString(targetId, 'targetId'))),
    );
  }

  /** Sets custom values of one target, then resolves all of its values, as v2 did. */
  setUdvBatch(targetType: V2UdfTargetType, targetId: string, udvList: { key: string; value: unknown }[]): Promise<V2UserDefinedData[]> {
    const context = this.#context;
    return context.shim.run('udf.setUdvBatch', 'ManagementClient.setCustomData() from @authing/management (then getCustomData() for the values now set)', async () => {
      const type = toV3TargetType(targetType);
      const id = requireString(targetId, 'targetId');
      if (!Array.isArray(udvList) || udvList.length === 0) throw new ValidationError('invalid `udvList`: a non-empty array of { key, value }', 'udvList');
      const values: V2KeyValuePair = {};
      udvList.forEach((item, index) => {
        values[requireString(item?.key, `udvList[${index}].key`)] = item.value;
      });
      await writeCustomData(context, type, id, values);
      return toV2UserDefinedData(await readCustomData(context, type, id));
    });
  }
}
